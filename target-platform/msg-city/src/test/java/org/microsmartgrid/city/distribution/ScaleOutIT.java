package org.microsmartgrid.city.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.registry.store.LocalPostgres;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

import com.google.gson.JsonParser;

/**
 * "When one machine is not enough": two exported city runtimes, each a client of one external broker (Debian's
 * mosquitto, shared subscription group "city") and both on one PostgreSQL database. Modules publish session records
 * and statuses at QoS 1; one instance is killed (kill -9) in the middle of the stream and started again later. Both
 * instances answer the same lookups, the other one keeps ingesting, and every record is stored exactly once.
 */
class ScaleOutIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> MODULES = List.of("msg-brera", "msg-duomo", "msg-navigli");
    private static final int PER_MODULE_AND_PHASE = 60;

    @Test
    void twoInstancesOneBrokerOneDatabaseLoseNothingWhenOneDies() throws Exception {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("city", "city-secret");
        for (String m : MODULES) users.put(m, m + "-secret");
        LocalPostgres pg = LocalPostgres.start();
        try (Mosquitto broker = Mosquitto.start("milano", users)) {
            String db = pg.createDatabase();
            Path confA = instanceConf("city-a", broker, pg.url(db));
            Path confB = instanceConf("city-b", broker, pg.url(db));
            JarProcess a = startCity("city-a", confA);
            try (JarProcess b = startCity("city-b", confB)) {
                awaitSubscribed(a);
                awaitSubscribed(b);

                List<MqttClient> modules = new ArrayList<>();
                for (String m : MODULES) modules.add(module(broker, m));
                long t = System.currentTimeMillis();
                for (int i = 0; i < MODULES.size(); i++) publish(modules.get(i), "$EDC/milano/" + MODULES.get(i)
                        + "/MQTT/BIRTH", birth(MODULES.get(i), 45.46 + i * 0.01, 9.19, t));

                // both instances answer the same lookups, whichever of them stored the BIRTHs
                String listA = a.await("three points on A", "/api/v1/locations?limit=500", WAIT, r -> total(r) == 3).body();
                String listB = b.await("three points on B", "/api/v1/locations?limit=500", WAIT, r -> total(r) == 3).body();
                assertEquals(JsonParser.parseString(listA), JsonParser.parseString(listB));

                // phase 1: both instances take a share of the stream
                stream(modules, 0);
                long appliedA = awaitApplied(a, n -> n > 0), appliedB = awaitApplied(b, n -> n > 0);
                assertTrue(appliedA > 0 && appliedB > 0, "the stream is split: A " + appliedA + ", B " + appliedB);

                // kill -9 of A, then phase 2: B keeps ingesting (what the broker routes to A waits in A's session)
                a.kill();
                long before = applied(b);
                stream(modules, 1);
                long after = awaitApplied(b, n -> n > before);
                assertTrue(after > before, "B keeps ingesting after A died");

                // A comes back under its client id and gets what the broker kept for it: nothing is lost
                a = startCity("city-a-again", confA);
                awaitSubscribed(a);
                int expected = 2 * PER_MODULE_AND_PHASE * MODULES.size();
                awaitRows(pg.url(db), expected);
                try (Connection c = DriverManager.getConnection(pg.url(db), LocalPostgres.USER, "");
                     Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT session_id) FROM charging_session")) {
                    rs.next();
                    assertEquals(expected, rs.getInt(1), "every session record stored");
                    assertEquals(expected, rs.getInt(2), "each one once");
                }
                for (MqttClient m : modules) {
                    m.disconnect();
                    m.close();
                }
                // the last status of every socket is the same on both
                JarProcess a2 = a;
                String last = b.await("statuses on B", "/api/v1/locations?limit=500", WAIT,
                        r -> r.body().contains("\"CHARGING\"")).body();
                // compared without the statuses' ages, which grow with the time each answer was given
                String same = a2.await("same answer on A", "/api/v1/locations?limit=500", WAIT,
                        r -> withoutAges(JsonParser.parseString(r.body())).equals(withoutAges(JsonParser.parseString(last))))
                        .body();
                assertEquals(withoutAges(JsonParser.parseString(last)), withoutAges(JsonParser.parseString(same)));
            } finally {
                a.close();
            }
        } finally {
            pg.stop();
        }
    }

    private static Path instanceConf(String clientId, Mosquitto broker, String jdbcUrl) throws Exception {
        Path conf = JarProcess.copyConf(Path.of(System.getProperty("msg.city.conf")));
        Files.delete(conf.resolve("org.microsmartgrid.city.broker.CityBroker.config")); // no embedded broker
        Files.writeString(conf.resolve("org.microsmartgrid.city.broker.external.ExternalBroker.config"), String.join("\n",
                "broker.url=\"" + broker.url() + "\"",
                "client.id=\"" + clientId + "\"",
                "username=\"city\"",
                "password=\"city-secret\"",
                "share.group=\"city\"",
                "reconnect.max.s=I\"2\"", ""), StandardCharsets.UTF_8);
        Files.writeString(conf.resolve("org.microsmartgrid.city.registry.store.RegistryStore.config"), String.join("\n",
                "jdbc.url=\"" + jdbcUrl + "\"",
                "jdbc.user=\"" + LocalPostgres.USER + "\"", ""), StandardCharsets.UTF_8);
        return conf;
    }

    private static JarProcess startCity(String name, Path conf) throws Exception {
        JarProcess p = JarProcess.start(name, Path.of(System.getProperty("msg.city.jar")), List.of("-Xmx192m"), conf,
                JarProcess.freePort());
        p.await(name + "'s status page", "/city/status", WAIT, r -> r.statusCode() == 200);
        return p;
    }

    private static void awaitSubscribed(JarProcess city) throws Exception {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            if (Files.exists(city.log) && Files.readString(city.log, StandardCharsets.UTF_8).contains("subscribed to $share/city/"))
                return;
            Thread.sleep(100);
        }
        throw new AssertionError("no subscription\n" + city.logTail());
    }

    private static MqttClient module(Mosquitto broker, String id) throws Exception {
        MqttClient c = new MqttClient(broker.url(), id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(id);
        o.setPassword((id + "-secret").toCharArray());
        o.setWill("$EDC/milano/" + id + "/MQTT/LWT", new byte[0], 1, false);
        o.setMaxInflight(1000);
        c.setTimeToWait(10_000);
        c.connect(o);
        return c;
    }

    /** One phase: each module sends its session records (each a new session) and its socket's status. */
    private static void stream(List<MqttClient> modules, int phase) throws Exception {
        for (int n = 0; n < PER_MODULE_AND_PHASE; n++) {
            for (int i = 0; i < modules.size(); i++) {
                String id = MODULES.get(i);
                long now = System.currentTimeMillis();
                String session = id + "-p" + phase + "-" + n;
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("msg.id", "session-" + session);
                s.put("session_id", session);
                s.put("socket", 1);
                s.put("mode", "NOW");
                s.put("state", "OPEN");
                s.put("started", now);
                s.put("started_by", "plug");
                publish(modules.get(i), "milano/" + id + "/msg/sessions", KuraPayloadCodec.encode(KuraMessage.of(now, s), true));
                Map<String, Object> st = new LinkedHashMap<>();
                st.put("msg.id", "status-" + session);
                st.put("socket", 1);
                st.put("status", phase == 1 && n == PER_MODULE_AND_PHASE - 1 ? "CHARGING" : "AVAILABLE");
                st.put("power_w", 0.0);
                publish(modules.get(i), "milano/" + id + "/msg/sockets/1", KuraPayloadCodec.encode(KuraMessage.of(now, st), true));
            }
        }
    }

    private static void publish(MqttClient c, String topic, byte[] payload) throws Exception {
        c.publish(topic, payload, 1, false);
    }

    private static byte[] birth(String id, double lat, double lon, long at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("display_name", "Punto " + id);
        m.put("extended_properties", "{\"properties\":{\"MicroSmartGrid\":{\"sockets\":\"2\"}}}");
        return KuraPayloadCodec.encode(new KuraMessage(at, new KuraMessage.Position(lat, lon, null), m, null), false);
    }

    /**
     * How many points the answer lists, when its count and its items agree (-1 otherwise): the count and the page are
     * two reads, so an answer given while the other instance stores a BIRTH can count a point it does not list yet.
     */
    private static int total(HttpResponse<String> r) {
        if (r.statusCode() != 200) return -1;
        var answer = JsonParser.parseString(r.body()).getAsJsonObject();
        int total = answer.get("total").getAsInt();
        return total == answer.getAsJsonArray("items").size() ? total : -1;
    }

    private static long applied(JarProcess city) throws Exception {
        HttpResponse<String> r = city.get("/city/status");
        return JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("ingest").get("applied").getAsLong();
    }

    private static long awaitApplied(JarProcess city, java.util.function.LongPredicate condition) throws Exception {
        HttpResponse<String> r = city.await("applied messages", "/city/status", WAIT, resp -> resp.statusCode() == 200
                && condition.test(JsonParser.parseString(resp.body()).getAsJsonObject().getAsJsonObject("ingest")
                        .get("applied").getAsLong()));
        return JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("ingest").get("applied").getAsLong();
    }

    private static void awaitRows(String url, int expected) throws Exception {
        Instant end = Instant.now().plus(WAIT);
        int rows = -1;
        while (Instant.now().isBefore(end)) {
            try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, "");
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM charging_session")) {
                rs.next();
                rows = rs.getInt(1);
            }
            if (rows >= expected) return;
            Thread.sleep(200);
        }
        throw new AssertionError("session records stored: " + rows + " of " + expected);
    }

    /** The answer without {@code status_age_s}: how old a status is depends on when it is asked. */
    private static com.google.gson.JsonElement withoutAges(com.google.gson.JsonElement e) {
        if (e.isJsonObject()) {
            com.google.gson.JsonObject copy = new com.google.gson.JsonObject();
            for (var entry : e.getAsJsonObject().entrySet())
                if (!entry.getKey().equals("status_age_s")) copy.add(entry.getKey(), withoutAges(entry.getValue()));
            return copy;
        }
        if (e.isJsonArray()) {
            com.google.gson.JsonArray copy = new com.google.gson.JsonArray();
            for (var item : e.getAsJsonArray()) copy.add(withoutAges(item));
            return copy;
        }
        return e;
    }
}
