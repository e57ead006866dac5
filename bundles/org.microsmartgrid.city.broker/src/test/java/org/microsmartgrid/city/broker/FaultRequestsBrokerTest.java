package org.microsmartgrid.city.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.broker.faults.FaultRequests;
import org.microsmartgrid.city.ingest.InboundMessages;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

import io.moquette.broker.Server;
import org.microsmartgrid.testing.Waits;

/**
 * A fault report on a module's point becomes a CITY-V1 request on the real embedded broker, received by the module
 * (Paho on loopback, with its own credential and access rules), retried until the module replies.
 */
class FaultRequestsBrokerTest {

    private static final long REPORTED = 1_796_000_000_000L;
    private final ModuleCredential.Issued m1 = ModuleCredential.issue("milano", "AA:BB:CC:00:00:01", new SecureRandom());
    private final String requestTopic = "$EDC/milano/AA:BB:CC:00:00:01/CITY-V1/EXEC/faults";
    private final AtomicLong now = new AtomicLong(REPORTED + 1000);
    private final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<KuraMessage> requests = new LinkedBlockingQueue<>();
    private volatile Server server;
    private EmbeddedModuleChannel channel;
    private FaultRequests faults;
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
        faults = new FaultRequests(channel, now::get);
        channel.listen((topic, payload) -> {
            if (faults.onControl(topic, payload)) faults.tick();
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (module != null && module.isConnected()) module.disconnect();
        server.stopServer();
    }

    /** The module as the cloud link connects: clean session, subscribed to its own control namespace, then BIRTH. */
    private void moduleComesOnline() throws Exception {
        module = new MqttClient(url, m1.credential().clientId(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setUserName(m1.credential().clientId());
        o.setPassword(m1.password().toCharArray());
        module.setTimeToWait(10_000);
        module.connect(o);
        module.subscribe("$EDC/milano/AA:BB:CC:00:00:01/#", 1, (topic, m) -> {
            if (topic.equals(requestTopic)) requests.add(KuraPayloadCodec.decode(m.getPayload()));
        });
        module.publish("$EDC/milano/AA:BB:CC:00:00:01/MQTT/BIRTH",
                KuraPayloadCodec.encode(KuraMessage.of(now.get(), Map.of("display_name", "m1")), false), 1, false);
    }

    private void reply(String faultId, int code) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("response.code", code);
        module.publish("$EDC/milano/AA:BB:CC:00:00:01/CITY-V1/REPLY/" + faultId,
                KuraPayloadCodec.encode(KuraMessage.of(now.get(), m), false), 1, false);
    }

    private static void awaitNothingPending(FaultRequests f) {
        Waits.until("the module's reply to end the request (nothing pending)", f::pending, n -> n == 0);
    }

    @Test
    void aFaultForAnOfflineModuleReachesItWhenItComesOnlineAndItsReplyEndsTheRequest() throws Exception {
        faults.offer(new FaultRequests.Fault("f-1", "milano", "AA:BB:CC:00:00:01", "NO_POWER", REPORTED));
        faults.tick();
        assertEquals(1, faults.pending(), "kept while the module is offline");

        moduleComesOnline(); // its BIRTH makes the request due at once
        KuraMessage request = requests.poll(10, TimeUnit.SECONDS);
        assertTrue(request != null, "the module received the request on " + requestTopic);
        assertEquals("f-1", request.metrics().get("fault_id"));
        assertEquals("NO_POWER", request.metrics().get("kind"));
        assertEquals(REPORTED, request.metrics().get("reported"));
        assertEquals("f-1", request.metrics().get("request.id"));
        // the module replies in its own namespace, the only one its access rules let it publish in
        assertEquals("AA:BB:CC:00:00:01", request.metrics().get("requester.client.id"));

        reply("f-1", 200);
        awaitNothingPending(faults);
        now.addAndGet(3_600_000);
        faults.tick();
        assertNull(requests.poll(300, TimeUnit.MILLISECONDS), "nothing is sent again once answered");
    }

    @Test
    void withoutAReplyTheCityRetriesAFewTimesThenGivesUp() throws Exception {
        moduleComesOnline();
        faults.offer(new FaultRequests.Fault("f-2", "milano", "AA:BB:CC:00:00:01", "BLOCKED", REPORTED));
        for (int send = 1; send <= 5; send++) {
            faults.tick();
            assertTrue(requests.poll(10, TimeUnit.SECONDS) != null, "send " + send);
            faults.tick(); // not yet due again: nothing more
            now.addAndGet(31_000);
        }
        faults.tick();
        assertNull(requests.poll(300, TimeUnit.MILLISECONDS), "a few tries, not forever");
        assertEquals(0, faults.pending(), "given up (with a log line)");
    }

    @Test
    void aRefusalAlsoEndsTheRequestAndOtherModulesTopicsAreNotTouched() throws Exception {
        moduleComesOnline();
        faults.offer(new FaultRequests.Fault("f-3", "milano", "AA:BB:CC:00:00:01", "OTHER", REPORTED));
        faults.tick();
        assertTrue(requests.poll(10, TimeUnit.SECONDS) != null);
        // a reply for another module's fault, or with another id, changes nothing
        reply("f-unknown", 200);
        faults.onControl("$EDC/milano/AA:BB:CC:00:00:02/CITY-V1/REPLY/f-3", new byte[0]);
        assertEquals(1, faults.pending());
        reply("f-3", 400);
        awaitNothingPending(faults);
    }
}
