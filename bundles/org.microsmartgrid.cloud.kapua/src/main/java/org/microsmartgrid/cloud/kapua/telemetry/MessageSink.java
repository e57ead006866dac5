package org.microsmartgrid.cloud.kapua.telemetry;

import java.util.Map;

import org.microsmartgrid.cloud.kapua.outbox.MessageClass;

/** Where telemetry goes: into the outbox, as a data message under the module's topics. */
public interface MessageSink {

    /** Queues a data message on {@code resource} (e.g. "site"), captured at {@code capturedMs}. */
    void send(String resource, MessageClass kind, long capturedMs, Map<String, Object> metrics);

    /**
     * Queues it unless a message with this key was queued before (idempotent across restarts).
     *
     * @return whether it was queued
     */
    boolean sendOnce(String key, String resource, MessageClass kind, long capturedMs, Map<String, Object> metrics);
}
