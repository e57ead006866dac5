package org.microsmartgrid.city.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.broker.external.ExternalBrokerConfig;
import org.microsmartgrid.city.broker.external.ExternalBrokerLink;
import org.microsmartgrid.city.ingest.internal.Ingest;
import org.microsmartgrid.city.kapua.mode.KapuaMode;
import org.microsmartgrid.city.kapua.mode.KapuaModeConfig;
import org.microsmartgrid.city.kapua.standin.KapuaStandIn;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.registry.store.JdbcRegistry;
import org.microsmartgrid.city.registry.store.TestDatabases;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;


import io.moquette.broker.config.MemoryConfig;
import org.microsmartgrid.testing.Waits;
import org.microsmartgrid.testing.ComponentConfigs;

/**
 * Kapua mode end to end, with Moquette standing in for Kapua's broker and the REST stand-in for Kapua's API: a module
 * connects and sends its BIRTH (which "Kapua" registers, as Kapua's lifecycle consumer does) and its socket status;
 * the city reads the module from Kapua's REST API, its data as a consumer on Kapua's broker through the same external
 * broker link and ingest as in multi-instance mode, and its public API shows the point online and charging; when the
 * module leaves, the API shows it offline.
 */
class KapuaModeEndToEndTest {

    private static final String MILANO = "Ag";
    private static final String CLIENT = "AA:BB:CC:00:00:01";

    private final Registry registry = new JdbcRegistry(TestDatabases.fresh(), l -> { });
    private io.moquette.broker.Server broker;
    private String brokerUrl;
    private KapuaStandIn kapua;
    private MqttClient kapuaLifecycle;
    private Ingest ingest;
    private ExternalBrokerLink link;
    private KapuaMode mode;
    private Server http;
    private ServerConnector connector;
    private MqttClient module;

