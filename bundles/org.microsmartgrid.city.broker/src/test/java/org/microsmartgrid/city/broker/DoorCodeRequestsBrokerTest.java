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
import org.microsmartgrid.city.broker.doorcodes.CodeAnswer;
import org.microsmartgrid.city.broker.doorcodes.DoorCodeRequests;
import org.microsmartgrid.city.ingest.InboundMessages;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

import io.moquette.broker.Server;

/**
 * The owner of a module's point asks for a courier code: a CITY-V1 EXEC door-code request on the real embedded broker
 * (the module: Paho on loopback, with its own credential and access rules) whose reply is the answer; a module
 * offline or silent is "not reachable", at once or after the timeout, and nothing is sent later.
 */
class DoorCodeRequestsBrokerTest {

    private static final String CLIENT = "AA:BB:CC:00:00:01";
    private static final String REQUEST_TOPIC = "$EDC/milano/" + CLIENT + "/CITY-V1/EXEC/door-code";
    private final ModuleCredential.Issued m1 = ModuleCredential.issue("milano", CLIENT, new SecureRandom());
    private final BlockingQueue<KuraMessage> requests = new LinkedBlockingQueue<>();
    private volatile Server server;
    private EmbeddedModuleChannel channel;
    private DoorCodeRequests codes;
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
        codes = new DoorCodeRequests(channel, System::currentTimeMillis, Duration.ofSeconds(5));
        channel.listen(codes::onControl);
    }

    @AfterEach
    void stop() throws Exception {
        if (module != null && module.isConnected()) module.disconnect();
        server.stopServer();
    }

    /**
     * The module as its cloud link connects, answering each door-code request with what {@code reply} makes of it (null:
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

    private static Map<String, Object> issued(String code, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("response.code", 200);
        m.put("code", code);
        m.put("id", id);
        m.put("from", "2026-12-07T10:00:00Z");
        m.put("until", "2026-12-07T11:00:00Z");
        return m;
    }

    private CodeAnswer ask(String door, int startsIn, int minutes) throws Exception {
        return codes.issueCourierCode("milano", CLIENT, door, startsIn, minutes, "acc-1").toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
    }

    @Test
    void theModulesCodeIsTheAnswerAndTheRequestSaysWhatTheOwnerAsked() throws Exception {
        moduleComesOnline(r -> issued("12345678", "c-7"));
        CodeAnswer a = ask("portone", 30, 90);
        assertEquals(new CodeAnswer(CodeAnswer.Status.ISSUED, "12345678", "c-7", "2026-12-07T10:00:00Z",
                "2026-12-07T11:00:00Z", null), a);
        assertTrue(!a.toString().contains("12345678"), "an answer logged never shows the code");
        KuraMessage request = requests.poll(5, TimeUnit.SECONDS);
        assertEquals("portone", request.metrics().get("door"));
        assertEquals("COURIER", request.metrics().get("kind"));
        assertEquals(30, request.metrics().get("minutes_from_now"));
        assertEquals(90, request.metrics().get("minutes"));
        assertEquals("acc-1", request.metrics().get("account"));
        assertEquals(CLIENT, request.metrics().get("requester.client.id"));
        assertEquals(0, codes.waiting(), "answered requests are forgotten");
    }

    @Test
    void refusalsUnknownDoorMalformedAndUnreadableRepliesAreTold() throws Exception {
        moduleComesOnline(r -> switch ((String) r.metrics().get("door")) {
            case "cantina" -> Map.of("response.code", 404, "response.exception.message", "unknown door 'cantina'");
            case "bad" -> Map.of("response.code", 400, "response.exception.message", "minutes: 5-720");
            case "long" -> Map.of("response.code", 409, "response.exception.message", "window too long: at most 2 h");
            default -> Map.of("response.code", 200); // no code: not an answer the city can pass on
        });
        assertEquals(CodeAnswer.of(CodeAnswer.Status.UNKNOWN_DOOR, "unknown door 'cantina'"), ask("cantina", 0, 60));
        assertEquals(CodeAnswer.Status.MALFORMED, ask("bad", 0, 60).status());
        assertEquals(CodeAnswer.of(CodeAnswer.Status.REFUSED, "window too long: at most 2 h"), ask("long", 0, 600));
        assertEquals(CodeAnswer.Status.FAILED, ask("portone", 0, 60).status());
    }

    @Test
    void aModuleOfflineIsUnreachableAtOnceAndNothingIsSentLater() throws Exception {
        assertEquals(CodeAnswer.Status.UNREACHABLE, ask("portone", 0, 60).status());
        assertEquals(0, codes.waiting());
        moduleComesOnline(r -> issued("12345678", "c-1"));
        assertNull(requests.poll(500, TimeUnit.MILLISECONDS), "a request is never sent later: nobody waits for it");
    }

    @Test
    void aSilentModuleIsUnreachableAfterTheTimeoutAndALateReplyChangesNothing() throws Exception {
        codes = new DoorCodeRequests(channel, System::currentTimeMillis, Duration.ofMillis(300));
        channel.listen(codes::onControl);
        moduleComesOnline(r -> null);
        assertEquals(CodeAnswer.Status.UNREACHABLE, ask("portone", 0, 60).status());
        KuraMessage request = requests.poll(5, TimeUnit.SECONDS);
        assertEquals(0, codes.waiting(), "given up");
        codes.onControl("$EDC/milano/" + CLIENT + "/CITY-V1/REPLY/" + request.metrics().get("request.id"),
                KuraPayloadCodec.encode(KuraMessage.of(1L, issued("12345678", "c-1")), false));
        assertEquals(0, codes.waiting());
    }
}
