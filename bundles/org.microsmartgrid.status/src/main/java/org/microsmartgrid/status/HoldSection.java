package org.microsmartgrid.status;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.microsmartgrid.api.control.SocketHold;
import org.microsmartgrid.api.control.SocketHolds;

/**
 * The "holds" section: the installers' manual holds in force (socket, ON or OFF, who, since, until), by socket.
 * Empty when none is in force or no balancer runs (no service, or its bundle stopping while we ask).
 */
public final class HoldSection {
    private HoldSection() {
    }

    /** @param holds the balancer's holds service, or null when none is registered */
    public static JsonArray toJson(SocketHolds holds) {
        JsonArray array = new JsonArray();
        if (holds == null) return array;
        try {
            for (SocketHold h : holds.holds()) {
                JsonObject json = new JsonObject();
                json.addProperty("socket", h.socket());
                json.addProperty("on", h.on());
                json.addProperty("actor", h.actor());
                json.add("since", Json.time(h.since()));
                json.add("until", Json.time(h.until()));
                array.add(json);
            }
        } catch (RuntimeException e) {
            return new JsonArray(); // the balancer stopping while we read it: no holds any more
        }
        return array;
    }
}
