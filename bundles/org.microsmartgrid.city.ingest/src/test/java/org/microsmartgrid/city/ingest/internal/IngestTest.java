package org.microsmartgrid.city.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

/** The ingest on a real registry (H2): what a module sends, in the order and shape a broker delivers it. */
class IngestTest {

    private static final long NOW = 1_800_000_000_000L;
    private final Registry registry = new JdbcRegistry(TestDatabases.fresh(), null);
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
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (registry.locationOfModule("milano", "m2").orElseThrow().module().online() && System.nanoTime() < end)
            Thread.sleep(20);
        assertFalse(registry.locationOfModule("milano", "m2").orElseThrow().module().online());
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
