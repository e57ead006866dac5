package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A building system talking to the exported module on the simulated building: it reads /site over plain CoAP, observes
 * a socket, and pauses it over CoAPS with its pre-shared key — the balancer switches the relay off and the observer
 * hears of it. Then docs/coap.md's libcoap examples, run as written with Debian's {@code coap-client-notls} and
 * {@code coap-client-openssl} ({@link LibcoapDocsExamples}), and the latencies a building system sees
 * ({@link CoapLatencies}). The minimum on/off times are 1 s here (the balancer's 60 s and the relays' 30 s in the
 * demo), so a socket can be paused and resumed many times.
 */
class CoapIT {

    private static final String COAP = "org.microsmartgrid.coap.CoapBuildingService.config";
    private static final byte[] KEY = new byte[16];
    private static ModuleProcess module;
    private static int coapPort;
    private static int coapsPort;
    private static CoapEndpoint plain;
    private static CoapEndpoint secure;

    @BeforeAll
    static void boot() throws Exception {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        new SecureRandom().nextBytes(KEY);
        coapPort = ModuleProcess.freeUdpPort();
        coapsPort = ModuleProcess.freeUdpPort();
        Path conf = ModuleProcess.copyConf(Path.of(System.getProperty("msg.demo.conf")),
                "I\"5020\"", "I\"" + ModuleProcess.freePort() + "\"",
                "coap.port=I\"5683\"", "coap.port=I\"" + coapPort + "\"",
                "coaps.port=I\"5684\"", "coaps.port=I\"" + coapsPort + "\"",
                "min.on.s=I\"60\"", "min.on.s=I\"1\"", "min.off.s=I\"60\"", "min.off.s=I\"1\"",
                "min.on.ms=L\"30000\"", "min.on.ms=L\"1000\"", "min.off.ms=L\"30000\"", "min.off.ms=L\"1000\"");
        // the docs' example keys (bms-1, dashboard) and one of the test's own, hex with 0x
        String docsKeys = LibcoapDocsExamples.configuredKeys();
        Files.writeString(conf.resolve(COAP), Files.readString(conf.resolve(COAP))
                + docsKeys.replace("psk.identities=[", "psk.identities=[\"it-bms:0x" + HexFormat.of().formatHex(KEY) + ":rw\",")
                + "\n", StandardCharsets.UTF_8);
        ModuleProcess.addInstaller(conf);
        ModuleProcess.quietHour(conf); // at the evening peak socket 3 waited for headroom (WAITING_HEADROOM)
        module = ModuleProcess.start("coap", conf, ModuleProcess.freePort());
        // FileInstall hands the configurations over one by one: the docs' examples read the site's grid meter
        module.awaitReady(Duration.ofSeconds(90));
        Configuration config = Configuration.createStandardWithoutFile();
        plain = CoapEndpoint.builder().setConfiguration(config).setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config).setAddress(new InetSocketAddress("127.0.0.1", 0))
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
                .setAdvancedPskStore(new AdvancedSinglePskStore("it-bms", KEY)).build();
        secure = CoapEndpoint.builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (plain != null) plain.destroy();
        if (secure != null) secure.destroy();
        if (module != null) module.close();
    }

    @Test
    void aBuildingSystemReadsObservesAndPausesASocket() throws Exception {
        client(secure, "coaps", coapsPort, "/sockets/3/enabled").put("true", MediaTypeRegistry.TEXT_PLAIN); // whatever ran before
        // the configurations arrive one by one (FileInstall starts last): wait for the grid meter too
        String site = awaitText("/site with the loop running", "/site", text -> text.contains("\"n\":\"loop\",\"vb\":true")
                && text.contains("\"n\":\"grid\",\"u\":\"W\""));
        assertTrue(site.matches("(?s)\\[\\{\"bn\":\"urn:dev:mac:[0-9a-f]{16}:site/\".*") && site.contains("\"n\":\"grid\",\"u\":\"W\""), site);
        awaitText("socket 3 known to the loop", "/sockets/3", text -> text.contains("\"n\":\"enabled\",\"vb\":true"));

        BlockingQueue<String> notifications = new LinkedBlockingQueue<>();
        CoapObserveRelation relation = client(plain, "coap", coapPort, "/sockets/3").observe(new CoapHandler() {
            @Override public void onLoad(CoapResponse response) { notifications.add(response.getResponseText()); }
            @Override public void onError() { }
        });
        CoapResponse paused = client(secure, "coaps", coapsPort, "/sockets/3/enabled").put("false", MediaTypeRegistry.TEXT_PLAIN);
        assertNotNull(paused, "no answer over CoAPS\n" + module.logTail());
        assertEquals(ResponseCode.CHANGED, paused.getCode(), paused.getResponseText());
        String disabled = awaitNotification(notifications, n -> n.contains("\"vs\":\"DISABLED\"") && n.contains("\"n\":\"relay\",\"vb\":false"));
        assertTrue(disabled.contains("\"n\":\"enabled\",\"vb\":false"), disabled);
        module.awaitStatus("relay socket-3 off", Duration.ofSeconds(10), s -> s.getAsJsonArray("relays").asList().stream()
                .anyMatch(r -> r.getAsJsonObject().get("id").getAsString().equals("socket-3") && !r.getAsJsonObject().get("outputOn").getAsBoolean()));
        assertTrue(module.logText().contains("socket 3 disabled by coap:it-bms"), "the balancer logs who paused it");

        CoapResponse plainWrite = client(plain, "coap", coapPort, "/sockets/3/enabled").put("true", MediaTypeRegistry.TEXT_PLAIN);
        assertEquals(ResponseCode.UNAUTHORIZED, plainWrite.getCode());
        assertEquals(ResponseCode.CHANGED, client(secure, "coaps", coapsPort, "/sockets/3/enabled").put("true", MediaTypeRegistry.TEXT_PLAIN).getCode());
        awaitNotification(notifications, n -> n.contains("\"n\":\"enabled\",\"vb\":true"));
        relation.proactiveCancel();
    }

    @Test
    void theDocsLibcoapExamplesWorkAsWrittenWithDebiansClients() throws Exception {
        awaitText("socket 3 known to the loop", "/sockets/3", text -> text.contains("\"n\":\"enabled\",\"vb\":true"));
        LibcoapDocsExamples.run(coapPort, coapsPort, module);
    }

    @Test
    void latenciesAsABuildingSystemSeesThem() throws Exception {
        client(secure, "coaps", coapsPort, "/sockets/3/enabled").put("true", MediaTypeRegistry.TEXT_PLAIN);
        awaitText("socket 3 charging", "/sockets/3", text -> text.contains("\"vs\":\"CHARGING\""));
        CoapLatencies.measure(client(plain, "coap", coapPort, "/sockets/3"), client(plain, "coap", coapPort, "/site"),
                () -> client(plain, "coap", coapPort, "/site"),
                () -> client(secure, "coaps", coapsPort, "/sockets/3/enabled"), module);
    }

    /**
     * docs/reservations.md on the real module: socket 1 has the demo's e-bike plugged in — a walk-up plug, not the
     * reservation's holder — so once a building system reserves the socket for someone else it is kept off for them
     * (reason RESERVED) while the other sockets go on charging; an overlapping reservation is refused with the reason;
     * cancelled, the socket serves the e-bike again.
     */
    @Test
    void aReservationKeepsItsSocketFromAWalkUpPlugUntilCancelled() throws Exception {
        module.awaitConfigured(Duration.ofSeconds(90));
        Instant from = Instant.now().minusSeconds(60);
        String body = "{\"socket\":1,\"from\":\"" + from + "\",\"until\":\"" + from.plusSeconds(3600)
                + "\",\"holder\":\"token:0badc0de\"}";
        CoapResponse created = client(secure, "coaps", coapsPort, "/site/reservations").post(body, MediaTypeRegistry.APPLICATION_JSON);
        assertNotNull(created, "no answer over CoAPS\n" + module.logTail());
        assertEquals(ResponseCode.CREATED, created.getCode(), created.getResponseText());
        String id = created.getResponseText();

        var kept = module.awaitStatus("socket 1 kept for its holder", Duration.ofSeconds(30),
                s -> "RESERVED".equals(reason(s, 1)) && !relayOn(s, "socket-1"));
        assertTrue(socket(kept, 1).get("text").getAsString().contains("reserved for token:0badc0de"), socket(kept, 1).toString());
        assertTrue(module.logText().contains("socket 1 reserved"), "the balancer logs the reservation");

        String later = body.replace(from.toString(), from.plusSeconds(1800).toString())
                .replace(from.plusSeconds(3600).toString(), from.plusSeconds(5400).toString());
        CoapResponse overlap = client(secure, "coaps", coapsPort, "/site/reservations").post(later, MediaTypeRegistry.APPLICATION_JSON);
        assertEquals(ResponseCode.BAD_REQUEST, overlap.getCode());
        assertTrue(overlap.getResponseText().contains("socket 1 is already reserved"), overlap.getResponseText());
        String list = awaitText("the reservation listed", "/site/reservations", t -> t.contains(id + "/socket"));
        assertTrue(!list.contains("0badc0de"), "the holder is not shown to readers: " + list);

        assertEquals(ResponseCode.DELETED, client(secure, "coaps", coapsPort, "/site/reservations?id=" + id).delete().getCode());
        module.awaitStatus("socket 1 free again", Duration.ofSeconds(30), s -> !"RESERVED".equals(reason(s, 1)));
    }

    private static com.google.gson.JsonObject socket(com.google.gson.JsonObject status, int n) {
        if (status.get("loop") == null || !status.get("loop").isJsonObject()) return null;
        for (var e : status.getAsJsonObject("loop").getAsJsonArray("sockets"))
            if (e.getAsJsonObject().get("socket").getAsInt() == n) return e.getAsJsonObject();
        return null;
    }

    private static String reason(com.google.gson.JsonObject status, int n) {
        var s = socket(status, n);
        return s == null ? null : s.get("reason").getAsString();
    }

    private static boolean relayOn(com.google.gson.JsonObject status, String id) {
        for (var r : status.getAsJsonArray("relays"))
            if (r.getAsJsonObject().get("id").getAsString().equals(id)) return r.getAsJsonObject().get("outputOn").getAsBoolean();
        return false;
    }

    static CoapClient client(CoapEndpoint endpoint, String scheme, int port, String path) {
        CoapClient c = new CoapClient(scheme + "://127.0.0.1:" + port + path);
        c.setEndpoint(endpoint);
        c.setTimeout(10_000L);
        return c;
    }

    private static String awaitText(String what, String path, java.util.function.Predicate<String> condition) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        String last = "(no answer)";
        while (Instant.now().isBefore(end)) {
            CoapClient c = client(plain, "coap", coapPort, path);
            c.setTimeout(2_000L);
            CoapResponse r = c.get();
            if (r != null) {
                last = r.getCode() + " " + r.getResponseText();
                if (r.getCode() == ResponseCode.CONTENT && condition.test(r.getResponseText())) return r.getResponseText();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("timed out waiting for " + what + "; last: " + last + "\n" + module.logTail());
    }

    private static String awaitNotification(BlockingQueue<String> notifications, java.util.function.Predicate<String> condition) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        String last = "(none)";
        while (Instant.now().isBefore(end)) {
            String n = notifications.poll(1, TimeUnit.SECONDS);
            if (n == null) continue;
            last = n;
            if (condition.test(n)) return n;
        }
        throw new AssertionError("no matching notification; last: " + last + "\n" + module.logTail());
    }

}
