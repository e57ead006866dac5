package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.people.Client.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.broker.charging.ModuleStarts;
import org.microsmartgrid.city.broker.charging.StartAnswer;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

import com.google.gson.JsonObject;

/**
 * A driver starts charging from the map: the city asks the point's module (through the broker's start channel) and
 * pairs the module's session id with the driver; when the module reports that session CLOSED through the ingest, its
 * solar energy earns the driver points, once, within a daily cap; never for a session the city did not start for them.
 * Bad requests, a socket the point lacks, a module offline or refusing are told and remember nothing.
 */
class SolarStartTest {

    static TestCity city;
    static String point;
    static final String MODULE = "msg-solar";

    /** The module's side of CITY-V1 EXEC start as the broker delivers it: a fresh session id, or what {@link #next} says. */
    static final class Modules implements ModuleStarts {
        final List<String> asked = new CopyOnWriteArrayList<>();
        volatile StartAnswer.Status next = StartAnswer.Status.STARTED;
        /** A module answering a session id it gave before (buggy or hostile); null: a fresh one. */
        volatile String sameId;

        @Override
        public CompletionStage<StartAnswer> start(String account, String clientId, int socket, String mode) {
            asked.add(account + "/" + clientId + " " + socket + " " + mode);
            return CompletableFuture.completedFuture(next == StartAnswer.Status.STARTED
                    ? new StartAnswer(StartAnswer.Status.STARTED, sameId != null ? sameId : UUID.randomUUID().toString(), null)
                    : new StartAnswer(next, null, "socket busy"));
        }
    }

    static final Modules modules = new Modules();

    @BeforeAll
    static void start() throws Exception {
        city = new TestCity();
        city.moduleStarts = modules;
        city.ingest.addObserver(city.people.solarStarts()::observed);
        birth(MODULE);
        birth("msg-other");
        point = city.registry.locationOfModule("milano", MODULE).orElseThrow().id();
    }

    @AfterAll
    static void stop() throws Exception {
        city.close();
    }

    static void birth(String clientId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("display_name", "Punto " + clientId);
        m.put("extended_properties", "{\"version\":\"1.0\",\"properties\":{\"MicroSmartGrid\":{\"sockets\":\"2\"}}}");
        city.ingest.handleNow("$EDC/milano/" + clientId + "/MQTT/BIRTH", KuraPayloadCodec.encode(new KuraMessage(
                System.currentTimeMillis() - 60_000, new KuraMessage.Position(45.46, 9.19, null), m, null), false));
    }

    /** The module's session record, CLOSED, on msg/sessions as the broker hands it to the ingest. */
    static void closed(String clientId, String sessionId, double solarWh) {
        long now = System.currentTimeMillis();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("msg.id", UUID.randomUUID().toString()); // a resend after a restart has a new msg.id: the city must still pay once
        s.put("session_id", sessionId);
        s.put("socket", 1);
        s.put("mode", "SOLAR_ONLY");
        s.put("state", "CLOSED");
        s.put("started", now - 3_600_000);
        s.put("ended", now - 1000);
        s.put("energy_wh", solarWh + 500);
        s.put("solar_wh", solarWh);
        s.put("started_by", "remote");
        city.ingest.handleNow("milano/" + clientId + "/msg/sessions", KuraPayloadCodec.encode(KuraMessage.of(now - 1000, s), true));
    }

    static String started(Client driver, int socket, String mode) throws Exception {
        var r = driver.post("/api/v1/points/" + point + "/sockets/" + socket + "/start", json("mode", mode));
        assertEquals(201, r.status(), r.text());
        return r.json().get("session_id").getAsString();
    }

    static int balance(Client c) throws Exception {
        return c.get("/api/v1/account/points").json().get("balance").getAsInt();
    }

    @Test
    void theSolarEnergyOfTheDriversSessionEarnsPointsOnceWhenItCloses() throws Exception {
        Client driver = city.person("sole@example.org");
        String session = started(driver, 1, "SOLAR_ONLY");
        assertTrue(modules.asked.contains("milano/" + MODULE + " 1 SOLAR_ONLY"), modules.asked.toString());
        assertEquals(0, balance(driver), "nothing before the session closes");

        closed(MODULE, session, 1234.0);
        assertEquals(12, balance(driver), "1 point per 100 Wh of solar energy");
        closed(MODULE, session, 1234.0);
        assertEquals(12, balance(driver), "once per session, even if the module sends the record again");

        JsonObject mine = driver.get("/api/v1/account/data").json();
        JsonObject start = mine.getAsJsonArray("charging_started").get(0).getAsJsonObject();
        assertEquals(session, start.get("session_id").getAsString());
        assertEquals(12, start.get("points").getAsInt());
        assertEquals(1234.0, start.get("solar_wh").getAsDouble());
    }

    @Test
    void nobodyEarnsForASessionTheCityDidNotStartForThem() throws Exception {
        Client driver = city.person("altrui@example.org");
        Client other = city.person("altro@example.org");
        String session = started(driver, 2, "NOW");
        closed(MODULE, UUID.randomUUID().toString(), 5000.0); // someone's session at the socket, not through the city
        closed("msg-other", session, 5000.0); // the same id from another module
        assertEquals(0, balance(driver));
        assertEquals(0, balance(other));
        closed(MODULE, session, 0.0); // a night session: closed, no solar, no points, and it stays paid
        closed(MODULE, session, 5000.0);
        assertEquals(0, balance(driver));
        assertEquals(0, balance(other));
    }

