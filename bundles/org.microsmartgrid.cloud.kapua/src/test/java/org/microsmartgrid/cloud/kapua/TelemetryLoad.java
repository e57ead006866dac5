package org.microsmartgrid.cloud.kapua;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.microsmartgrid.telemetry.MessageClass;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.microsmartgrid.cloud.kapua.telemetry.OutboxSink;

/** Queues numbered event messages through a session's outbox, as telemetry does, and returns their ids. */
final class TelemetryLoad {

    private final CloudLinkSession session;

    TelemetryLoad(CloudLinkSession session) {
        this.session = session;
    }

    Set<String> send(int n, String label) throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            byte[] payload = KuraPayloadCodec.encode(KuraMessage.of(System.currentTimeMillis(),
                    Map.of(OutboxSink.MESSAGE_ID, id.toString(), "n", i, "label", label)), true);
            session.outbox().add(id, session.settings().topics().data(OutboxSink.APP_ID, "events/test"),
                    MessageClass.EVENT, System.currentTimeMillis(), payload);
            ids.add(id.toString());
        }
        session.link().wake();
        return ids;
    }
}
