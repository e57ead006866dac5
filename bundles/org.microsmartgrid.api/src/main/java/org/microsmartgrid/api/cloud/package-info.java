/**
 * The cloud link's request/reply contract (Eclipse Kura's, as Eclipse Kapua speaks it): a handler serves one
 * application id (CONF-V1, ASSET-V1, ...) and answers requests the cloud bundle decoded from MQTT. Handlers know
 * nothing of MQTT or protobuf: metrics are plain Java values, bodies are bytes.
 */
@Export
@Version("1.2.0")
package org.microsmartgrid.api.cloud;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
