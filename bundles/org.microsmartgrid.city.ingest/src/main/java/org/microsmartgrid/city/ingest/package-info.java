/**
 * How MQTT messages reach the city's ingest, whoever receives them (the embedded broker today, a client of an
 * external broker later): one path, never blocking the caller.
 */
@Export
@Version("1.2.0")
package org.microsmartgrid.city.ingest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
