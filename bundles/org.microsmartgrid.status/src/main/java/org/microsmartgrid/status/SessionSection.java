package org.microsmartgrid.status;

import java.util.Comparator;
import java.util.List;

import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * The "sessions" section: the charging sessions open on each socket. Null when no sessions service runs. A session
 * shows how it was started ("plug" or "token"), never which token: /status is public on the building's network.
 */
public final class SessionSection {
    private SessionSection() {
    }

    /** @param sessions the sessions service, or null; @param sockets the socket numbers to look at */
    public static JsonElement toJson(ChargingSessions sessions, List<Integer> sockets) {
        if (sessions == null) return JsonNull.INSTANCE;
        JsonArray open = new JsonArray();
        try {
            sockets.stream().distinct().sorted(Comparator.naturalOrder())
                    .forEach(socket -> sessions.active(socket).ifPresent(s -> open.add(toJson(s))));
        } catch (RuntimeException e) {
            return JsonNull.INSTANCE; // the service's bundle is stopping while we read it
        }
        return open;
    }

    /** The open sessions of the site view, by socket. */
    public static JsonArray fromOpen(java.util.Collection<ChargingSession> open) {
        JsonArray array = new JsonArray();
        open.stream().sorted(Comparator.comparingInt(ChargingSession::socket)).forEach(s -> array.add(toJson(s)));
        return array;
    }

    static JsonObject toJson(ChargingSession s) {
        JsonObject json = new JsonObject();
        json.addProperty("id", s.id().toString());
        json.addProperty("socket", s.socket());
        json.addProperty("mode", s.mode().name());
        json.add("targetWh", s.targetWh() > 0 ? Json.number(s.targetWh()) : JsonNull.INSTANCE);
        json.add("deadline", s.deadline() == null ? JsonNull.INSTANCE : Json.time(s.deadline()));
        json.add("started", Json.time(s.started()));
        json.addProperty("energyWh", s.energyWh());
        json.addProperty("solarWh", s.solarWh());
        json.addProperty("costEur", s.costEur());
        json.addProperty("startedBy", s.startedBy().startsWith("token:") ? "token" : s.startedBy());
        return json;
    }
}
