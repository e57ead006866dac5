/**
 * How the city's requests reach a module (CITY-V1 EXEC door, door-code, start; docs/cloud-management.md): the
 * embedded broker's channel, or Kapua's device requests in Kapua mode (bundle org.microsmartgrid.city.kapua).
 */
@Export
@Version("1.0.0")
package org.microsmartgrid.city.broker.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
