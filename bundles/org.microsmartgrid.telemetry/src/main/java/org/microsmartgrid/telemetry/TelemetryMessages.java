package org.microsmartgrid.telemetry;

import org.microsmartgrid.api.site.SiteView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.FleetTrip;
import org.microsmartgrid.api.control.BatteryHour;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.relay.RelayState;

/**
 * The metrics of each data message (docs/cloud-telemetry.md is the schema). Pure functions of a {@link SiteView}:
 * a value that is not known now (meter not GOOD) is left out rather than sent stale.
 */
public final class TelemetryMessages {

    private TelemetryMessages() {
    }

    /** Resource {@code site}: the building's power flows and the loop's limits. */
    public static Map<String, Object> site(SiteView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        Optional<Double> grid = sum(v, MeterRole.GRID, Channel.ACTIVE_POWER);
        Optional<Double> pv = sum(v, MeterRole.PV, Channel.ACTIVE_POWER);
        Optional<Double> battery = sum(v, MeterRole.BATTERY, Channel.ACTIVE_POWER);
        double sockets = v.meters().stream().filter(r -> r.role() == MeterRole.SOCKET)
                .mapToDouble(r -> r.good(Channel.ACTIVE_POWER).orElse(0.0)).sum();
        grid.ifPresent(w -> m.put("grid_w", w));
        // the grid meters' energy counters: what an energy community's hourly shared energy is computed from in the
        // city (docs/energy-community.md); counters, not power, so a lost message loses no energy
        sum(v, MeterRole.GRID, Channel.IMPORT_ENERGY).ifPresent(wh -> m.put("grid_import_wh", wh));
        sum(v, MeterRole.GRID, Channel.EXPORT_ENERGY).ifPresent(wh -> m.put("grid_export_wh", wh));
        pv.ifPresent(w -> m.put("pv_w", w));
        battery.ifPresent(w -> m.put("battery_w", w));
        v.meters().stream().filter(r -> r.role() == MeterRole.BATTERY).findFirst()
                .flatMap(r -> r.good(Channel.STATE_OF_CHARGE)).ifPresent(soc -> m.put("battery_soc", soc));
        m.put("sockets_w", sockets);
        // what the rest of the building uses: grid import + PV + battery discharge − the sockets
        grid.ifPresent(g -> m.put("building_w", g + pv.orElse(0.0) + battery.orElse(0.0) - sockets));
        v.decision().ifPresent(d -> {
            m.put("limit_w", d.limitW());
            if (d.headroomW() != null) m.put("headroom_w", d.headroomW());
            m.put("safe_state", d.safeState());
            m.put("band", d.band().name());
            batteryTrading(m, d);
        });
        v.cap().ifPresent(c -> {
            m.put("cap_w", c.limitW());
            m.put("cap_until", c.until().toEpochMilli());
        });
        return m;
    }

    /**
     * The battery's trade and its money (docs/battery.md "Money"): sent only with a battery. The current hour so far
     * and the last finished hour, so the cloud has every hour's totals from any message of the next hour.
     */
    private static void batteryTrading(Map<String, Object> m, LoopDecision d) {
        if (d.batteryHours().isEmpty()) return;
        m.put("battery_setpoint_w", d.batterySetpointW());
        m.put("trade", d.trade());
        m.put("price_source", d.priceSource());
        if (d.priceEurMWh() != null) m.put("price_eur_mwh", d.priceEurMWh());
        if (d.priceProblem() != null) m.put("price_problem", d.priceProblem());
        int n = d.batteryHours().size();
        hour(m, "battery_hour_", d.batteryHours().get(n - 1));
        if (n > 1) hour(m, "battery_last_hour_", d.batteryHours().get(n - 2));
    }

    private static void hour(Map<String, Object> m, String prefix, BatteryHour h) {
        m.put(prefix + "start", h.hourStart().toEpochMilli());
        m.put(prefix + "discharged_wh", h.dischargedWh());
        m.put(prefix + "charged_wh", h.chargedWh());
        m.put(prefix + "exported_wh", h.exportedWh());
        if (h.valueEur() != null) m.put(prefix + "value_eur", h.valueEur());
    }

    /** Resource {@code sockets/{n}}: one socket. */
    public static Map<String, Object> socket(SiteView v, int n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("socket", n);
        Optional<MeterReading> meter = v.meters().stream()
                .filter(r -> r.role() == MeterRole.SOCKET && r.socket() == n).findFirst();
        meter.flatMap(r -> r.good(Channel.ACTIVE_POWER)).ifPresent(w -> m.put("power_w", w));
        meter.flatMap(r -> r.good(Channel.IMPORT_ENERGY).or(() -> r.good(Channel.TOTAL_ENERGY)))
                .ifPresent(wh -> m.put("energy_wh", wh));
        RelayState relay = relay(v, n);
        if (relay != null) m.put("relay_on", relay.closed());
        SocketAllocation a = allocation(v, n);
        if (a != null) m.put("reason", a.reason().name());
        SocketStatus status = status(v, n);
        m.put("status", status.name());
        m.put("available", status == SocketStatus.AVAILABLE);
        ChargingSession s = v.sessions().get(n);
        if (s != null) {
            m.put("session_id", s.id().toString());
            m.put("session_mode", s.mode().name());
            m.put("session_energy_wh", s.energyWh());
        }
        return m;
    }

