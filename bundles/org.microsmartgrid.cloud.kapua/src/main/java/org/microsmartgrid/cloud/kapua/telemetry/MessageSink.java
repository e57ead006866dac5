package org.microsmartgrid.cloud.kapua.telemetry;

import java.util.List;
import java.util.Map;

import org.microsmartgrid.cloud.kapua.outbox.MessageClass;

/** Where telemetry goes: into the outbox, as data messages under the module's topics. */
public interface MessageSink {

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
