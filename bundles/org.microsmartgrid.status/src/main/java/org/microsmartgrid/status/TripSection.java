package org.microsmartgrid.status;

import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.charging.FleetTrip;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * The "trips" section: the shared fleet's latest trips (docs/reservations.md), newest departure first. Null when no
 * sessions service runs; empty when no fleet vehicle is configured. A trip names the vehicle, never who rode it.
 */
public final class TripSection {
    /** Enough for a building's few shared vehicles; the cloud keeps the history. */
    static final int LIMIT = 10;

    private TripSection() {
    }

    public static JsonElement toJson(ChargingSessions sessions) {
        if (sessions == null) return JsonNull.INSTANCE;
        JsonArray trips = new JsonArray();
        try {
            for (FleetTrip t : sessions.trips(LIMIT)) trips.add(toJson(t));
        } catch (RuntimeException e) {
            return JsonNull.INSTANCE; // the service's bundle is stopping, or its database cannot be read
        }
        return trips;
    }

    static JsonObject toJson(FleetTrip t) {
        JsonObject json = new JsonObject();
        json.addProperty("id", t.id().toString());
        json.addProperty("vehicle", t.vehicle());
        json.addProperty("socket", t.socket());
        json.addProperty("state", t.out() ? "OUT" : "RETURNED");
        json.add("left", Json.time(t.left()));
        json.add("returned", t.returned() == null ? JsonNull.INSTANCE : Json.time(t.returned()));
        json.add("durationS", t.duration().<JsonElement>map(d -> Json.number((double) d.toSeconds())).orElse(JsonNull.INSTANCE));
        json.addProperty("chargedWh", t.chargedWh());
        json.addProperty("charged", t.charged());
        return json;
    }
}
