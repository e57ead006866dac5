package org.microsmartgrid.city.ingest;

/**
 * The ingest's door. The embedded broker calls {@link #offer} on its threads (queues and returns, never blocks it); a
 * client of an external broker calls {@link #applyNow} (stores, then acknowledges).
 */
public interface InboundMessages {

    /**
     * Queues one published message.
     *
     * @param topic   the MQTT topic
     * @param payload the raw payload (Kura protobuf, gzip or plain); the caller may not reuse the array
     * @return false when it was not queued (queue full or too large): dropped and counted
     */
    boolean offer(String topic, byte[] payload);

    /**
     * Applies one published message now, on the caller's thread, and returns once the registry has stored it (or it
     * was counted as stale, duplicate, malformed or failed). For a client of an external broker, which acknowledges a
     * message only after this returns, so a city instance that dies loses nothing it had acknowledged.
     *
     * @param topic   the MQTT topic
     * @param payload the raw payload (Kura protobuf, gzip or plain)
     */
    default void applyNow(String topic, byte[] payload) {
        offer(topic, payload);
    }

    /**
     * A module's connection ended without a clean DC (the broker noticed): the same as its LWT, at this time.
     */
    void connectionLost(String account, String clientId, long atMillis);
}
