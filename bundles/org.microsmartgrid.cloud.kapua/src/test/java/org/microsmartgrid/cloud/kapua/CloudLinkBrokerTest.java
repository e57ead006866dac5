package org.microsmartgrid.cloud.kapua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.cloud.RequestHandler;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.microsmartgrid.cloud.kapua.testing.EmbeddedBroker;
import org.microsmartgrid.cloud.kapua.testing.KapuaPeer;
import org.microsmartgrid.cloud.kapua.testing.TestSources;
import org.microsmartgrid.cloud.kapua.claim.ClaimCodeFile;
import org.microsmartgrid.testing.Waits;

/** The cloud link against a real MQTT broker on loopback, with a Paho client playing Kapua. */
class CloudLinkBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String DEVICE = "AA:BB:CC:00:11:22";
    private static final String BIRTH = "$EDC/milano/" + DEVICE + "/MQTT/BIRTH";
    private static final Set<String> BIRTH_METRICS = Set.of("uptime", "display_name", "model_name", "model_id",
            "part_number", "serial_number", "firmware_version", "bios_version", "cpu_version", "os", "os_version",
            "os_arch", "jvm_name", "jvm_version", "jvm_profile", "jvm_vendor", "kura_version", "application_framework",
            "application_framework_version", "osgi_framework", "osgi_framework_version", "connection_interface",
            "connection_ip", "accept_encoding", "application_ids", "available_processors", "total_memory",
            "payload_encoding", "extended_properties");

    @TempDir
    Path dir;
    private EmbeddedBroker broker;
    private KapuaPeer kapua;
    private final TestSources sources = new TestSources();
    private CloudLinkSession session;

    @BeforeEach
    void startBroker() throws Exception {
        broker = new EmbeddedBroker();
        broker.start();
        kapua = new KapuaPeer(broker.url(), "kapua-console").connect("$EDC/#", "milano/#");
        sources.handlers.put("TEST-V1", echo());
    }

    @AfterEach
    void stopAll() throws Exception {
        if (session != null) session.close();
        kapua.close();
        broker.close();
    }

    private CloudLinkSession startModule(Duration telemetry) throws Exception {
        session = new CloudLinkSession(TestSources.settings(broker.url(), DEVICE, dir.resolve("outbox"), 1000, telemetry),
                sources, Clock.systemUTC());
        session.start();
        return session;
    }

    private static RequestHandler echo() {
        return new RequestHandler() {
            public String appId() {
                return "TEST-V1";
            }

            public KuraResponse handle(KuraRequest r) {
                if (r.resources().equals(List.of("boom"))) throw new IllegalStateException("handler bug");
                if (!r.resources().equals(List.of("echo"))) return KuraResponse.notFound("no resource " + r.resources());
                return KuraResponse.ok(r.method() + " from " + r.requesterClientId() + ": " + new String(r.body()));
            }
        };
    }

    private void request(String app, String method, String resource, String requestId, String body) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        if (requestId != null) m.put("request.id", requestId);
        m.put("requester.client.id", "kapua-console");
        kapua.publish("$EDC/milano/" + DEVICE + "/" + app + "/" + method + "/" + resource,
                KuraPayloadCodec.encode(new KuraMessage(System.currentTimeMillis(), null, m,
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8)), true));
    }

    private KuraMessage reply(String app, String requestId) throws InterruptedException {
        return kapua.await(r -> r.topic().equals("$EDC/milano/kapua-console/" + app + "/REPLY/" + requestId), WAIT,
                "reply " + requestId).message();
    }

    @Test
    void birthCarriesEveryMetricAsAStringTheHandlersAndThePosition() throws Exception {
        ClaimCodeFile claim = ClaimCodeFile.open(dir.resolve("claim-code"));
        sources.claimHash = claim.hash();
        startModule(Duration.ofHours(1));
        KuraMessage birth = kapua.await(r -> r.topic().equals(BIRTH), WAIT, "BIRTH").message();
        assertTrue(birth.metrics().keySet().containsAll(BIRTH_METRICS),
                "missing: " + BIRTH_METRICS.stream().filter(k -> !birth.metrics().containsKey(k)).toList());
        birth.metrics().forEach((k, v) -> assertInstanceOf(String.class, v, k + " must be a STRING for Kapua"));
        // CITY-V1 is the cloud link's own: the city's fault reports (docs/cloud-management.md)
        assertEquals("CITY-V1,TEST-V1", birth.metrics().get("application_ids"));
        assertEquals("Biblioteca Sormani", birth.metrics().get("display_name"));
        assertEquals("SN-42", birth.metrics().get("serial_number"));
        assertEquals(45.4613, birth.position().latitude(), 1e-9);
        assertNotNull(birth.timestamp());
        // the claim code's hash, never the code (docs/cloud-telemetry.md)
        assertEquals(claim.hash(), birth.metrics().get("claim_hash"));
        String code = claim.code().replace("-", "");
        assertTrue(birth.metrics().values().stream().noneMatch(v -> v.toString().toUpperCase().contains(code)));

        sources.handlers.put("CONF-V1", new RequestHandler() {
            public String appId() {
                return "CONF-V1";
            }

            public KuraResponse handle(KuraRequest r) {
                return KuraResponse.ok();
            }
        });
        claim.renew(); // a new claim code goes out with APPS
        sources.claimHash = claim.hash();
        session.appsChanged();
        KuraMessage apps = kapua.await(r -> r.topic().endsWith("/MQTT/APPS"), WAIT, "APPS").message();
        assertEquals("CITY-V1,CONF-V1,TEST-V1", apps.metrics().get("application_ids"));
        assertEquals(claim.hash(), apps.metrics().get("claim_hash"));
        assertNotEquals(birth.metrics().get("claim_hash"), apps.metrics().get("claim_hash"));

        int closed = broker.closedCount(DEVICE);
        session.close();
        session = null;
        KuraMessage dc = kapua.await(r -> r.topic().equals("$EDC/milano/" + DEVICE + "/MQTT/DC"), WAIT, "DC").message();
        assertEquals("Biblioteca Sormani", dc.metrics().get("display_name"));
        assertInstanceOf(String.class, dc.metrics().get("uptime"));
        // the broker fires a last will while it closes the connection, before it says the connection is closed;
        // Kapua's own message, sent after that, is queued to Kapua's session behind the will: once it is back,
        // a last will would be too
        broker.awaitClosed(DEVICE, closed, WAIT);
        String marker = "$EDC/kapua-console/TEST/after-the-disconnect";
        kapua.publish(marker, new byte[0]);
        kapua.await(r -> r.topic().equals(marker), WAIT, "Kapua's own message after the disconnect");
        assertTrue(kapua.received().stream().noneMatch(r -> r.topic().endsWith("/MQTT/LWT")),
                "a clean disconnect sends DC, and the broker does not send the last will");
    }

    @Test
    void requestsGetRepliesWithAnInt32CodeAndBadRequestsNeverStopTheDevice() throws Exception {
        startModule(Duration.ofHours(1));
        kapua.await(r -> r.topic().equals(BIRTH), WAIT, "BIRTH");

        request("TEST-V1", "PUT", "echo", "r1", "hello");
        KuraMessage ok = reply("TEST-V1", "r1");
        assertEquals(200, ok.metrics().get("response.code"));
        assertEquals("PUT from kapua-console: hello", new String(ok.body(), StandardCharsets.UTF_8));

        request("NOPE-V1", "GET", "x", "r2", null);
        assertEquals(404, reply("NOPE-V1", "r2").metrics().get("response.code"));

        request("TEST-V1", "GET", "other", "r3", null);
        KuraMessage notFound = reply("TEST-V1", "r3");
        assertEquals(404, notFound.metrics().get("response.code"));
        assertTrue(((String) notFound.metrics().get("response.exception.message")).contains("other"));

        request("TEST-V1", "GET", "boom", "r4", null);
        KuraMessage failed = reply("TEST-V1", "r4");
        assertEquals(500, failed.metrics().get("response.code"));
        assertTrue(((String) failed.metrics().get("response.exception.message")).contains("handler bug"));

        request("TEST-V1", "GET", "echo", null, null); // no request.id: nowhere to reply, dropped
        kapua.publish("$EDC/milano/" + DEVICE + "/TEST-V1/GET/echo", new byte[] {(byte) 0xff, 1, 2, 3}); // not protobuf
        request("TEST-V1", "GET", "echo", "r5", null);
        assertEquals(200, reply("TEST-V1", "r5").metrics().get("response.code"), "still serving");
    }

    @Test
    void telemetryCarriesAUniqueIdAndItsCaptureTime() throws Exception {
        startModule(Duration.ofMillis(200));
        KapuaPeer.Received site = kapua.await(r -> r.topic().equals("milano/" + DEVICE + "/msg/site"), WAIT, "site");
        assertEquals(1500.0, site.message().metrics().get("grid_w"));
        assertInstanceOf(String.class, site.message().metrics().get("msg.id"));
        assertTrue(Math.abs(site.message().timestamp() - System.currentTimeMillis()) < 60_000);
        KapuaPeer.Received socket = kapua.await(r -> r.topic().equals("milano/" + DEVICE + "/msg/sockets/1"), WAIT,
                "socket 1");
        assertEquals("AVAILABLE", socket.message().metrics().get("status"));
        kapua.await(r -> r.topic().equals("milano/" + DEVICE + "/msg/events/availability"), WAIT, "availability");
        // at least once: a message may arrive twice after a reconnect, but then as the same bytes; two different
        // messages never share an id
        Map<Object, List<KapuaPeer.Received>> byId = kapua.received().stream().filter(r -> r.topic().startsWith("milano/"))
                .collect(Collectors.groupingBy(r -> r.message().metrics().get("msg.id")));
        assertTrue(byId.size() >= 3);
        byId.forEach((id, copies) -> copies.forEach(c -> assertTrue(java.util.Arrays.equals(copies.get(0).raw(), c.raw()),
                "two different messages with the id " + id)));
    }

    @Test
    void nothingIsLostAcrossABrokerOutage() throws Exception {
        startModule(Duration.ofHours(1));
        kapua.await(r -> r.topic().equals(BIRTH), WAIT, "BIRTH");
        TelemetryLoad load = new TelemetryLoad(session);
        Set<String> before = load.send(20, "before");
        awaitIds(before);

        kapua.close();
        broker.stop();
        Set<String> during = load.send(100, "during"); // queued on disk while the broker is away
        broker.refuse(DEVICE, true); // the module comes back only once "Kapua" listens again
        broker.start();
        kapua = new KapuaPeer(broker.url(), "kapua-console").connect("$EDC/#", "milano/#");
        broker.refuse(DEVICE, false);
        awaitIds(during);
        kapua.await(r -> r.topic().equals(BIRTH), WAIT, "a new BIRTH after reconnecting");
        // order is kept: the first arrival of each message comes in the order the messages were queued
        List<Integer> order = new java.util.ArrayList<>();
        Set<Object> seen = new java.util.HashSet<>();
        for (KapuaPeer.Received r : kapua.received())
            if (r.message() != null && "during".equals(r.message().metrics().get("label"))
                    && seen.add(r.message().metrics().get("msg.id")))
                order.add((Integer) r.message().metrics().get("n"));
        List<Integer> sorted = new java.util.ArrayList<>(order);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, order, "delivered in the order they were queued");
        awaitEmptyOutbox();
    }

    @Test
    void aRestartedModuleDeliversWhatItQueuedBefore() throws Exception {
        broker.refuse(DEVICE, true); // the broker is unreachable for this module for now
        startModule(Duration.ofHours(1));
        Set<String> queued = new TelemetryLoad(session).send(300, "offline");
        session.close(); // the module stops with 300 messages waiting
        session = null;

        broker.refuse(DEVICE, false);
        startModule(Duration.ofHours(1));
        awaitIds(queued);
        awaitEmptyOutbox();
    }

    /** The broker's PUBACKs reach the module just after the peer got the messages: wait for the last ones. */
    private void awaitEmptyOutbox() throws InterruptedException {
        Waits.until("an empty outbox once everything was acknowledged", WAIT, () -> session.outbox().size(),
                n -> n == 0);
    }

    /** Waits until every id was received (duplicates allowed: at least once, deduplicated by id). */
    private void awaitIds(Set<String> ids) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        Set<String> got = Set.of();
        while (System.nanoTime() < end) {
            got = kapua.received().stream().filter(r -> r.message() != null)
                    .map(r -> String.valueOf(r.message().metrics().get("msg.id"))).collect(Collectors.toSet());
            if (got.containsAll(ids)) return;
            Thread.sleep(20);
        }
        Set<String> missing = new java.util.HashSet<>(ids);
        missing.removeAll(got);
        throw new AssertionError(missing.size() + " of " + ids.size() + " messages never arrived");
    }
}