    @BeforeEach
    void start() throws Exception {
        kapua = new KapuaStandIn(Clock.systemUTC()); // first: skipped before anything starts without Kapua's documents
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        broker = new io.moquette.broker.Server();
        broker.startServer(new MemoryConfig(p));
        brokerUrl = "tcp://127.0.0.1:" + port;

        kapua.addUser("city-reader", "Reader-pw-2026!", MILANO);
        kapuaLifecycle = kapuasLifecycleConsumer();

        ingest = new Ingest(registry, 1000, 64 * 1024, 1000, Clock.systemUTC());
        link = new ExternalBrokerLink(ingest);
        link.activate(ComponentConfigs.of(ExternalBrokerConfig.class, Map.of("broker.url", brokerUrl, "client.id", "city-1",
                "topic.filters", new String[0], "every.instance.filters", new String[] {"milano/+/msg/#"})));
        mode = new KapuaMode(registry, Clock.systemUTC());
        mode.activate(ComponentConfigs.of(KapuaModeConfig.class, Map.of("api.url", kapua.apiUrl(), "account", "milano",
                "username", "city-reader", "password", "Reader-pw-2026!")));

        http = new Server();
        connector = new ServerConnector(http);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        http.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new RegistryApiServlet(registry)), "/api/v1/*");
        http.setHandler(context);
        http.start();
    }

    /** What Kapua's consumer-lifecycle does with a BIRTH and a DC: the device and its connection in Kapua's database. */
    private MqttClient kapuasLifecycleConsumer() throws Exception {
        MqttClient c = new MqttClient(brokerUrl, "kapua-consumer-lifecycle", new MemoryPersistence());
        c.connect();
        c.subscribe("$EDC/+/+/MQTT/+", 1, (topic, msg) -> {
            String[] t = topic.split("/");
            KuraMessage m = KuraPayloadCodec.decode(msg.getPayload());
            java.time.Instant at = java.time.Instant.ofEpochMilli(m.timestamp());
            if (t[4].equals("BIRTH")) {
                JsonObject d = kapua.addDevice(MILANO, t[2], (String) m.metrics().get("display_name"), "CONNECTED", at);
                JsonObject event = new JsonObject();
                event.addProperty("resource", "BIRTH");
                JsonObject pos = new JsonObject();
                pos.addProperty("latitude", m.position().latitude());
                pos.addProperty("longitude", m.position().longitude());
                event.add("position", pos);
                d.add("lastEvent", event);
                // Kapua keeps extended_properties as (group, name, value) rows
                JsonObject ext = JsonParser.parseString((String) m.metrics().get("extended_properties")).getAsJsonObject()
                        .getAsJsonObject("properties");
                JsonArray rows = new JsonArray();
                ext.entrySet().forEach(g -> g.getValue().getAsJsonObject().entrySet().forEach(v -> {
                    JsonObject row = new JsonObject();
                    row.addProperty("groupName", g.getKey());
                    row.addProperty("name", v.getKey());
                    row.addProperty("value", v.getValue().getAsString());
                    rows.add(row);
                }));
                d.add("extendedProperties", rows);
            } else if (t[4].equals("DC")) {
                kapua.setConnection(MILANO, t[2], "DISCONNECTED", at);
            }
        });
        return c;
    }

    @AfterEach
    void stop() throws Exception {
        if (kapua == null) return; // skipped: Kapua's OpenAPI documents are not there
        if (module != null && module.isConnected()) module.disconnect();
        if (module != null) module.close();
        http.stop();
        mode.deactivate();
        link.deactivate();
        ingest.close();
        kapuaLifecycle.disconnect();
        kapuaLifecycle.close();
        broker.stopServer();
        kapua.close();
        assertEquals(List.of(), kapua.violations());
    }

    @Test
    void aModulesBirthAndStatusReachTheCityApiThroughKapua() throws Exception {
        // the city's link connects on its own thread: a status published before its subscription is no one's
        waitFor(link::subscribed, "the city subscribed on Kapua's broker");
        module = new MqttClient(brokerUrl, CLIENT, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        module.connect(o);
        long now = System.currentTimeMillis();
        Map<String, Object> birth = new LinkedHashMap<>();
        birth.put("display_name", "Scuola Pascoli");
        birth.put("serial_number", "SN-1");
        birth.put("firmware_version", "0.1.0");
        birth.put("extended_properties", "{\"version\":\"1.0\",\"properties\":{\"MicroSmartGrid\":{\"sockets\":\"2\"}}}");
        module.publish("$EDC/milano/" + CLIENT + "/MQTT/BIRTH", KuraPayloadCodec.encode(
                new KuraMessage(now, new KuraMessage.Position(45.4786, 9.2275, null), birth, null), false), 1, false);
        waitFor(() -> !kapua.entities(MILANO, "devices").isEmpty(), "Kapua registers the module");

        mode.syncOnce(); // the module from Kapua's REST API
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("msg.id", "s-1");
        status.put("socket", 1);
        status.put("status", "CHARGING");
        status.put("available", false);
        status.put("power_w", 3700.0);
        module.publish("milano/" + CLIENT + "/msg/sockets/1",
                KuraPayloadCodec.encode(KuraMessage.of(now + 1000, status), true), 1, false);

        String id = registry.locationOfModule("milano", CLIENT).orElseThrow().id();
        waitFor(() -> location(id).getAsJsonArray("evses").get(0).getAsJsonObject().get("status").getAsString()
                .equals("CHARGING"), "the status through Kapua's broker");
        JsonObject l = location(id);
        assertEquals("Scuola Pascoli", l.get("name").getAsString());
        assertEquals(45.4786, l.get("latitude").getAsDouble());
        assertEquals(2, l.getAsJsonArray("evses").size());
        assertTrue(l.getAsJsonObject("module").get("online").getAsBoolean());

        // the module leaves cleanly: Kapua marks it DISCONNECTED, the city's next pass shows it offline
        module.publish("$EDC/milano/" + CLIENT + "/MQTT/DC", KuraPayloadCodec.encode(
                KuraMessage.of(now + 2000, Map.of("uptime", "1000")), false), 1, false);
        waitFor(() -> "DISCONNECTED".equals(kapua.entities(MILANO, "devices").get(0).getAsJsonObject("connection")
                .get("status").getAsString()), "Kapua sees the DC");
        mode.syncOnce();
        assertFalse(location(id).getAsJsonObject("module").get("online").getAsBoolean());
    }

    private JsonObject location(String id) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + connector.getLocalPort() + "/api/v1/locations/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return JsonParser.parseString(r.body()).getAsJsonObject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        Waits.until(what, condition::getAsBoolean);
    }
}
