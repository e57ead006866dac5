package org.microsmartgrid.city.doors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.broker.doors.ModuleDoors;
import org.microsmartgrid.city.ingest.Telemetry;
import org.microsmartgrid.city.kapua.mode.KapuaModeConfig;
import org.microsmartgrid.city.kapua.requests.KapuaModuleRequests;
import org.microsmartgrid.city.kapua.standin.KapuaStandIn;
import org.microsmartgrid.city.registry.ModuleBirth;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.registry.store.JdbcRegistry;
import org.microsmartgrid.city.registry.store.TestDatabases;
import org.microsmartgrid.testing.ManualClock;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.microsmartgrid.testing.ComponentConfigs;

/**
 * Kapua mode, the whole city side of "Sono alla porta / I am at the door": the courier's phone posts the code to the
 * city's public API (Jetty on loopback), the city passes it to the module through Kapua's device requests (the
 * stand-in), and the module's answer is what the phone gets; a module Kapua has disconnected is "use the keypad".
 */
class DoorThroughKapuaTest {

    private static final String MILANO = "Ag";
    private static final String CLIENT = "AA:BB:CC:00:00:01";
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T08:00:00Z"));
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final HttpClient http = HttpClient.newHttpClient();
    private KapuaStandIn kapua;
    private KapuaModuleRequests city;
    private String point;

    @BeforeEach
    void start() throws Exception {
        kapua = new KapuaStandIn(clock);
        kapua.addUser("msg-city-runtime", "City-pw-2026!", MILANO);
        kapua.addDevice(MILANO, CLIENT, "Via Larga 12", "CONNECTED", clock.instant());
        city = new KapuaModuleRequests();
        city.activateWith(ComponentConfigs.of(KapuaModeConfig.class, Map.of("api.url", kapua.apiUrl(), "account", "milano",
                "username", "msg-city-runtime", "password", "City-pw-2026!")), clock, Duration.ofSeconds(5));

        Registry registry = new JdbcRegistry(TestDatabases.fresh(), l -> { });
        registry.moduleBirth(new ModuleBirth("milano", CLIENT, "Via Larga 12", "s1", "1.0", 45.46, 9.19, 4, 1000));
        point = registry.locationOfModule("milano", CLIENT).orElseThrow().id();
        DoorDirectory directory = new DoorDirectory();
        String doors = "[{\"id\":\"portone\",\"label\":\"Portone\"}]";
        directory.observed(new Telemetry("milano", CLIENT, "MQTT/BIRTH", 1000, 1000, Map.of("extended_properties",
                "{\"version\":\"1.0\",\"properties\":{\"MicroSmartGrid\":{\"sockets\":\"4\",\"doors\":"
                        + new com.google.gson.Gson().toJson(doors) + "}}}"), true));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new DoorsServlet(registry, directory, () -> Optional.<ModuleDoors>of(city),
                new ClientRate(6, 20_000, System::currentTimeMillis), 10_000)), CityDoors.PATTERN);
        server.setHandler(context);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (kapua == null) return; // skipped: Kapua's OpenAPI documents are not there
        server.stop();
        city.deactivate();
        kapua.close();
        assertEquals(List.of(), kapua.violations());
    }

    private HttpResponse<String> open(String code) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort()
                        + "/api/v1/doors/" + point + "/portone/open")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject metric(String name, String type, String value) {
        JsonObject m = new JsonObject();
        m.addProperty("name", name);
        m.addProperty("valueType", type);
        m.addProperty("value", value);
        return m;
    }

    @Test
    void theCourierOpensTheDoorThroughKapuaOrIsToldToUseTheKeypad() throws Exception {
        kapua.moduleReplies(CLIENT, in -> {
            JsonArray ms = new JsonArray();
            ms.add(metric("response.code", "integer", "200"));
            ms.add(metric("outcome", "string", "GRANTED"));
            ms.add(metric("granted", "boolean", "true"));
            ms.add(metric("message", "string", "Accesso consentito / Access granted"));
            JsonObject p = new JsonObject();
            p.add("metrics", ms);
            return p;
        });
        HttpResponse<String> opened = open("12345678");
        assertEquals(200, opened.statusCode(), opened.body());
        JsonObject body = JsonParser.parseString(opened.body()).getAsJsonObject();
        assertTrue(body.get("opened").getAsBoolean());
        assertEquals("Accesso consentito / Access granted", body.get("message").getAsString());
        assertEquals(1, kapua.deviceRequests().size());

        kapua.setConnection(MILANO, CLIENT, "MISSING", clock.instant()); // Kapua answers 409: not connected
        HttpResponse<String> keypad = open("12345678");
        assertEquals(504, keypad.statusCode(), keypad.body());
        assertTrue(keypad.body().contains("use the keypad"), keypad.body());
        assertEquals(1, kapua.deviceRequests().size(), "nothing sent to a module Kapua has not connected");
    }
}
