/**
 * Eclipse Kura's payload as plain Java values ({@link org.microsmartgrid.kura.payload.KuraMessage}) and its wire
 * codec ({@link org.microsmartgrid.kura.payload.KuraPayloadCodec}): the one codec of the project, used by the
 * module's cloud link to publish and by the city runtime to ingest (DESIGN.md §2, §6). The protobuf classes
 * generated from kurapayload.proto stay private to this bundle.
 */
@Export
@Version("1.0.0")
package org.microsmartgrid.kura.payload;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
