package org.microsmartgrid.host.web;

import org.microsmartgrid.api.site.SiteReader;
import org.microsmartgrid.api.site.SiteView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.PowerCap;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The live energy flow as the page shows it: grid against the limit, PV, battery and its charge, and each socket
 * with its power, the loop's decision and reason, and its session. A session is shown by its short id, mode and
 * figures: never who started it (a token's hash is a driver's trace). Powers that are not known are null.
 */
public final class FlowView {

    private FlowView() {
    }

    /** @param in the site as every reader shows it (the loop's view of its last cycle, see {@link SiteReader}) */
    public static JsonObject of(SiteView in) {
        JsonObject o = new JsonObject();
        o.addProperty("at", in.at().toString());
        Double gridW = null;
        Double pvW = null;
        Instant gridAt = null;
        Instant pvAt = null;
        Double batteryW = null;
        Double soc = null;
        Map<Integer, Double> socketW = new TreeMap<>();
        for (MeterReading r : in.meters()) {
            Optional<Double> p = r.good(Channel.ACTIVE_POWER);
            if (r.role() == null) continue; // a meter whose service went away while it was read
            switch (r.role()) {
                case GRID -> {
                    gridW = sum(gridW, p);
                    gridAt = latest(gridAt, p.isPresent() ? r.values().get(Channel.ACTIVE_POWER).at() : null);
                }
                case PV -> {
                    pvW = sum(pvW, p);
                    pvAt = latest(pvAt, p.isPresent() ? r.values().get(Channel.ACTIVE_POWER).at() : null);
                }
                case BATTERY -> {
                    batteryW = sum(batteryW, p);
                    soc = r.good(Channel.STATE_OF_CHARGE).orElse(soc);
                }
                case SOCKET -> socketW.put(r.socket(), p.orElse(null));
                default -> {
                }
            }
        }
        boolean hasPv = in.meters().stream().anyMatch(r -> r.role() == MeterRole.PV);
        boolean hasBattery = in.meters().stream().anyMatch(r -> r.role() == MeterRole.BATTERY);
        o.addProperty("gridW", gridW);
        // when the meter measured it: the page can tell an old value, and a test can match it with /status
        o.addProperty("gridAt", gridAt == null ? null : gridAt.toString());
        o.addProperty("pvAt", pvAt == null ? null : pvAt.toString());
        o.addProperty("pvW", hasPv ? pvW : null);
        o.addProperty("hasPv", hasPv);
        o.addProperty("hasBattery", hasBattery);
        o.addProperty("batteryW", batteryW);
        o.addProperty("batterySoc", soc);
        // the building's own use: what comes in (grid, PV, battery) minus what the sockets take
        double socketsW = socketW.values().stream().mapToDouble(w -> w == null ? 0 : w).sum();
        Double buildingW = gridW == null ? null
                : gridW + (pvW == null ? 0 : pvW) + (batteryW == null ? 0 : batteryW) - socketsW;
        o.addProperty("buildingW", buildingW == null ? null : Math.max(0, buildingW));
        o.addProperty("socketsW", socketsW);
        in.decision().ifPresentOrElse(d -> {
            o.addProperty("limitW", d.limitW());
            o.addProperty("band", d.band().name());
            o.addProperty("safeState", d.safeState());
            o.addProperty("safeStateWhy", d.safeStateWhy());
        }, () -> o.addProperty("loop", "absent"));
        in.cap().ifPresent(c -> {
            JsonObject cap = new JsonObject();
            cap.addProperty("limitW", c.limitW());
            cap.addProperty("until", c.until().toString());
            cap.addProperty("by", c.actor());
            o.add("cap", cap);
        });

        Map<Integer, SocketAllocation> alloc = new TreeMap<>();
        in.decision().ifPresent(d -> d.sockets().forEach(a -> alloc.put(a.socket(), a)));
        TreeMap<Integer, Boolean> all = new TreeMap<>();
        socketW.keySet().forEach(n -> all.put(n, true));
        alloc.keySet().forEach(n -> all.put(n, true));
        JsonArray sockets = new JsonArray();
        for (int n : all.keySet()) {
            JsonObject s = new JsonObject();
            s.addProperty("socket", n);
            s.addProperty("powerW", socketW.get(n));
            SocketAllocation a = alloc.get(n);
            if (a != null) {
                s.addProperty("on", a.on());
                s.addProperty("reason", a.reason().name());
                s.addProperty("text", a.text());
                s.addProperty("class", a.priority().name());
                s.addProperty("mode", a.mode().name());
                s.addProperty("source", a.source().name());
            }
            s.addProperty("disabled", in.disabled().containsKey(n));
            ChargingSession cs = in.sessions().get(n);
            if (cs != null) s.add("session", session(cs));
            sockets.add(s);
        }
        o.add("sockets", sockets);
        return o;
    }

    static JsonObject session(ChargingSession cs) {
        JsonObject j = new JsonObject();
        j.addProperty("id", cs.id().toString().substring(0, 8));
        j.addProperty("socket", cs.socket());
        j.addProperty("mode", cs.mode().name());
        j.addProperty("started", cs.started().toString());
        if (cs.ended() != null) j.addProperty("ended", cs.ended().toString());
        j.addProperty("energyWh", cs.energyWh());
        j.addProperty("solarWh", cs.solarWh());
        j.addProperty("solarShare", cs.energyWh() > 0 ? cs.solarWh() / cs.energyWh() : 0);
        j.addProperty("costEur", cs.costEur());
        j.addProperty("open", cs.open());
        return j;
    }

    private static Instant latest(Instant a, Instant b) {
        if (b == null) return a;
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Double sum(Double a, Optional<Double> b) {
        if (b.isEmpty()) return a;
        return a == null ? b.get() : a + b.get();
    }
}
