/**
 * The control loop: what it decided in its last cycle and why (read-only, for the status page, CoAP and telemetry),
 * and what people and building systems may ask of it (socket enable/disable, a temporary power cap, a commissioning
 * pause, an installer's manual hold per socket). Only JDK types, so a consumer needs nothing of the loop's
 * implementation.
 */
@Export
@Version("2.0.0")
package org.microsmartgrid.api.control;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
