/**
 * Read-only view of the balancer's last decision, for the status page (and later CoAP and telemetry). Exported
 * from this bundle until it moves into the API bundle; only JDK types, so it can move without changes.
 */
@Export
@Version("0.1.0")
package org.microsmartgrid.grid.balancer.status;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
