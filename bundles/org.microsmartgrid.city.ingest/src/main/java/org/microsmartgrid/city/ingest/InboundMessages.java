package org.microsmartgrid.city.ingest;

/**
 * The ingest's door: called on the receiver's (broker's) thread, so it only queues and returns.
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
     * A module's connection ended without a clean DC (the broker noticed): the same as its LWT, at this time.
     */
    void connectionLost(String account, String clientId, long atMillis);
}
