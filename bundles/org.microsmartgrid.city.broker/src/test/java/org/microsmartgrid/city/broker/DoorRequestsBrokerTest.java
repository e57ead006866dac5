package org.microsmartgrid.city.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.broker.doors.DoorAnswer;
import org.microsmartgrid.city.broker.doors.DoorRequests;
import org.microsmartgrid.city.ingest.InboundMessages;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

import io.moquette.broker.Server;

/**
 * A code typed on the city's "I am at the door" page goes to the module as a CITY-V1 EXEC door request on the real
 * embedded broker (the module: Paho on loopback, with its own credential and access rules) and the module's reply is
 * the answer; a module offline or silent is "not reachable", at once or after the timeout.
 */
class DoorRequestsBrokerTest {

    private static final String CLIENT = "AA:BB:CC:00:00:01";
    private static final String REQUEST_TOPIC = "$EDC/milano/" + CLIENT + "/CITY-V1/EXEC/door";
    private final ModuleCredential.Issued m1 = ModuleCredential.issue("milano", CLIENT, new SecureRandom());
    private final BlockingQueue<KuraMessage> requests = new LinkedBlockingQueue<>();
    private volatile Server server;
    private EmbeddedModuleChannel channel;
    private DoorRequests doors;
    private String url;
    private MqttClient module;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        CityBroker.secure(p);
        ModuleCredentials creds = ModuleCredentials.parse(new String[] {m1.credential().format()}, new ArrayList<>());
        channel = new EmbeddedModuleChannel(() -> server);
        server = CityBroker.startServer(p, new InboundMessages() {
            @Override
            public boolean offer(String topic, byte[] payload) {
                return true;
            }

            @Override
            public void connectionLost(String account, String clientId, long atMillis) {
            }
        }, () -> creds, channel.listeners());
        url = "tcp://127.0.0.1:" + port;
        doors = new DoorRequests(channel, System::currentTimeMillis, Duration.ofSeconds(5));
        channel.listen(doors::onControl);
    }

    @AfterEach
    void stop() throws Exception {
        if (module != null && module.isConnected()) module.disconnect();
        server.stopServer();
    }

    /**
     * The module as its cloud link connects, answering each door request with what {@code reply} makes of it (null:
     * no answer) on its own namespace.
     */
    private void moduleComesOnline(Function<KuraMessage, Map<String, Object>> reply) throws Exception {
        module = new MqttClient(url, CLIENT, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setUserName(CLIENT);
        o.setPassword(m1.password().toCharArray());
        module.setTimeToWait(10_000);
        module.connect(o);
        module.subscribe("$EDC/milano/" + CLIENT + "/#", 1, (topic, m) -> {
            if (!topic.equals(REQUEST_TOPIC)) return;
            KuraMessage request = KuraPayloadCodec.decode(m.getPayload());
            requests.add(request);
            Map<String, Object> metrics = reply.apply(request);
            if (metrics == null) return;
            // Paho forbids publishing from its callback thread and waiting: send from another thread
            new Thread(() -> {
                try {
                    module.publish("$EDC/milano/" + request.metrics().get("requester.client.id") + "/CITY-V1/REPLY/"
                            + request.metrics().get("request.id"), KuraPayloadCodec.encode(
                            KuraMessage.of(System.currentTimeMillis(), metrics), false), 1, false);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).start();
        });
    }

    private static Map<String, Object> outcome(String outcome, boolean granted, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("response.code", 200);
        m.put("outcome", outcome);
        m.put("granted", granted);
        m.put("message", message);
        return m;
    }

    private DoorAnswer tryCode(String door, String code) throws Exception {
        return doors.tryCode("milano", CLIENT, door, code).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void theModulesAnswerIsTheAnswer() throws Exception {
        moduleComesOnline(r -> "12345678".equals(r.metrics().get("code"))
                ? outcome("GRANTED", true, "Accesso consentito / Access granted")
                : "99999999".equals(r.metrics().get("code")) ? outcome("THROTTLED", false, "Troppi tentativi")
                : outcome("REUSED", false, "Codice già usato / Code already used"));

        DoorAnswer opened = tryCode("portone", "12345678");
        assertEquals(new DoorAnswer(DoorAnswer.Status.OPENED, "GRANTED", "Accesso consentito / Access granted"), opened);
        KuraMessage request = requests.poll(5, TimeUnit.SECONDS);
        assertEquals("portone", request.metrics().get("door"));
        assertEquals("12345678", request.metrics().get("code"));
        // the reply must come on the module's own namespace, the only one the broker lets it publish in
        assertEquals(CLIENT, request.metrics().get("requester.client.id"));
        assertTrue(((String) request.metrics().get("request.id")).startsWith("door-"));

        DoorAnswer reused = tryCode("portone", "11111111");
        assertEquals(DoorAnswer.Status.REFUSED, reused.status());
        assertEquals("REUSED", reused.outcome());
        assertEquals(DoorAnswer.Status.THROTTLED, tryCode("portone", "99999999").status());
        assertEquals(0, doors.waiting(), "answered requests are forgotten");
    }

    @Test
    void unknownDoorMalformedAndUnreadableRepliesAreTold() throws Exception {
        moduleComesOnline(r -> switch ((String) r.metrics().get("door")) {
            case "cantina" -> Map.of("response.code", 404, "response.exception.message", "unknown door");
            case "bad" -> Map.of("response.code", 400);
            default -> Map.of("response.code", 200); // no outcome: not an answer the city can pass on
        });
        assertEquals(DoorAnswer.Status.UNKNOWN_DOOR, tryCode("cantina", "12345678").status());
        assertEquals(DoorAnswer.Status.MALFORMED, tryCode("bad", "12345678").status());
        assertEquals(DoorAnswer.Status.FAILED, tryCode("portone", "12345678").status());
    }

    @Test
    void aModuleOfflineIsUnreachableAtOnceAndNothingIsKeptForLater() throws Exception {
        assertEquals(DoorAnswer.Status.UNREACHABLE, tryCode("portone", "12345678").status());
        assertEquals(0, doors.waiting());
        moduleComesOnline(r -> outcome("GRANTED", true, "ok"));
        assertNull(requests.poll(500, TimeUnit.MILLISECONDS), "a code is never sent later: nobody waits for it");
    }

    @Test
    void aSilentModuleIsUnreachableAfterTheTimeoutAndALateOrForeignReplyChangesNothing() throws Exception {
        doors = new DoorRequests(channel, System::currentTimeMillis, Duration.ofMillis(300));
        channel.listen(doors::onControl);
        moduleComesOnline(r -> null);
        assertEquals(DoorAnswer.Status.UNREACHABLE, tryCode("portone", "12345678").status());
        KuraMessage request = requests.poll(5, TimeUnit.SECONDS);
        assertEquals(0, doors.waiting(), "given up");
        // a reply after the timeout, or on another module's namespace, finds nothing waiting
        doors.onControl("$EDC/milano/" + CLIENT + "/CITY-V1/REPLY/" + request.metrics().get("request.id"),
                KuraPayloadCodec.encode(KuraMessage.of(1L, outcome("GRANTED", true, "ok")), false));
        assertEquals(0, doors.waiting());
    }
}