    @Test
    void aModuleCannotHandSomeonesSessionToAnotherDriver() throws Exception {
        Client first = city.person("primo@example.org");
        Client second = city.person("secondo@example.org");
        String session = started(first, 1, "NOW");
        modules.sameId = session;
        try {
            var r = second.post("/api/v1/points/" + point + "/sockets/1/start", json("mode", "NOW"));
            assertEquals(502, r.status(), r.text());
        } finally {
            modules.sameId = null;
        }
        closed(MODULE, session, 800.0);
        assertEquals(8, balance(first));
        assertEquals(0, balance(second));
    }

    @Test
    void pointsForSolarChargingHaveADailyCap() throws Exception {
        Client driver = city.person("tetto@example.org");
        closed(MODULE, started(driver, 1, "SOLAR_ONLY"), 4000.0);
        closed(MODULE, started(driver, 1, "SOLAR_ONLY"), 4000.0);
        assertEquals(50, balance(driver), "40, then 10 up to the daily cap");
    }

    @Test
    void badRequestsUnknownSocketsAndPointsChangeNothing() throws Exception {
        Client driver = city.person("errori@example.org");
        int asked = modules.asked.size();
        assertEquals(400, driver.post("/api/v1/points/" + point + "/sockets/1/start", json("mode", "FAST")).status());
        assertEquals(400, driver.post("/api/v1/points/" + point + "/sockets/1/start", json("mode", "SOLAR_AND_CHEAP")).status());
        assertEquals(400, driver.post("/api/v1/points/" + point + "/sockets/uno/start", json("mode", "NOW")).status());
        assertEquals(400, driver.post("/api/v1/points/" + point + "/sockets/1/start", json("modo", "NOW")).status());
        assertEquals(404, driver.post("/api/v1/points/" + point + "/sockets/3/start", json("mode", "NOW")).status());
        assertEquals(404, driver.post("/api/v1/points/nessuno/sockets/1/start", json("mode", "NOW")).status());
        assertEquals(401, city.client().post("/api/v1/points/" + point + "/sockets/1/start", json("mode", "NOW")).status());
        assertEquals(asked, modules.asked.size(), "the module was never asked");
        assertEquals(0, driver.get("/api/v1/account/data").json().getAsJsonArray("charging_started").size());
    }

    @Test
    void aModuleThatRefusesOrCannotBeReachedIsToldAndNothingIsKept() throws Exception {
        Client driver = city.person("rifiuto@example.org");
        modules.next = StartAnswer.Status.REFUSED;
        try {
            var busy = driver.post("/api/v1/points/" + point + "/sockets/1/start", json("mode", "NOW"));
            assertEquals(409, busy.status(), busy.text());
            modules.next = StartAnswer.Status.UNREACHABLE;
            assertEquals(504, driver.post("/api/v1/points/" + point + "/sockets/1/start", json("mode", "NOW")).status());
        } finally {
            modules.next = StartAnswer.Status.STARTED;
        }
        city.moduleStarts = null; // an external broker: no channel to the modules
        try {
            var none = driver.post("/api/v1/points/" + point + "/sockets/1/start", json("mode", "NOW"));
            assertEquals(504, none.status(), none.text());
            assertTrue(none.text().contains("non raggiungibile"), none.text());
        } finally {
            city.moduleStarts = modules;
        }
        assertEquals(0, driver.get("/api/v1/account/data").json().getAsJsonArray("charging_started").size());
    }

    @Test
    void anOfflineModuleIs504AndTheModuleIsNotAsked() throws Exception {
        birth("msg-gone");
        city.ingest.handleNow("$EDC/milano/msg-gone/MQTT/DC", KuraPayloadCodec.encode(
                KuraMessage.of(System.currentTimeMillis() - 1000, Map.of()), false));
        String gone = city.registry.locationOfModule("milano", "msg-gone").orElseThrow().id();
        assertFalse(city.registry.location(gone).orElseThrow().module().online());
        int asked = modules.asked.size();
        Client driver = city.person("spento@example.org");
        assertEquals(504, driver.post("/api/v1/points/" + gone + "/sockets/1/start", json("mode", "NOW")).status());
        assertEquals(asked, modules.asked.size());
    }

    @Test
    void atMostFiveStartsAnHour() throws Exception {
        Client driver = city.person("fretta@example.org");
        for (int i = 0; i < 5; i++) started(driver, 2, "NOW");
        var r = driver.post("/api/v1/points/" + point + "/sockets/2/start", json("mode", "NOW"));
        assertEquals(429, r.status(), r.text());
    }

    @Test
    void deletingTheAccountDeletesWhichSessionsWereTheirs() throws Exception {
        Client driver = city.person("via@example.org");
        started(driver, 1, "NOW");
        String id = driver.accountId;
        assertEquals(1, city.db.count("SELECT COUNT(*) FROM solar_start WHERE account_id = ?", id));
        assertEquals(204, driver.delete("/api/v1/account", json("password", "correct horse battery")).status());
        assertEquals(0, city.db.count("SELECT COUNT(*) FROM solar_start WHERE account_id = ?", id));
    }
}
