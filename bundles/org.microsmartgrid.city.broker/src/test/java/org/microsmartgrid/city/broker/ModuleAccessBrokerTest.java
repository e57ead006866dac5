package org.microsmartgrid.city.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.ingest.InboundMessages;

import io.moquette.broker.Server;

/** The real broker (Moquette) with our access rules, spoken to by Paho as a module would. */
class ModuleAccessBrokerTest {

    private final BlockingQueue<String> ingested = new LinkedBlockingQueue<>();
    private final InboundMessages ingest = new InboundMessages() {
        @Override
        public boolean offer(String topic, byte[] payload) {
            ingested.add(topic + " " + new String(payload, StandardCharsets.UTF_8));
            return true;
        }

        @Override
        public void connectionLost(String account, String clientId, long atMillis) {
            ingested.add("lost " + account + "/" + clientId);
        }
    };
    private final ModuleCredential.Issued m1 = ModuleCredential.issue("milano", "AA:BB:CC:00:00:01", new SecureRandom());
    private final ModuleCredential.Issued m2 = ModuleCredential.issue("milano", "AA:BB:CC:00:00:02", new SecureRandom());
    private Server server;
    private String url;

    @BeforeEach
    void start() throws Exception {
        Properties p = ModuleOnCityBroker.securedOnFreeLoopbackPort();
        ModuleCredentials creds = ModuleCredentials.parse(
                new String[] {m1.credential().format(), m2.credential().format()}, new ArrayList<>());
        server = CityBroker.startServer(p, ingest, () -> creds);
        url = ModuleOnCityBroker.url(p);
    }

    @AfterEach
    void stop() {
        server.stopServer();
    }

    private MqttClient connect(String clientId, String user, String password) throws MqttException {
        MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setConnectionTimeout(5);
        if (user != null) o.setUserName(user);
        if (password != null) o.setPassword(password.toCharArray());
        c.setTimeToWait(10_000);
        c.connect(o);
        return c;
    }

    @Test
    void aModuleWithItsCredentialPublishesUnderItsOwnTopicsOnly() throws Exception {
        MqttClient c = connect(m1.credential().clientId(), m1.credential().clientId(), m1.password());
        // QoS 0: Moquette answers a refused QoS 1 publication with no PUBACK at all (the sender's window fills)
        c.publish("milano/AA:BB:CC:00:00:02/msg/sockets/1", "as-another".getBytes(), 0, false);
        c.publish("$EDC/milano/AA:BB:CC:00:00:02/MQTT/LWT", "as-another".getBytes(), 0, false);
        c.publish("roma/AA:BB:CC:00:00:01/msg/site", "other-account".getBytes(), 0, false);
        c.publish("milano/AA:BB:CC:00:00:01/msg/sockets/1", "own".getBytes(), 1, false);
        c.publish("$EDC/milano/AA:BB:CC:00:00:01/MQTT/BIRTH", "birth".getBytes(), 1, false);
        assertEquals("milano/AA:BB:CC:00:00:01/msg/sockets/1 own", ingested.poll(10, TimeUnit.SECONDS));
        assertEquals("$EDC/milano/AA:BB:CC:00:00:01/MQTT/BIRTH birth", ingested.poll(10, TimeUnit.SECONDS));
        c.disconnect();
        c.close();
        List<String> rest = new ArrayList<>();
        ingested.drainTo(rest);
        assertTrue(rest.stream().noneMatch(m -> m.contains("as-another") || m.contains("other-account")),
                "nothing published as another reached ingest: " + rest);
    }

    @Test
    void aModuleMaySubscribeOnlyToItsOwnRequests() throws Exception {
        MqttClient c = connect(m1.credential().clientId(), m1.credential().clientId(), m1.password());
        int[] own = c.subscribeWithResponse(new String[] {"$EDC/milano/AA:BB:CC:00:00:01/#"}, new int[] {1})
                .getGrantedQos();
        assertEquals(1, own[0]);
        for (String foreign : List.of("$EDC/milano/AA:BB:CC:00:00:02/#", "#", "milano/#", "$EDC/milano/+/#",
                "milano/AA:BB:CC:00:00:02/msg/sockets/1")) {
            int[] granted = c.subscribeWithResponse(new String[] {foreign}, new int[] {1}).getGrantedQos();
            assertEquals(128, granted[0], foreign + " must be refused");
        }
        c.disconnect();
        c.close();
    }

