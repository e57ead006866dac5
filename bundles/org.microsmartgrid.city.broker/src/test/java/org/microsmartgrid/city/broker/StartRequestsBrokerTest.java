package org.microsmartgrid.city.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
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
import org.microsmartgrid.city.broker.charging.StartAnswer;
import org.microsmartgrid.city.broker.charging.StartRequests;
import org.microsmartgrid.city.ingest.InboundMessages;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

import io.moquette.broker.Server;

/**
 * A driver's "Start charging" on the city's map goes to the module as a CITY-V1 EXEC start request on the real
 * embedded broker (the module: Paho on loopback, with its own credential and access rules) carrying the socket and
 * the mode and nothing about the driver; the module's reply is the answer; a module offline is "not reachable" at once
 * and nothing is sent later.
 */
class StartRequestsBrokerTest {

    private static final String CLIENT = "AA:BB:CC:00:00:01";
    private static final String REQUEST_TOPIC = "$EDC/milano/" + CLIENT + "/CITY-V1/EXEC/start";
    private final ModuleCredential.Issued m1 = ModuleCredential.issue("milano", CLIENT, new SecureRandom());
    private final BlockingQueue<KuraMessage> requests = new LinkedBlockingQueue<>();
    private volatile Server server;
    private EmbeddedModuleChannel channel;
    private StartRequests starts;
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
        starts = new StartRequests(channel, System::currentTimeMillis, Duration.ofSeconds(5));
        channel.listen(starts::onControl);
    }

    @AfterEach
    void stop() throws Exception {
        if (module != null && module.isConnected()) module.disconnect();
        server.stopServer();
    }

    /**
     * The module as its cloud link connects, answering each start request with what {@code reply} makes of it (null:
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

    private StartAnswer start(int socket, String mode) throws Exception {
        return starts.start("milano", CLIENT, socket, mode).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void theModulesSessionIdIsTheAnswerAndTheRequestNamesNoDriver() throws Exception {
        moduleComesOnline(r -> switch ((Integer) r.metrics().get("socket")) {
            case 1 -> Map.of("response.code", 200, "session_id", "0f6c1d2e-0000-4000-8000-000000000001");
            case 2 -> Map.of("response.code", 409, "response.exception.message", "socket 2 is busy");
            case 3 -> Map.of("response.code", 404, "response.exception.message", "no socket 3");
            case 4 -> Map.of("response.code", 400);
            default -> Map.of("response.code", 200); // no session id: not an answer the city can keep
        });
        assertEquals(new StartAnswer(StartAnswer.Status.STARTED, "0f6c1d2e-0000-4000-8000-000000000001", null),
                start(1, "SOLAR_ONLY"));
        KuraMessage request = requests.poll(5, TimeUnit.SECONDS);
        assertEquals(1, request.metrics().get("socket"));
        assertEquals("SOLAR_ONLY", request.metrics().get("mode"));
        assertEquals(CLIENT, request.metrics().get("requester.client.id"));
        assertEquals(java.util.Set.of("request.id", "requester.client.id", "socket", "mode"), request.metrics().keySet(),
                "nothing about the driver goes to the module");

        StartAnswer busy = start(2, "NOW");
        assertEquals(StartAnswer.Status.REFUSED, busy.status());
        assertEquals("socket 2 is busy", busy.message());
        assertEquals(StartAnswer.Status.UNKNOWN_SOCKET, start(3, "NOW").status());
        assertEquals(StartAnswer.Status.MALFORMED, start(4, "NOW").status());
        assertEquals(StartAnswer.Status.FAILED, start(5, "NOW").status());
    }

    @Test
    void aModuleOfflineIsUnreachableAtOnceAndNothingIsSentLater() throws Exception {
        assertEquals(StartAnswer.Status.UNREACHABLE, start(1, "NOW").status());
        moduleComesOnline(r -> Map.of("response.code", 200, "session_id", "s-1"));
        assertNull(requests.poll(500, TimeUnit.MILLISECONDS), "a start is never sent later: nobody waits for it");
    }

    @Test
    void anotherModulesReplyDoesNotAnswerAndASilentModuleTimesOut() throws Exception {
        starts = new StartRequests(channel, System::currentTimeMillis, Duration.ofMillis(400));
        channel.listen(starts::onControl);
        moduleComesOnline(r -> {
            // a reply on another module's namespace (as if it could): must not complete this start
            starts.onControl("$EDC/milano/AA:BB:CC:00:00:02/CITY-V1/REPLY/" + r.metrics().get("request.id"),
                    KuraPayloadCodec.encode(KuraMessage.of(1L, Map.of("response.code", 200, "session_id", "theirs")), false));
            return null;
        });
        StartAnswer a = start(1, "NOW");
        assertEquals(StartAnswer.Status.UNREACHABLE, a.status());
        assertNull(a.sessionId());
    }
}