    /** Resource {@code events/availability}: a socket's status changed. */
    public static Map<String, Object> availability(int n, SocketStatus now, SocketStatus before, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("socket", n);
        m.put("status", now.name());
        m.put("previous", before == null ? SocketStatus.UNKNOWN.name() : before.name());
        m.put("available", now == SocketStatus.AVAILABLE);
        if (reason != null) m.put("reason", reason);
        return m;
    }

    /**
     * Resource {@code sessions}: a session record. Who started it is reduced to how (plug, token, remote): the
     * token's hash prefix stays on the module.
     */
    public static Map<String, Object> session(ChargingSession s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session_id", s.id().toString());
        m.put("socket", s.socket());
        m.put("mode", s.mode().name());
        m.put("state", s.open() ? "OPEN" : "CLOSED");
        m.put("started", s.started().toEpochMilli());
        if (s.ended() != null) m.put("ended", s.ended().toEpochMilli());
        m.put("energy_wh", s.energyWh());
        m.put("solar_wh", s.solarWh());
        m.put("cost_eur", s.costEur());
        if (s.endReason() != null) m.put("end_reason", s.endReason());
        m.put("started_by", kind(s.startedBy()));
        // who stopped it, reduced like started_by to how (kapua, coap, console): the technician's id stays here
        if (s.endedBy() != null) m.put("ended_by", kind(s.endedBy()));
        return m;
    }

    /**
     * Resource {@code events/trip}: a shared fleet vehicle's trip reaching {@code state} (OUT, RETURNED, CHARGED).
     * It names the vehicle, never who rode it.
     */
    public static Map<String, Object> trip(FleetTrip t, String state) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trip_id", t.id().toString());
        m.put("vehicle", t.vehicle());
        m.put("socket", t.socket());
        m.put("state", state);
        m.put("left", t.left().toEpochMilli());
        if (!state.equals("OUT")) {
            m.put("returned", t.returned().toEpochMilli());
            m.put("duration_s", t.duration().orElseThrow().toSeconds());
        }
        if (state.equals("CHARGED")) m.put("charged_wh", t.chargedWh());
        return m;
    }

    private static String kind(String actor) {
        int colon = actor.indexOf(':');
        return colon < 0 ? actor : actor.substring(0, colon);
    }

    /** The socket numbers the site knows: from relays, socket meters and the loop. */
    public static TreeSet<Integer> sockets(SiteView v) {
        TreeSet<Integer> n = new TreeSet<>();
        v.relays().forEach(r -> n.add(r.socket()));
        v.meters().stream().filter(r -> r.role() == MeterRole.SOCKET).forEach(r -> n.add(r.socket()));
        v.decision().ifPresent(d -> d.sockets().forEach(s -> n.add(s.socket())));
        n.removeIf(i -> i < 1);
        return n;
    }

    /** Each known socket's status now. */
    public static Map<Integer, SocketStatus> statuses(SiteView v) {
        Map<Integer, SocketStatus> out = new TreeMap<>();
        for (int n : sockets(v)) out.put(n, status(v, n));
        return out;
    }

    static SocketStatus status(SiteView v, int n) {
        boolean safe = v.decision().map(LoopDecision::safeState).orElse(false);
        return SocketStatus.of(relay(v, n), allocation(v, n), v.sessions().containsKey(n), v.disabled().containsKey(n),
                safe);
    }

    static String reason(SiteView v, int n) {
        SocketAllocation a = allocation(v, n);
        return a == null ? null : a.reason().name();
    }

    private static RelayState relay(SiteView v, int n) {
        return v.relays().stream().filter(r -> r.socket() == n).findFirst().orElse(null);
    }

    private static SocketAllocation allocation(SiteView v, int n) {
        return v.decision().flatMap(d -> d.sockets().stream().filter(s -> s.socket() == n).findFirst()).orElse(null);
    }

    private static Optional<Double> sum(SiteView v, MeterRole role, Channel c) {
        double total = 0;
        boolean any = false;
        for (MeterReading r : v.meters()) {
            if (r.role() != role) continue;
            Optional<Double> w = r.good(c);
            if (w.isEmpty()) return Optional.empty(); // one meter of the role unknown: the sum is unknown
            total += w.get();
            any = true;
        }
        return any ? Optional.of(total) : Optional.empty();
    }
}
