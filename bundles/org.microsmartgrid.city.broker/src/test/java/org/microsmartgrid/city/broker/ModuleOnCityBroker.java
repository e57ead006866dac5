package org.microsmartgrid.city.broker;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.microsmartgrid.city.ingest.InboundMessages;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

import io.moquette.broker.Server;

/**
 * What the tests of the city's CITY-V1 requests share: the real embedded city broker on a free loopback port, secured,
 * knowing one module's credential; the channel the city's requests go through; and that module, when it comes online,
 * as its cloud link connects (Paho, its own credential and access rules), receiving the requests of one EXEC resource
 * and answering them on its own namespace. A JUnit extension: {@code @RegisterExtension final ModuleOnCityBroker
 * broker = new ModuleOnCityBroker("door")} starts it before each test (before the test's own {@code @BeforeEach}) and
 * stops it after.
 */
final class ModuleOnCityBroker implements BeforeEachCallback, AfterEachCallback {
    static final String ACCOUNT = "milano";
    static final String CLIENT = "AA:BB:CC:00:00:01";

    /** Every request the module received on its EXEC resource, in order. */
    final BlockingQueue<KuraMessage> requests = new LinkedBlockingQueue<>();
    private final ModuleCredential.Issued credential = ModuleCredential.issue(ACCOUNT, CLIENT, new SecureRandom());
    private final String requestTopic;
    private EmbeddedModuleChannel channel;
    private String url;
    private volatile Server server;
    private MqttClient module;

    /** @param resource the EXEC resource whose requests the module receives: door, door-code, start, faults */
    ModuleOnCityBroker(String resource) {
        this.requestTopic = "$EDC/" + ACCOUNT + "/" + CLIENT + "/CITY-V1/EXEC/" + resource;
    }

    /** The city broker's properties for a test: secured, on a free loopback port. */
    static Properties securedOnFreeLoopbackPort() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        CityBroker.secure(p);
        return p;
    }

    /** Where an MQTT client reaches a broker started with these properties. */
    static String url(Properties p) {
        return "tcp://" + p.getProperty("host") + ":" + p.getProperty("port");
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Properties p = securedOnFreeLoopbackPort();
        ModuleCredentials creds = ModuleCredentials.parse(new String[] {credential.credential().format()},
                new ArrayList<>());
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
        url = url(p);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (module != null && module.isConnected()) module.disconnect();
        server.stopServer();
    }

    /** How the city sends to modules and hears their replies. */
    EmbeddedModuleChannel channel() {
        return channel;
    }

    /** The topic the city's requests reach the module on. */
    String requestTopic() {
        return requestTopic;
    }

    /**
     * The module connects (clean session, subscribed to its own namespace) and answers each request with the metrics
     * {@code reply} makes of it (null: no answer), on its own namespace as the request asks.
     */
    void moduleComesOnline(Function<KuraMessage, Map<String, Object>> reply) throws Exception {
        module = new MqttClient(url, CLIENT, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setUserName(CLIENT);
        o.setPassword(credential.password().toCharArray());
        module.setTimeToWait(10_000);
        module.connect(o);
        module.subscribe("$EDC/" + ACCOUNT + "/" + CLIENT + "/#", 1, (topic, m) -> {
            if (!topic.equals(requestTopic)) return;
            KuraMessage request = KuraPayloadCodec.decode(m.getPayload());
            requests.add(request);
            Map<String, Object> metrics = reply.apply(request);
            if (metrics == null) return;
            // Paho forbids publishing from its callback thread and waiting: send from another thread
            new Thread(() -> {
                try {
                    publishFromModule("$EDC/" + ACCOUNT + "/" + request.metrics().get("requester.client.id")
                            + "/CITY-V1/REPLY/" + request.metrics().get("request.id"), System.currentTimeMillis(),
                            metrics);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).start();
        });
    }

    /** The connected module publishes these metrics (QoS 1), as its cloud link does. */
    void publishFromModule(String topic, long at, Map<String, Object> metrics) throws Exception {
        module.publish(topic, KuraPayloadCodec.encode(KuraMessage.of(at, metrics), false), 1, false);
    }
}
