package org.microsmartgrid.cloud.kapua.outbox;

import java.util.UUID;
import org.microsmartgrid.telemetry.MessageClass;

/**
 * A message waiting in the outbox.
 *
 * @param seq     its place in the outbox: messages leave in this order
 * @param id      its unique id (also the {@code msg.id} metric inside the payload), for receivers to drop duplicates
 * @param topic   the full MQTT topic
 * @param kind    its class, for the drop policy
 * @param created when it was captured, epoch ms
 * @param payload the encoded Kura payload
 */
public record OutboxMessage(long seq, UUID id, String topic, MessageClass kind, long created, byte[] payload) {
}
