/**
 * The module's telemetry as docs/cloud-telemetry.md defines it (site, sockets, availability events, session
 * records), built from the API services and handed to a {@link org.microsmartgrid.telemetry.MessageSink}. Shared by
 * the two ways a module reaches the cloud: our own Kura-protocol link (org.microsmartgrid.cloud.kapua, through its
 * outbox) and, on a Kura gateway, Kura's CloudPublisher (org.microsmartgrid.cloud.kura).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.microsmartgrid.telemetry;
