package org.microsmartgrid.city.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.registry.store.JdbcRegistry;
import org.microsmartgrid.city.registry.store.TestDatabases;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.microsmartgrid.testing.Waits;

/** The ingest on a real registry (H2): what a module sends, in the order and shape a broker delivers it. */
class IngestTest {

    private static final long NOW = 1_800_000_000_000L;
    private final DataSource db = TestDatabases.fresh();
    private final List<Location> told = new ArrayList<>();
    private final Registry registry = new JdbcRegistry(db, told::add);
    private final Ingest ingest = new Ingest(registry, 1000, 64 * 1024, 1000,
            Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    @AfterEach
    void stop() throws InterruptedException {
        ingest.close();
    }

    static byte[] birth(long at, boolean gzip) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("display_name", "Scuola <b>Manzoni</b>");
        m.put("serial_number", "SN-7");
        m.put("firmware_version", "0.1.0");
        m.put("extended_properties", "{\"version\":\"1.0\",\"properties\":{\"MicroSmartGrid\":{\"sockets\":\"3\",\"meters\":\"5\"}}}");
        return KuraPayloadCodec.encode(new KuraMessage(at, new KuraMessage.Position(45.47, 9.18, null), m, null), gzip);
    }

    static byte[] socket(int n, String status, long at, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("msg.id", id);
        m.put("socket", n);
        m.put("status", status);
        m.put("available", status.equals("AVAILABLE"));
        m.put("power_w", status.equals("CHARGING") ? 150.0 : 0.0);
        return KuraPayloadCodec.encode(KuraMessage.of(at, m), true);
    }

    private Evse socketOne() {
        return location().evses().get(0);
    }

    private Location location() {
        return registry.locationOfModule("milano", "m1").orElseThrow();
    }

    private long count(String name) {
        return ingest.counters().get(name);
    }

