package org.microsmartgrid.status;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.microsmartgrid.api.relay.RelayState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The "relays" section: every relay's {@link RelayState}, field by field. */
public final class RelaySection {
    private RelaySection() {
    }

    /** States already read (the site view's), ordered by socket then id. */
    public static JsonArray fromStates(List<RelayState> states) {
        List<JsonObject> items = new ArrayList<>();
        for (RelayState st : states) items.add(toJson(st));
        items.sort(Comparator.<JsonObject>comparingInt(o -> o.get("socket").getAsInt())
                .thenComparing(o -> o.get("id").isJsonNull() ? "" : o.get("id").getAsString()));
        JsonArray array = new JsonArray();
        items.forEach(array::add);
        return array;
    }

    public static JsonObject toJson(RelayState state) {
        JsonObject json = new JsonObject();
        json.add("id", Json.string(state.relayId()));
        json.addProperty("socket", state.socket());
        json.addProperty("wantedOn", state.wantedOn());
        json.addProperty("outputOn", state.outputOn());
        json.add("feedbackOn", Json.bool(state.feedbackOn())); // null: no auxiliary contact wired
        json.addProperty("closed", state.closed());
        json.add("fault", Json.string(state.fault()));
        json.add("since", Json.time(state.since()));
        json.add("source", Json.string(state.source()));
        json.add("leaseUntil", Json.time(state.leaseUntil()));
        return json;
    }
}
