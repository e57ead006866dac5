package org.microsmartgrid.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.charging.FleetTrip;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

class SessionSectionTest {

    private static final Instant T = Instant.parse("2026-06-10T10:00:00Z");

    private static ChargingSessions serving(Map<Integer, ChargingSession> open) {
        return new ChargingSessions() {
            @Override public Optional<ChargingSession> active(int socket) { return Optional.ofNullable(open.get(socket)); }
            @Override public ChargingSession start(int socket, ChargingMode mode, double targetWh, Instant deadline, String token) { throw new AssertionError("read-only"); }
            @Override public ChargingSession startRemote(int socket, ChargingMode mode, double targetWh, Instant deadline, String actor) { throw new AssertionError("read-only"); }
            @Override public Optional<ChargingSession> stop(int socket, String reason) { throw new AssertionError("read-only"); }
            @Override public List<ChargingSession> recent(int limit) { return List.of(); }
        };
    }

    @Test
    void showsOpenSessionsBySocketWithoutTheDriversToken() {
        var byToken = new ChargingSession(UUID.randomUUID(), 3, ChargingMode.SOLAR_AND_CHEAP, 8000, T.plusSeconds(3600),
                T, null, 1234.5, 600, 0.31, null, "token:65d01b54");
        var byPlug = new ChargingSession(UUID.randomUUID(), 1, ChargingMode.NOW, 0, null, T, null, 10, 0, 0, null, "plug");
        JsonArray json = SessionSection.toJson(serving(Map.of(3, byToken, 1, byPlug)), List.of(3, 2, 1)).getAsJsonArray();

        assertEquals(2, json.size());
        JsonObject first = json.get(0).getAsJsonObject();
        assertEquals(1, first.get("socket").getAsInt(), "sorted by socket");
        assertEquals("plug", first.get("startedBy").getAsString());
        assertTrue(first.get("targetWh").isJsonNull());
        JsonObject second = json.get(1).getAsJsonObject();
        assertEquals("token", second.get("startedBy").getAsString(), "never the token itself");
        assertTrue(!json.toString().contains("65d01b54"), json.toString());
        assertEquals(1234.5, second.get("energyWh").getAsDouble());
        assertEquals("SOLAR_AND_CHEAP", second.get("mode").getAsString());
    }

    @Test
    void nullWithoutASessionsService() {
        assertTrue(SessionSection.toJson(null, List.of(1)).isJsonNull());
    }

    @Test
    void theFleetsTripsShowTheVehicleHowLongItWasOutAndWhatItChargedBack() {
        UUID out = UUID.randomUUID();
        UUID back = UUID.randomUUID();
        List<FleetTrip> trips = List.of(new FleetTrip(out, "bike-7", 2, T.plusSeconds(7200), null, null, 0, false),
                new FleetTrip(back, "bike-7", 2, T, T.plusSeconds(5400), UUID.randomUUID(), 812.5, true));
        ChargingSessions sessions = new ChargingSessions() {
            @Override public Optional<ChargingSession> active(int socket) { return Optional.empty(); }
            @Override public ChargingSession start(int socket, ChargingMode mode, double targetWh, Instant deadline, String token) { throw new AssertionError(); }
            @Override public ChargingSession startRemote(int socket, ChargingMode mode, double targetWh, Instant deadline, String actor) { throw new AssertionError(); }
            @Override public Optional<ChargingSession> stop(int socket, String reason) { throw new AssertionError(); }
            @Override public List<ChargingSession> recent(int limit) { return List.of(); }
            @Override public List<FleetTrip> trips(int limit) { return trips.subList(0, Math.min(limit, trips.size())); }
        };
        JsonArray json = TripSection.toJson(sessions).getAsJsonArray();
        assertEquals("OUT", json.get(0).getAsJsonObject().get("state").getAsString());
        assertTrue(json.get(0).getAsJsonObject().get("durationS").isJsonNull());
        JsonObject done = json.get(1).getAsJsonObject();
        assertEquals("RETURNED", done.get("state").getAsString());
        assertEquals(5400, done.get("durationS").getAsLong());
        assertEquals(812.5, done.get("chargedWh").getAsDouble());
        assertEquals("bike-7", done.get("vehicle").getAsString());
        assertTrue(TripSection.toJson((ChargingSessions) null).isJsonNull());
        assertEquals(0, TripSection.toJson(serving(Map.of())).getAsJsonArray().size(), "no fleet: no trips");
    }
}