    @Test
    void birthRegistersThePointWithItsSocketsAndPosition() {
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 1000, false));
        Location l = location();
        assertEquals("Scuola <b>Manzoni</b>", l.name(), "markup is kept as text (escaped where shown)");
        assertEquals(3, l.evses().size());
        assertEquals(45.47, l.latitude());
        assertEquals("SN-7", l.module().serialNumber());
        assertEquals(1, count("applied"));
    }

    @Test
    void aReplayedOldStatusNeverOverwritesTheNewerOne() {
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 10_000, true));
        ingest.handleNow("milano/m1/msg/sockets/1", socket(1, "CHARGING", NOW - 1000, "a"));
        // the module's outbox replays what it captured during an outage, hours ago
        ingest.handleNow("milano/m1/msg/sockets/1", socket(1, "AVAILABLE", NOW - 3 * 3600_000, "b"));
        assertEquals(EvseStatus.CHARGING, socketOne().status());
        assertEquals(NOW - 1000, socketOne().statusAt());
        assertEquals(1, count("stale"));
    }

    @Test
    void observersAreToldOfAcceptedMessagesOnlyOnceWithTheirMetrics() {
        List<org.microsmartgrid.city.ingest.Telemetry> seen = new ArrayList<>();
        ingest.addObserver(seen::add);
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 10_000, true));
        byte[] once = socket(1, "CHARGING", NOW - 1000, "same-id");
        ingest.handleNow("milano/m1/msg/sockets/1", once);
        ingest.handleNow("milano/m1/msg/sockets/1", once); // duplicate: not told
        ingest.handleNow("milano/m1/msg/sockets/1", socket(1, "AVAILABLE", NOW - 3 * 3600_000, "old")); // stale: told
        ingest.handleNow("milano/m1/msg/sockets/1", new byte[] {1, 2, 3}); // malformed: not told
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("grid_import_wh", 1234.5);
        ingest.handleBatchNow(List.of(Map.entry("milano/m1/msg/site",
                KuraPayloadCodec.encode(KuraMessage.of(NOW - 500, site), false))));

        assertEquals(List.of("MQTT/BIRTH", "sockets/1", "sockets/1", "site"),
                seen.stream().map(org.microsmartgrid.city.ingest.Telemetry::resource).toList());
        assertFalse(seen.get(2).newest(), "the replayed status is told as not the newest");
        assertEquals(1234.5, seen.get(3).metrics().get("grid_import_wh"));
        assertEquals(NOW - 500, seen.get(3).capturedAt());
        assertEquals("m1", seen.get(3).clientId());
    }

    @Test
    void aDuplicateIsDroppedByItsMessageId() {
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 10_000, true));
        byte[] once = socket(1, "CHARGING", NOW - 1000, "same-id");
        ingest.handleNow("milano/m1/msg/sockets/1", once);
        ingest.handleNow("milano/m1/msg/sockets/1", once);
        assertEquals(1, count("duplicate"));
        assertEquals(0, count("stale"), "dropped before reaching the registry");
        assertEquals(2, count("applied"));
    }

    @Test
    void availabilityEventsAndSessionsUpdateTheRegistry() {
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 10_000, true));
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("msg.id", UUID.randomUUID().toString());
        ev.put("socket", 2);
        ev.put("status", "OUTOFORDER");
        ev.put("previous", "AVAILABLE");
        ev.put("available", false);
        ingest.handleNow("milano/m1/msg/events/availability", KuraPayloadCodec.encode(KuraMessage.of(NOW - 500, ev), false));
        assertEquals(EvseStatus.OUTOFORDER, location().evses().get(1).status());

        Map<String, Object> s = new LinkedHashMap<>();
        s.put("msg.id", "session-s1-CLOSED");
        s.put("session_id", "s1");
        s.put("socket", 1);
        s.put("mode", "NOW");
        s.put("state", "CLOSED");
        s.put("started", NOW - 7200_000);
        s.put("ended", NOW - 600_000);
        s.put("energy_wh", 410.0);
        s.put("started_by", "token");
        ingest.handleNow("milano/m1/msg/sessions", KuraPayloadCodec.encode(KuraMessage.of(NOW - 600_000, s), true));
        assertEquals(1, registry.sessions());
    }

    @Test
    void aFaultEventIsAcceptedAndToldToObserversAndOneWithoutItsIdIsMalformed() {
        List<org.microsmartgrid.city.ingest.Telemetry> seen = new ArrayList<>();
        ingest.addObserver(seen::add);
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 10_000, true));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("msg.id", UUID.randomUUID().toString());
        f.put("fault_id", "7d0c8a1e-2f4b-4c1d-9a57-0b1e2c3d4e5f");
        f.put("kind", "NO_POWER");
        f.put("reported", NOW - 60_000);
        ingest.handleNow("milano/m1/msg/events/fault", KuraPayloadCodec.encode(KuraMessage.of(NOW - 60_000, f), false));
        Map<String, Object> noId = new LinkedHashMap<>(Map.of("msg.id", "n", "kind", "NO_POWER"));
        ingest.handleNow("milano/m1/msg/events/fault", KuraPayloadCodec.encode(KuraMessage.of(NOW - 50_000, noId), false));

        assertEquals(List.of("MQTT/BIRTH", "events/fault"),
                seen.stream().map(org.microsmartgrid.city.ingest.Telemetry::resource).toList());
        assertEquals("NO_POWER", seen.get(1).metrics().get("kind"));
        assertEquals(1, count("malformed"));
        assertEquals(0, count("unknown_topic"));
    }

    @Test
    void lwtAndALostConnectionMarkTheModuleOffline() throws Exception {
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 10_000, true));
        ingest.handleNow("milano/m1/msg/sockets/1", socket(1, "AVAILABLE", NOW - 5000, "x"));
        ingest.handleNow("$EDC/milano/m1/MQTT/LWT", new byte[0]);
        Location l = location();
        assertFalse(l.module().online());
        assertEquals(NOW - 5000, l.module().lastHeard());
        assertEquals(EvseStatus.UNKNOWN, l.publicStatus(l.evses().get(0)));

        ingest.handleNow("$EDC/milano/m2/MQTT/BIRTH", birth(NOW - 10_000, true));
        ingest.connectionLost("milano", "m2", NOW);
        Waits.until("module m2 offline after its connection was lost",
                () -> !registry.locationOfModule("milano", "m2").orElseThrow().module().online());
    }

    @Test
    void badInputIsCountedAndNeverStopsTheIngest() {
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 10_000, true));
        ingest.handleNow("milano/m1/msg/sockets/1", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4}); // fake gzip
        ingest.handleNow("milano/m1/msg/sockets/1", "{\"status\":\"CHARGING\"}".getBytes());
        ingest.handleNow("milano/m1/msg/sockets/1", socket(1, "CHARGING", NOW + 3600_000, "future")); // wrong clock
        Map<String, Object> noStatus = new LinkedHashMap<>(Map.of("msg.id", "n", "socket", 1));
        ingest.handleNow("milano/m1/msg/sockets/1", KuraPayloadCodec.encode(KuraMessage.of(NOW - 10, noStatus), false));
        ingest.handleNow("milano/m1/other/thing", socket(1, "CHARGING", NOW - 10, "u"));
        ingest.handleNow("milano/+/msg/sockets/1", socket(1, "CHARGING", NOW - 10, "w"));
        assertFalse(ingest.offer("milano/m1/msg/sockets/1", new byte[64 * 1024 + 1]));
        assertEquals(4, count("malformed"));
        assertEquals(2, count("unknown_topic"));
        assertEquals(1, count("oversized"));
        assertEquals(EvseStatus.UNKNOWN, socketOne().status(), "nothing of it changed the socket");

        ingest.handleNow("milano/m1/msg/sockets/1", socket(1, "CHARGING", NOW - 10, "good"));
        assertEquals(EvseStatus.CHARGING, socketOne().status(), "the next good message is applied");
    }

    private static Map.Entry<String, byte[]> at(String topic, byte[] payload) {
        return Map.entry(topic, payload);
    }

    @Test
    void aBatchDropsItsDuplicateAndKeepsTheNewerOfAnOutOfOrderPair() {
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 10_000, true));
        told.clear();
        byte[] charging = socket(1, "CHARGING", NOW - 1000, "c");
        ingest.handleBatchNow(List.of(
                at("milano/m1/msg/sockets/1", charging),
                at("milano/m1/msg/sockets/1", charging), // delivered twice (QoS 1)
                at("milano/m1/msg/sockets/1", socket(1, "AVAILABLE", NOW - 2000, "older")), // captured before
                at("milano/m1/msg/sockets/2", socket(2, "OUTOFORDER", NOW - 1500, "d"))));
        assertEquals(EvseStatus.CHARGING, socketOne().status(), "the older status arrived later and changed nothing");
        assertEquals(NOW - 1000, socketOne().statusAt());
        assertEquals(EvseStatus.OUTOFORDER, location().evses().get(1).status());
        assertEquals(1, count("duplicate"));
        assertEquals(1, count("stale"));
        assertEquals(3, count("applied"), "the BIRTH and the two newer statuses");
        assertEquals(List.of(location()), told, "the listener is told once, after the commit, of what was committed");
    }

    @Test
    void aMalformedMessageIsSkippedWithoutFailingItsBatch() {
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 10_000, true));
        Map<String, Object> noStatus = new LinkedHashMap<>(Map.of("msg.id", "n", "socket", 2));
        ingest.handleBatchNow(List.of(
                at("milano/m1/msg/sockets/1", socket(1, "CHARGING", NOW - 1000, "a")),
                at("milano/m1/msg/sockets/2", KuraPayloadCodec.encode(KuraMessage.of(NOW - 900, noStatus), false)),
                at("milano/m1/msg/sockets/3", new byte[] {0x1f, (byte) 0x8b, 1, 2}), // fake gzip
                at("milano/m1/msg/sockets/3", socket(3, "OUTOFORDER", NOW - 800, "b"))));
        assertEquals(2, count("malformed"));
        assertEquals(0, count("failed"));
        assertEquals(EvseStatus.CHARGING, socketOne().status());
        assertEquals(EvseStatus.UNKNOWN, location().evses().get(1).status());
        assertEquals(EvseStatus.OUTOFORDER, location().evses().get(2).status());
    }

    @Test
    void aBatchTheDatabaseRefusesIsAppliedMessageByMessageSoOnlyTheBadRowIsLost() throws Exception {
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 10_000, true));
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            // a rule of this database that one message breaks: its write fails on the server, mid-batch
            st.execute("ALTER TABLE evse ADD CONSTRAINT test_power_limit CHECK (power_w < 100)");
        }
        told.clear();
        ingest.handleBatchNow(List.of(
                at("milano/m1/msg/sockets/1", socket(1, "OUTOFORDER", NOW - 3000, "a")),
                at("milano/m1/msg/sockets/2", socket(2, "CHARGING", NOW - 2000, "b")), // 150 W: refused
                at("milano/m1/msg/sockets/3", socket(3, "OUTOFORDER", NOW - 1000, "c"))));
        assertEquals(1, count("failed"));
        assertEquals(3, count("applied"), "the BIRTH and the two good statuses");
        assertEquals(EvseStatus.OUTOFORDER, socketOne().status());
        assertEquals(EvseStatus.UNKNOWN, location().evses().get(1).status());
        assertEquals(EvseStatus.OUTOFORDER, location().evses().get(2).status());
        assertEquals(location(), told.get(told.size() - 1), "told of the committed state");
    }

    @Test
    void theWorkerAppliesWhatTheQueueHoldsInBatches() throws Exception {
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 100_000, true));
        String[] statuses = {"AVAILABLE", "CHARGING", "OUTOFORDER"};
        for (int i = 1; i <= 300; i++)
            assertTrue(ingest.offer("milano/m1/msg/sockets/1", socket(1, statuses[i % 3], NOW - 100_000 + i, "q" + i)));
        Waits.until("301 messages applied", Duration.ofSeconds(30), () -> count("applied"), n -> n == 301);
        assertEquals(EvseStatus.parse(statuses[300 % 3]), socketOne().status(), "the last one queued, the newest");
        assertEquals(NOW - 100_000 + 300, socketOne().statusAt());
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlockingTheCaller() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        Registry stuck = (Registry) Proxy.newProxyInstance(Registry.class.getClassLoader(), new Class<?>[] {Registry.class},
                (proxy, method, args) -> {
                    entered.countDown();
                    release.await();
                    return method.getReturnType() == boolean.class ? false : method.getReturnType() == int.class ? 0 : null;
                });
        try (Ingest small = new Ingest(stuck, 2, 1024, 100, Clock.systemUTC())) {
            assertTrue(small.offer("$EDC/milano/m1/MQTT/LWT", new byte[0]));
            assertTrue(entered.await(10, TimeUnit.SECONDS), "the worker is busy with the first message");
            assertTrue(small.offer("$EDC/milano/m1/MQTT/LWT", new byte[0]));
            assertTrue(small.offer("$EDC/milano/m1/MQTT/LWT", new byte[0]));
            assertFalse(small.offer("$EDC/milano/m1/MQTT/LWT", new byte[0]), "full: refused at once");
            assertEquals(1, small.counters().get("dropped_queue_full"));
            release.countDown();
        }
    }
}
