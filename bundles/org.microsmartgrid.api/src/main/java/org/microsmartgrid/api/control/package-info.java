/**
 * The control loop's state, read-only: what the balancing loop decided in its last cycle and why, for the status
 * page (and later CoAP and telemetry). Only JDK types, so a consumer needs nothing of the loop's implementation.
 */
@Export
@Version("1.0.0")
package org.microsmartgrid.api.control;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
