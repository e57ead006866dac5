package org.microsmartgrid.console.relays;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayState;

import java.time.Instant;

/** The JSON answers of the relay page, for scripts (curl) rather than browsers. Times are ISO-8601 UTC. */
final class RelaysJson {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private RelaysJson() {
    }

    static JsonObject result(RelayAction action, RelayCommand command, RelayResult result) {
        JsonObject json = new JsonObject();
        json.addProperty("relay", action.relayId());
        json.addProperty("action", action.on() ? "on" : "off");
        json.add("minutes", action.on() ? new JsonPrimitive(action.minutes()) : JsonNull.INSTANCE);
        json.addProperty("source", command.source());
        json.addProperty("outcome", result.outcome().name());
        json.addProperty("reason", result.reason());
        json.add("notBefore", time(result.notBefore()));
        json.add("state", result.state() == null ? JsonNull.INSTANCE : state(result.state()));
        return json;
    }

    static JsonObject overview(Snapshot snapshot, Instant now) {
        JsonArray relays = new JsonArray();
        snapshot.relays().forEach(r -> relays.add(state(r)));
        JsonArray meters = new JsonArray();
        for (MeterReading m : snapshot.meters()) {
            JsonObject json = new JsonObject();
            json.addProperty("id", m.meterId());
            json.addProperty("role", m.role() == null ? null : m.role().name());
            json.addProperty("socket", m.socket());
            json.addProperty("quality", m.quality() == null ? null : m.quality().name());
            Sample power = m.values().get(Channel.ACTIVE_POWER);
            json.add("activePowerW", power == null ? JsonNull.INSTANCE : new JsonPrimitive(power.value()));
            json.add("at", time(power == null ? null : power.at()));
            json.addProperty("error", m.error());
            meters.add(json);
        }
        JsonObject json = new JsonObject();
        json.add("generatedAt", time(now));
        json.add("relays", relays);
        json.add("meters", meters);
        return json;
    }

    static JsonObject state(RelayState s) {
        JsonObject json = new JsonObject();
        json.addProperty("id", s.relayId());
        json.addProperty("socket", s.socket());
        json.addProperty("wantedOn", s.wantedOn());
        json.addProperty("outputOn", s.outputOn());
        json.addProperty("feedbackOn", s.feedbackOn());
        json.addProperty("closed", s.closed());
        json.addProperty("fault", s.fault());
        json.add("since", time(s.since()));
        json.addProperty("source", s.source());
        json.add("leaseUntil", time(s.leaseUntil()));
        return json;
    }

    static JsonObject error(int status, String message) {
        JsonObject json = new JsonObject();
        json.addProperty("status", status);
        json.addProperty("error", message);
        return json;
    }

    private static com.google.gson.JsonElement time(Instant instant) {
        return instant == null ? JsonNull.INSTANCE : new JsonPrimitive(instant.toString());
    }
}
