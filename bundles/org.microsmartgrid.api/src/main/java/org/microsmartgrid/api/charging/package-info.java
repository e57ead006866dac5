/**
 * Charging sessions: who charges on which socket, how (mode), and the record of energy, solar share and cost; the
 * shared fleet's trips (1.3.0).
 * Only JDK types, so the balancer, the status page and later CoAP/telemetry depend on the API and not on the bundle
 * that keeps the sessions.
 */
@Export
@Version("1.3.0")
package org.microsmartgrid.api.charging;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
