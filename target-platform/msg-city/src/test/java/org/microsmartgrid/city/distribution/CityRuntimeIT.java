package org.microsmartgrid.city.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.broker.ModuleCredential;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The exported city runtime with two exported modules (each on its simulated building) connected to its embedded
 * broker with their own credentials: points appear on BIRTH, a socket's change reaches the API, kill -9 of a module
 * shows it offline, a client publishing as another module changes nothing. The status change is also followed in the
 * search answers (the in-memory index) and on the server-sent events stream of a map showing the point.
 */
class CityRuntimeIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String A = "msg-sormani";
    private static final String B = "msg-manzoni";

    @Test
    void modulesAppearLiveGoOfflineAndCannotBeImpersonated() throws Exception {
        SecureRandom random = new SecureRandom();
        ModuleCredential.Issued a = ModuleCredential.issue("milano", A, random);
        ModuleCredential.Issued b = ModuleCredential.issue("milano", B, random);
        ModuleCredential.Issued intruder = ModuleCredential.issue("milano", "msg-intruder", random);
        int mqtt = JarProcess.freePort();
        Path cityConf = JarProcess.copyConf(Path.of(System.getProperty("msg.city.conf")),
                "port=I\"1883\"", "port=I\"" + mqtt + "\"");
        Files.writeString(cityConf.resolve("org.microsmartgrid.city.broker.CityBroker.config"),
                "modules=[\"" + a.credential().format() + "\",\"" + b.credential().format() + "\",\""
                        + intruder.credential().format() + "\"]\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        addOperator(cityConf);
        OcpiProbe ocpi = new OcpiProbe();
        ocpi.configure(cityConf);

        try (JarProcess city = JarProcess.start("city", Path.of(System.getProperty("msg.city.jar")),
                List.of("-Xmx256m"), cityConf, JarProcess.freePort())) {
            city.await("the city's status page", "/city/status", WAIT, r -> r.statusCode() == 200);
            JarProcess moduleB;
            try (JarProcess moduleA = startModule(A, a, "Biblioteca Sormani", "45.4613", "9.1976", "1=", mqtt)) {
                moduleB = startModule(B, b, "Scuola Manzoni", "45.4702", "9.1883", "1=EBIKE:30", mqtt);
                try {
                    // BIRTH → the point appears with its position, its four sockets and its module online
                    // (a module's configurations arrive one by one: wait until it has told of all four sockets)
                    JsonObject sormani = awaitPoint(city, "Biblioteca Sormani", p -> p.getAsJsonArray("evses").size() == 4);
                    assertEquals(45.4613, sormani.get("latitude").getAsDouble(), 1e-9);
                    assertEquals(4, sormani.getAsJsonArray("evses").size());
                    assertTrue(sormani.getAsJsonObject("module").get("online").getAsBoolean());
                    awaitPoint(city, "Scuola Manzoni", p -> true);

                    // partners see the same point over OCPI 2.2.1 as soon as the API does (docs/ocpi.md)
                    JsonObject ocpiSormani = ocpi.location(city, "Biblioteca Sormani");
                    assertEquals("45.46130", ocpiSormani.getAsJsonObject("coordinates").get("latitude").getAsString());
                    assertEquals("ITA", ocpiSormani.get("country").getAsString());
                    assertEquals(4, ocpiSormani.getAsJsonArray("evses").size());
                    ocpi.refusesStrangers(city);

                    // a socket's status change reaches the API, the search and the SSE stream of a map showing
                    // Sormani: socket 1 is free, then an e-bike plugs in
                    awaitPoint(city, "Biblioteca Sormani", p -> socketStatus(p, 1).equals("AVAILABLE"));
                    String sormaniId = sormani.get("id").getAsString();
                    String nearSormani = "/api/v1/search?lat=45.4610&lon=9.1970&radius=300&vehicle_class=EBIKE";
                    awaitSearch(city, nearSormani + "&available_now=true", sormaniId, p -> socketStatus(p, 1).equals("AVAILABLE"));
                    try (SseListener stream = new SseListener(city.uri("/api/v1/events?bbox=9.19,45.45,9.21,45.47"))) {
                        moduleA.replaceConfig("org.microsmartgrid.simulator.SimulatedBuilding.config",
                                Files.readString(moduleA.conf.resolve("org.microsmartgrid.simulator.SimulatedBuilding.config"))
                                        .replace("\"1=\"", "\"1=EBIKE:30\""));
                        awaitPoint(city, "Biblioteca Sormani", p -> socketStatus(p, 1).equals("CHARGING"));
                        awaitSearch(city, nearSormani, sormaniId, p -> socketStatus(p, 1).equals("CHARGING"));
                        stream.await(e -> e.get("id").getAsString().equals(sormaniId) && socketStatus(e, 1).equals("CHARGING"),
                                WAIT);
                    }

                    // a client publishing as another module is refused by the broker: nothing it sends lands
                    impersonate(mqtt, intruder);
                    awaitPoint(city, "Intruso", p -> true); // queued after the forged messages: they were handled
                    JsonObject manzoni = awaitPoint(city, "Scuola Manzoni", p -> true);
                    assertTrue(manzoni.getAsJsonObject("module").get("online").getAsBoolean(),
                            "the forged DC did not take Manzoni offline: " + manzoni);
                    assertTrue(!socketStatus(manzoni, 2).equals("OUTOFORDER"), "forged status ignored: " + manzoni);

                    // kill -9 → the broker notices → Manzoni offline, its sockets UNKNOWN to the public
                    moduleB.kill();
                    JsonObject dead = awaitPoint(city, "Scuola Manzoni",
                            p -> !p.getAsJsonObject("module").get("online").getAsBoolean());
                    for (JsonElement e : dead.getAsJsonArray("evses"))
                        assertEquals("UNKNOWN", e.getAsJsonObject().get("status").getAsString());
                    assertTrue(dead.getAsJsonObject("module").has("last_heard"));
                    for (JsonElement e : ocpi.location(city, "Scuola Manzoni").getAsJsonArray("evses"))
                        assertEquals("UNKNOWN", e.getAsJsonObject().get("status").getAsString(), "OCPI too");
                    awaitSearch(city, "/api/v1/search?lat=45.4702&lon=9.1883&radius=100", dead.get("id").getAsString(),
                            p -> !p.getAsJsonObject("module").get("online").getAsBoolean()
                                    && socketStatus(p, 1).equals("UNKNOWN"));
                } finally {
                    moduleB.close();
                }

                // open data: both points in GeoJSON ([lon, lat]) and CSV
                JsonObject geo = JsonParser.parseString(city.get("/api/v1/open-data/locations.geojson").body()).getAsJsonObject();
                assertEquals("FeatureCollection", geo.get("type").getAsString());
                JsonObject first = geo.getAsJsonArray("features").get(0).getAsJsonObject();
                double lon = first.getAsJsonObject("geometry").getAsJsonArray("coordinates").get(0).getAsDouble();
                assertTrue(lon > 9 && lon < 10, "longitude first (RFC 7946): " + first);
                String csv = city.get("/api/v1/open-data/locations.csv").body();
                assertTrue(csv.contains("Biblioteca Sormani") && csv.contains("Scuola Manzoni"), csv);

                // bad requests: a problem document, nothing else
                for (String bad : List.of("/api/v1/locations?limit=501", "/api/v1/locations?near=1",
                        "/api/v1/locations?offset=-1", "/api/v1/locations/a%20b", "/api/v1/nothing")) {
                    HttpResponse<String> r = city.get(bad);
                    assertTrue(r.statusCode() == 400 || r.statusCode() == 404, bad + " → " + r.statusCode());
                    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                            || r.statusCode() == 404, bad + " → " + r.headers().map());
                }
                assertEquals(400, city.get("/api/v1/locations/%2e%2e").statusCode(), "Jetty refuses encoded dot segments");
                HttpResponse<String> post = city.send(HttpRequest.newBuilder(city.uri("/api/v1/locations"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));
                assertEquals(405, post.statusCode());

                String metrics = city.get("/metrics").body();
                assertTrue(metrics.contains("msg_city_ingest_applied_total"), metrics);
                assertTrue(city.get("/system/console/bundles").statusCode() == 401, "the console asks operators to log in");
            }
        }
    }

    private static JarProcess startModule(String clientId, ModuleCredential.Issued cred, String name, String lat,
                                          String lon, String socket1, int mqtt) throws Exception {
        Path conf = JarProcess.copyConf(Path.of(System.getProperty("msg.module.conf")),
                "I\"5020\"", "I\"" + JarProcess.freePort() + "\"",
                "coap.port=I\"5683\"", "coap.port=I\"" + JarProcess.freeUdpPort() + "\"",
                "coaps.port=I\"5684\"", "coaps.port=I\"" + JarProcess.freeUdpPort() + "\"",
                "\"1=EBIKE:30\"", "\"" + socket1 + "\"");
        addOperator(conf); // the module refuses its console without an installer account
        JarProcess.quietHour(conf);
        Files.writeString(conf.resolve("org.microsmartgrid.cloud.kapua.KapuaCloudLink.config"), String.join("\n",
                "broker.url=\"tcp://127.0.0.1:" + mqtt + "\"",
                "account.name=\"milano\"",
                "client.id=\"" + clientId + "\"",
                "username=\"" + clientId + "\"",
                "password=\"" + cred.password() + "\"",
                "display.name=\"" + name + "\"",
                "position.latitude=\"" + lat + "\"",
                "position.longitude=\"" + lon + "\"",
                "telemetry.interval.s=I\"2\"",
                "reconnect.max.s=I\"2\"", ""), StandardCharsets.UTF_8);
        return JarProcess.start(clientId, Path.of(System.getProperty("msg.module.jar")), JarProcess.moduleJvmFlags(),
                conf, JarProcess.freePort());
    }

    /** The web console's login, for the city's operators as for a module's installer (no default password). */
    private static void addOperator(Path conf) throws Exception {
        String hash = org.microsmartgrid.console.auth.PasswordHash.create("not used here".toCharArray(),
                org.microsmartgrid.console.auth.PasswordHash.MIN_ITERATIONS, new SecureRandom()).format();
        Files.writeString(conf.resolve("org.microsmartgrid.console.InstallerAuthentication.config"),
                "users=[\"operator:" + hash + "\"]\n", StandardCharsets.UTF_8);
    }

    /**
     * A client with its own valid credential publishes as module B (a status and a DC), then its own BIRTH. Ingest
     * applies messages in arrival order, so once its own point shows, anything forged would already have landed.
     */
    private static void impersonate(int mqtt, ModuleCredential.Issued intruder) throws Exception {
        String id = intruder.credential().clientId();
        MqttClient c = new MqttClient("tcp://127.0.0.1:" + mqtt, id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(id);
        o.setPassword(intruder.password().toCharArray());
        c.setTimeToWait(10_000);
        c.connect(o);
        long now = System.currentTimeMillis();
        Map<String, Object> forged = new LinkedHashMap<>();
        forged.put("msg.id", "forged-1");
        forged.put("socket", 2);
        forged.put("status", "OUTOFORDER");
        c.publish("milano/" + B + "/msg/sockets/2", KuraPayloadCodec.encode(KuraMessage.of(now, forged), false), 0, false);
        c.publish("$EDC/milano/" + B + "/MQTT/DC", KuraPayloadCodec.encode(KuraMessage.of(now, Map.of()), false), 0, false);
        Map<String, Object> birth = new LinkedHashMap<>();
        birth.put("display_name", "Intruso");
        birth.put("extended_properties", "{\"properties\":{\"MicroSmartGrid\":{\"sockets\":\"1\"}}}");
        c.publish("$EDC/milano/" + id + "/MQTT/BIRTH", KuraPayloadCodec.encode(new KuraMessage(now,
                new KuraMessage.Position(45.0, 9.0, null), birth, null), false), 1, false);
        c.disconnect();
        c.close();
        // and a client using B's id with its own password is not let in at all
        MqttClient asB = new MqttClient("tcp://127.0.0.1:" + mqtt, B, new MemoryPersistence());
        MqttConnectOptions ob = new MqttConnectOptions();
        ob.setUserName(B);
        ob.setPassword(intruder.password().toCharArray());
        try {
            asB.connect(ob);
            throw new AssertionError("connected as " + B + " with another module's password");
        } catch (MqttException refused) {
            assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, refused.getReasonCode(), refused.toString());
        } finally {
            asB.close();
        }
    }

    private static String socketStatus(JsonObject point, int socket) {
        for (JsonElement e : point.getAsJsonArray("evses"))
            if (e.getAsJsonObject().get("socket").getAsInt() == socket) return e.getAsJsonObject().get("status").getAsString();
        return "(none)";
    }

    private static JsonObject awaitPoint(JarProcess city, String name, java.util.function.Predicate<JsonObject> cond)
            throws Exception {
        HttpResponse<String> r = city.await(name, "/api/v1/locations?limit=500", WAIT,
                resp -> resp.statusCode() == 200 && find(resp.body(), name).filter(cond).isPresent());
        return find(r.body(), name).orElseThrow();
    }

    /** The point as a search answers, once {@code cond} holds. */
    private static JsonObject awaitSearch(JarProcess city, String query, String id,
                                          java.util.function.Predicate<JsonObject> cond) throws Exception {
        HttpResponse<String> r = city.await(query, query, WAIT,
                resp -> resp.statusCode() == 200 && hit(resp.body(), id).filter(cond).isPresent());
        return hit(r.body(), id).orElseThrow();
    }

    private static Optional<JsonObject> hit(String body, String id) {
        for (JsonElement e : JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("items")) {
            JsonObject point = e.getAsJsonObject().getAsJsonObject("point");
            if (point.get("id").getAsString().equals(id)) return Optional.of(point);
        }
        return Optional.empty();
    }

    private static Optional<JsonObject> find(String body, String name) {
        JsonArray items = JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("items");
        for (JsonElement e : items)
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) return Optional.of(e.getAsJsonObject());
        return Optional.empty();
    }
}
