package org.microsmartgrid.cloud.kapua.telemetry;

import org.microsmartgrid.cloud.kapua.outbox.OutboxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.microsmartgrid.telemetry.MessageClass;
import org.microsmartgrid.telemetry.MessageSink;
import org.microsmartgrid.cloud.kapua.outbox.Outbox;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.microsmartgrid.cloud.kapua.topic.KuraTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data messages into the outbox: each gets a unique {@code msg.id} metric (receivers drop duplicates by it) and its
 * capture time as the payload timestamp, under {@code {account}/{client}/msg/{resource}}.
 */
public final class OutboxSink implements MessageSink {

    /** The application id of our data topics. */
    public static final String APP_ID = "msg";
    public static final String MESSAGE_ID = MessageSink.MESSAGE_ID;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSink.class);

    private final KuraTopics topics;
    private final Outbox outbox;
    private final Runnable added;
    private final boolean gzip;

    /** @param added told after each message is stored (the link sends it when it can) */
    public OutboxSink(KuraTopics topics, Outbox outbox, Runnable added, boolean gzip) {
        this.topics = topics;
        this.outbox = outbox;
        this.added = added;
        this.gzip = gzip;
    }

    @Override
    public void sendAll(List<Outgoing> messages) {
        List<Outbox.NewMessage> rows = new ArrayList<>(messages.size());
        for (Outgoing m : messages) {
            UUID id = UUID.randomUUID();
            rows.add(new Outbox.NewMessage(id, topics.data(APP_ID, m.resource()), m.kind(), m.capturedMs(),
                    payload(id, m.capturedMs(), m.metrics())));
        }
        try {
            outbox.addAll(rows);
            added.run();
        } catch (OutboxException e) {
            LOG.error("outbox: {} message(s) not stored: {}", rows.size(), e.getMessage());
        }
    }

    @Override
    public boolean sendOnce(String key, String resource, MessageClass kind, long capturedMs,
                            Map<String, Object> metrics) {
        // the id is derived from the key: a retry after a crash between send and key commit reuses it
        UUID id = MessageSink.idOf(key);
        try {
            boolean queued = outbox.addOnce(key, id, topics.data(APP_ID, resource), kind, capturedMs,
                    payload(id, capturedMs, metrics));
            if (queued) added.run();
            return queued;
        } catch (OutboxException e) {
            LOG.error("outbox: {} on {} not stored: {}", kind, resource, e.getMessage());
            return false;
        }
    }

    private byte[] payload(UUID id, long capturedMs, Map<String, Object> metrics) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(MESSAGE_ID, id.toString());
        m.putAll(metrics);
        return KuraPayloadCodec.encode(KuraMessage.of(capturedMs, m), gzip);
    }
}
