package org.microsmartgrid.cloud.kapua.config;

import java.nio.file.Path;
import java.time.Duration;

import org.microsmartgrid.cloud.kapua.lifecycle.DeviceIdentity;
import org.microsmartgrid.cloud.kapua.link.LinkSettings;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.cloud.kapua.topic.KuraTopics;

/**
 * The cloud link's configuration, validated.
 *
 * @param link        how to reach the broker
 * @param topics      the device's topics
 * @param identity    what BIRTH says the device is
 * @param position    where it is, or null
 * @param telemetry   telemetry interval
 * @param outboxPath  the outbox store (without .mvstore)
 * @param outboxMax   outbox bound, messages
 * @param gzip        compress payloads when shorter
 */
public record CloudSettings(LinkSettings link, KuraTopics topics, DeviceIdentity identity, KuraMessage.Position position,
                            Duration telemetry, Path outboxPath, int outboxMax, boolean gzip) {
}
