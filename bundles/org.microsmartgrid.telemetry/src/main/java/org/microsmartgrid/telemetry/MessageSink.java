package org.microsmartgrid.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where telemetry goes: the cloud link's outbox, or Kura's CloudPublisher on a Kura gateway. Either way each message
 * gets a {@link #MESSAGE_ID} metric (docs/cloud-telemetry.md) and lands under {@code {account}/{client}/msg/{resource}}.
 */
public interface MessageSink {

    /** The metric every data message carries: unique per message; receivers drop duplicates by it. */
    String MESSAGE_ID = "msg.id";

    /** The message id of a keyed message: derived from the key, so a retry after a crash reuses it. */
    static UUID idOf(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A data message to queue.
     *
     * @param resource   e.g. "site" or "sockets/3"
     * @param kind       its class, for the outbox's drop policy
     * @param capturedMs when its values were captured, epoch ms
     * @param metrics    its metrics
     */
    record Outgoing(String resource, MessageClass kind, long capturedMs, Map<String, Object> metrics) {
    }

    /** Queues messages together (one write to disk for the lot), in this order. */
    void sendAll(List<Outgoing> messages);

    default void send(String resource, MessageClass kind, long capturedMs, Map<String, Object> metrics) {
        sendAll(List.of(new Outgoing(resource, kind, capturedMs, metrics)));
    }

    /**
     * Queues it unless a message with this key was queued before (idempotent across restarts).
     *
     * @return whether it was queued
     */
    boolean sendOnce(String key, String resource, MessageClass kind, long capturedMs, Map<String, Object> metrics);
}
