package org.microsmartgrid.cloud.kura;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;
import org.eclipse.kura.message.KuraPayload;
import org.microsmartgrid.telemetry.MessageClass;
import org.microsmartgrid.telemetry.MessageSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telemetry into a Kura CloudPublisher. Each message is a KuraPayload with its capture time as timestamp and a
 * {@code msg.id} metric first, as our own link sends it; the resource ("site", "sockets/3", …) travels as the
 * message property {@value #RESOURCE}, which the publisher's Application Topic {@code $resource} puts in the topic
 * ({@code {account}/{client}/msg/{resource}} with Application Id {@code msg}).
 */
final class CloudPublisherSink implements MessageSink {

    /** The message property Kura's publisher substitutes for {@code $resource} in its Application Topic. */
    static final String RESOURCE = "resource";
    private static final Logger LOG = LoggerFactory.getLogger(CloudPublisherSink.class);

    private final CloudPublisher publisher;
    private final SentKeys sent;

    CloudPublisherSink(CloudPublisher publisher, SentKeys sent) {
        this.publisher = publisher;
        this.sent = sent;
    }

    /** Telemetry and events: Kura stores what it accepts; what it refuses is dropped (the next round replaces it). */
    @Override
    public void sendAll(List<Outgoing> messages) {
        int refused = 0;
        String why = null;
        for (Outgoing m : messages) {
            try {
                publisher.publish(message(UUID.randomUUID(), m.resource(), m.capturedMs(), m.metrics()));
            } catch (KuraException | RuntimeException e) {
                refused++;
                why = e.getMessage();
            }
        }
        if (refused > 0) LOG.warn("Kura's cloud publisher refused {} of {} message(s): {}", refused, messages.size(), why);
    }

    /** Session records: sent until Kura accepts one, then remembered so a restart does not send it again. */
    @Override
    public boolean sendOnce(String key, String resource, MessageClass kind, long capturedMs,
                            Map<String, Object> metrics) {
        if (sent.contains(key)) return false;
        try {
            publisher.publish(message(MessageSink.idOf(key), resource, capturedMs, metrics));
        } catch (KuraException | RuntimeException e) {
            LOG.warn("Kura's cloud publisher refused a {} record on {} (retried at the next round): {}", kind,
                    resource, e.getMessage());
            return false;
        }
        sent.add(key);
        return true;
    }

    private static KuraMessage message(UUID id, String resource, long capturedMs, Map<String, Object> metrics) {
        KuraPayload payload = new KuraPayload();
        payload.setTimestamp(new Date(capturedMs));
        payload.addMetric(MESSAGE_ID, id.toString());
        metrics.forEach(payload::addMetric);
        return new KuraMessage(payload, Map.of(RESOURCE, resource));
    }
}