    @Test
    void noAnonymousNoWrongPasswordNoBorrowedIdentity() {
        assertThrows(MqttException.class, () -> connect("AA:BB:CC:00:00:01", null, null));
        assertThrows(MqttException.class, () -> connect("AA:BB:CC:00:00:01", "AA:BB:CC:00:00:01", "guess"));
        assertThrows(MqttException.class, () -> connect("AA:BB:CC:00:00:01", "AA:BB:CC:00:00:01", m2.password()));
        assertThrows(MqttException.class, () -> connect("AA:BB:CC:00:00:02", "AA:BB:CC:00:00:01", m1.password()),
                "user name and client id must be the same module");
        assertThrows(MqttException.class, () -> connect("unknown", "unknown", m1.password()));
    }

    @Test
    void aDroppedConnectionIsTheModulesLastWill() throws Exception {
        MqttClient c = connect(m2.credential().clientId(), m2.credential().clientId(), m2.password());
        c.disconnectForcibly(100, 100, false); // the socket closes without DISCONNECT
        c.close(true);
        assertEquals("lost milano/AA:BB:CC:00:00:02", ingested.poll(20, TimeUnit.SECONDS));
    }

    @Test
    void aLastWillOnAnotherModulesTopicIsRefusedAtConnect() throws Exception {
        String id1 = m1.credential().clientId();
        String id2 = m2.credential().clientId();
        // module 2 listens to the requests addressed to it
        BlockingQueue<String> toModule2 = new LinkedBlockingQueue<>();
        MqttClient victim = connect(id2, id2, m2.password());
        victim.subscribe("$EDC/milano/" + id2 + "/#", 1, (topic, m) -> toModule2.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8)));

        // module 1, with its own valid credential, sets its will on module 2's request topic: refused at CONNECT
        for (String foreign : List.of("$EDC/milano/" + id2 + "/CONF-V1/PUT/configurations", "milano/" + id2 + "/msg/site",
                "roma/" + id1 + "/msg/site")) {
            MqttException refused = assertThrows(MqttException.class, () -> connectWithWill(id1, m1.password(), foreign),
                    "a will on " + foreign);
            assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, refused.getReasonCode(), refused.toString());
        }

        // its will on its own topic is accepted, and when its connection drops only that will is delivered
        MqttClient own = connectWithWill(id1, m1.password(), "$EDC/milano/" + id1 + "/MQTT/LWT");
        own.disconnectForcibly(100, 100, false);
        own.close(true);
        assertEquals("lost milano/" + id1, ingested.poll(20, TimeUnit.SECONDS)); // Moquette fires wills before this
        victim.publish("$EDC/milano/" + id2 + "/marker", "marker".getBytes(StandardCharsets.UTF_8), 1, false);
        assertEquals("$EDC/milano/" + id2 + "/marker marker", toModule2.poll(10, TimeUnit.SECONDS),
                "the first thing module 2 receives is its own marker: no forged will reached it");
        victim.disconnect();
        victim.close();
    }

    private MqttClient connectWithWill(String clientId, String password, String willTopic) throws MqttException {
        MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setConnectionTimeout(5);
        o.setUserName(clientId);
        o.setPassword(password.toCharArray());
        o.setWill(willTopic, "forged".getBytes(StandardCharsets.UTF_8), 1, false);
        c.setTimeToWait(10_000);
        try {
            c.connect(o);
        } catch (MqttException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Test
    void credentialLinesAreCheckedAndNeverAdmitAnyone() {
        List<String> errors = new ArrayList<>();
        ModuleCredentials c = ModuleCredentials.parse(new String[] {"garbage", "milano/+ sha256:00:00",
                "milano/# " + m1.credential().format().split(" ")[1], m1.credential().format(),
                m1.credential().format()}, errors);
        assertEquals(0, c.size(), "a duplicated client id admits neither line");
        assertEquals(4, errors.size(), errors.toString());
        assertThrows(IllegalArgumentException.class, () -> ModuleCredential.issue("milano", "a/b", new SecureRandom()));
    }
}
