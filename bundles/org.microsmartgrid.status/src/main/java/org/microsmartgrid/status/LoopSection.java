package org.microsmartgrid.status;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.microsmartgrid.api.control.BatteryHour;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.SocketAllocation;

import java.util.Comparator;

/**
 * The "loop" section: the control loop's last decision — the power balance it saw and each socket's allocation with
 * its reason. Null while no loop runs: no loop service (the balancer has no configuration yet, as during
 * commissioning), no cycle yet, or its bundle stopping while we ask.
 */
public final class LoopSection {
    private LoopSection() {
    }

    /** @param status the loop service, or null when none is registered */
    public static JsonElement toJson(ControlLoopStatus status) {
        if (status == null) return JsonNull.INSTANCE;
        LoopDecision decision;
        try {
            decision = status.lastDecision().orElse(null);
        } catch (RuntimeException e) {
            // the balancer's bundle may be stopping while we read it: no loop to show, not a broken page
            return JsonNull.INSTANCE;
        }
        return decision == null ? JsonNull.INSTANCE : toJson(decision);
    }

    public static JsonObject toJson(LoopDecision d) {
        JsonObject json = new JsonObject();
        json.add("at", Json.time(d.at()));
        json.addProperty("cycle", d.cycle());
        json.addProperty("safeState", d.safeState());
        json.add("safeStateWhy", Json.string(d.safeStateWhy()));
        json.add("gridW", Json.number(d.gridW()));
        json.addProperty("limitW", d.limitW());
        json.add("headroomW", Json.number(d.headroomW()));
        json.addProperty("surplusW", d.surplusW());
        json.add("spareW", Json.number(d.spareW()));
        json.add("predictedImportW", Json.number(d.predictedImportW()));
        json.addProperty("batterySetpointW", d.batterySetpointW());
        if (d.batteryOutcome() != null) json.addProperty("batteryOutcome", d.batteryOutcome().name());
        if (d.batteryDetail() != null) json.addProperty("batteryDetail", d.batteryDetail());
        json.add("band", Json.string(d.band()));
        json.addProperty("cheapNow", d.cheapNow());
        json.add("trade", Json.string(d.trade()));
        json.add("priceEurMWh", Json.number(d.priceEurMWh()));
        json.add("priceSource", Json.string(d.priceSource()));
        json.add("priceProblem", Json.string(d.priceProblem()));
        JsonArray hours = new JsonArray();
        d.batteryHours().forEach(h -> hours.add(toJson(h)));
        json.add("batteryHours", hours);
        json.addProperty("shed", d.shed());
        JsonArray sockets = new JsonArray();
        d.sockets().stream().sorted(Comparator.comparingInt(SocketAllocation::socket))
                .forEach(s -> sockets.add(toJson(s)));
        json.add("sockets", sockets);
        return json;
    }

    /** One hour of the battery: energy and money (docs/battery.md "Money"). */
    static JsonObject toJson(BatteryHour h) {
        JsonObject json = new JsonObject();
        json.add("hour", Json.time(h.hourStart()));
        json.add("priceEurMWh", Json.number(h.priceEurMWh()));
        json.add("priceSource", Json.string(h.priceSource()));
        json.add("trade", Json.string(h.trade()));
        json.addProperty("dischargedWh", h.dischargedWh());
        json.addProperty("chargedWh", h.chargedWh());
        json.addProperty("exportedWh", h.exportedWh());
        json.add("valueEur", Json.number(h.valueEur()));
        return json;
    }

    static JsonObject toJson(SocketAllocation s) {
        JsonObject json = new JsonObject();
        json.addProperty("socket", s.socket());
        json.addProperty("on", s.on());
        json.add("reason", Json.string(s.reason()));
        json.add("text", Json.string(s.text()));
        json.addProperty("safety", s.safety());
        json.add("priority", Json.string(s.priority()));
        json.add("mode", Json.string(s.mode()));
        json.add("source", Json.string(s.source()));
        json.addProperty("drawW", s.drawW());
        json.add("relayOutcome", Json.string(s.relayOutcome()));
        json.add("relayDetail", Json.string(s.relayDetail()));
        return json;
    }
}
