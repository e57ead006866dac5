package org.microsmartgrid.cloud.kapua.city;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.cloud.CityFaultReports;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.cloud.kapua.outbox.Outbox;
import org.microsmartgrid.cloud.kapua.outbox.OutboxMessage;
import org.microsmartgrid.cloud.kapua.telemetry.OutboxSink;
import org.microsmartgrid.cloud.kapua.topic.KuraTopics;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.microsmartgrid.telemetry.MessageClass;

/** The city's fault request against the real outbox: what is queued is what Kapua and the city receive. */
class CityFaultHandlerTest {

    private static final long REPORTED = 1_796_000_000_000L;

    @TempDir
    Path dir;
    private Outbox outbox;
    private CityFaultHandler handler;

    @BeforeEach
    void open() throws Exception {
        outbox = Outbox.open(dir.resolve("outbox"), 100);
        handler = new CityFaultHandler(new OutboxSink(new KuraTopics("city", "mod-1"), outbox, () -> { }, false));
    }

    @AfterEach
    void close() throws Exception {
        outbox.close();
    }

    private static KuraRequest request(String method, List<String> resources, Map<String, Object> metrics) {
        Map<String, Object> m = new HashMap<>(metrics);
        m.put("request.id", "r1");
        m.put("requester.client.id", "mod-1");
        return new KuraRequest("CITY-V1", method, resources, m, null, "r1", "mod-1");
    }

    private static KuraRequest fault(Map<String, Object> metrics) {
        return request("EXEC", List.of("faults"), metrics);
    }

    private static Map<String, Object> valid() {
        return Map.of("fault_id", "7d0c8a1e-2f4b-4c1d-9a57-0b1e2c3d4e5f", "kind", "NO_POWER", "reported", REPORTED);
    }

    @Test
    void aValidReportIsAnsweredOkAndQueuedOnceAsTheModulesFaultEvent() throws Exception {
        KuraResponse r = handler.handle(fault(valid()));
        assertEquals(200, r.code());
        // the city retries when it saw no reply: the same fault again makes no second event
        assertEquals(200, handler.handle(fault(valid())).code());

        List<OutboxMessage> queued = outbox.next(0, 10);
        assertEquals(1, queued.size());
        OutboxMessage m = queued.get(0);
        assertEquals("city/mod-1/msg/events/fault", m.topic());
        assertEquals(MessageClass.EVENT, m.kind());
        KuraMessage payload = KuraPayloadCodec.decode(m.payload());
        assertEquals(REPORTED, payload.timestamp());
        assertEquals("7d0c8a1e-2f4b-4c1d-9a57-0b1e2c3d4e5f", payload.metrics().get("fault_id"));
        assertEquals("NO_POWER", payload.metrics().get("kind"));
        assertEquals(REPORTED, payload.metrics().get("reported"));
        assertTrue(payload.metrics().get("msg.id") instanceof String, "every data message carries msg.id");
        assertEquals(List.of(new CityFaultReports.Report("7d0c8a1e-2f4b-4c1d-9a57-0b1e2c3d4e5f", "NO_POWER",
                Instant.ofEpochMilli(REPORTED))), handler.recent());
    }

    @Test
    void badOrMissingMetricsAre400AndQueueNothing() throws Exception {
        List<Map<String, Object>> bad = List.of(
                Map.of("kind", "NO_POWER", "reported", REPORTED),
                Map.of("fault_id", "", "kind", "NO_POWER", "reported", REPORTED),
                Map.of("fault_id", "<script>", "kind", "NO_POWER", "reported", REPORTED),
                Map.of("fault_id", "f1", "reported", REPORTED),
                Map.of("fault_id", "f1", "kind", "ON_FIRE", "reported", REPORTED),
                Map.of("fault_id", "f1", "kind", "NO_POWER"),
                Map.of("fault_id", "f1", "kind", "NO_POWER", "reported", "yesterday"),
                Map.of("fault_id", "f1", "kind", "NO_POWER", "reported", -5L),
                Map.of("fault_id", 42L, "kind", "NO_POWER", "reported", REPORTED));
        for (Map<String, Object> metrics : bad) {
            KuraResponse r = handler.handle(fault(metrics));
            assertEquals(400, r.code(), metrics.toString());
            assertTrue(r.exception() != null && !r.exception().isBlank(), "a 400 says what is wrong");
        }
        assertEquals(0, outbox.size());
        assertEquals(List.of(), handler.recent());
    }

    @Test
    void anotherMethodOrResourceIsNotFoundAndQueuesNothing() throws Exception {
        assertEquals(404, handler.handle(request("GET", List.of("faults"), valid())).code());
        assertEquals(404, handler.handle(request("EXEC", List.of("alarms"), valid())).code());
        assertEquals(0, outbox.size());
    }

    @Test
    void statusKeepsOnlyTheLatestFaultsNewestFirst() {
        for (int i = 1; i <= CityFaultHandler.KEPT + 2; i++)
            handler.handle(fault(Map.of("fault_id", "f" + i, "kind", "BLOCKED", "reported", REPORTED + i)));
        List<CityFaultReports.Report> recent = handler.recent();
        assertEquals(CityFaultHandler.KEPT, recent.size());
        assertEquals("f" + (CityFaultHandler.KEPT + 2), recent.get(0).faultId());
    }
}
