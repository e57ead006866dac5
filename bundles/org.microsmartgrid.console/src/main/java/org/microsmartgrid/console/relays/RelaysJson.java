package org.microsmartgrid.console.relays;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.control.SocketHold;
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

    /** The answer to a hold or a release: what the balancer's next decision made of it. */
    static JsonObject held(RelayAction action, int socket, HeldSwitch.Outcome outcome) {
        JsonObject json = new JsonObject();
        json.addProperty("relay", action.relayId());
        json.addProperty("socket", socket);
        json.addProperty("action", action.release() ? "release" : action.on() ? "on" : "off");
        json.add("minutes", action.release() ? JsonNull.INSTANCE : new JsonPrimitive(action.minutes()));
        json.add("hold", outcome.hold() == null ? JsonNull.INSTANCE : hold(outcome.hold()));
        if (action.release()) json.addProperty("released", outcome.released());
        json.addProperty("inForce", outcome.inForce());
        json.add("decision", outcome.decision() == null ? JsonNull.INSTANCE : allocation(outcome.decision()));
        return json;
    }

    static JsonObject hold(SocketHold h) {
        JsonObject json = new JsonObject();
        json.addProperty("socket", h.socket());
        json.addProperty("on", h.on());
        json.addProperty("actor", h.actor());
        json.add("since", time(h.since()));
        json.add("until", time(h.until()));
        return json;
    }

    static JsonObject allocation(SocketAllocation a) {
        JsonObject json = new JsonObject();
        json.addProperty("on", a.on());
        json.addProperty("reason", a.reason().name());
        json.addProperty("text", a.text());
        json.addProperty("safety", a.safety());
        json.addProperty("relayOutcome", a.relayOutcome() == null ? null : a.relayOutcome().name());
        json.addProperty("relayDetail", a.relayDetail());
        return json;
    }

    static JsonObject overview(Snapshot snapshot, Instant now) {
        return overview(snapshot, HoldView.NONE, now);
    }

    static JsonObject overview(Snapshot snapshot, HoldView holds, Instant now) {
        JsonArray relays = new JsonArray();
        for (RelayState r : snapshot.relays()) {
            JsonObject json = state(r);
            SocketHold h = holds.holds().get(r.socket());
            json.add("hold", h == null ? JsonNull.INSTANCE : hold(h));
            SocketAllocation a = holds.decisions().get(r.socket());
            json.add("balancer", a == null ? JsonNull.INSTANCE : allocation(a));
            relays.add(json);
        }
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
        json.addProperty("holdsAvailable", holds.available());
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
