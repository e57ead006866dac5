package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microsmartgrid.api.control.PowerSource;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SocketReason;

/**
 * The balancing decision: a pure function from a {@link SiteSnapshot} to a {@link Decision} (state in, state out).
 *
 * <ol>
 *   <li>Grid reading not trustworthy: the safe state ({@link SafeState}).</li>
 *   <li>Hard offs: a faulted relay, a socket whose own meter is not GOOD.</li>
 *   <li>Limit: when the import (plus what just-switched sockets will add) is above the limit, sockets are shed in
 *       reverse priority in this cycle until the estimate, counting only what shedding surely removes, fits.
 *       Sheds are SAFETY offs (they override the minimum on-time); nothing is switched on in such a cycle.</li>
 *   <li>Serving: sockets in {@link TurnOrder}; each takes its power from the {@link Pools} its session may use;
 *       a socket is switched on only when the pool covers its expected draw plus the hysteresis, and stays on
 *       while it covers its measured draw. Minimum on/off times are respected, so no switch is ever asked that
 *       the relay would defer.</li>
 *   <li>Battery set-point ({@link BatteryPlan}) and the next state ({@link Memories}).</li>
 * </ol>
 */
public final class Balancing {

    private Balancing() {
    }

    public static Decision decide(SiteSnapshot snap) {
        Optional<String> gridProblem = GridCheck.problem(snap);
        boolean cheapNow = snap.tariff().cheapAt(snap.now());
        List<SocketWork> sockets = snap.sockets().stream().map(s -> new SocketWork(s, snap, cheapNow)).toList();
        if (gridProblem.isPresent()) return SafeState.decide(snap, sockets, gridProblem.get(), cheapNow);
        return serve(snap, sockets, cheapNow);
    }

    private static Decision serve(SiteSnapshot snap, List<SocketWork> sockets, boolean cheapNow) {
        Settings st = snap.settings();
        Instant now = snap.now();
        double limit = st.limitW();
        Optional<BatteryValue> battery = snap.battery();
        boolean batteryTrusted = battery.map(BatteryValue::isGood).orElse(false);
        double batteryW = batteryTrusted ? battery.get().powerW() : 0;

        // What the grid will show without any switching: the reading, what just-switched sockets will add or remove, and
        // the battery's discharge, which we cannot count on to continue (an untrusted battery is set to 0, so
        // whatever it may be discharging now could stop: up to its maximum).
        double importW = snap.grid().powerW() + Math.max(0, batteryW)
                + (battery.isPresent() && !batteryTrusted ? st.battery().maxDischargeW() : 0);
        double reliefAll = 0;
        List<SocketWork> closed = new ArrayList<>();
        for (SocketWork w : sockets) {
            importW -= w.releasingW; // switched off after the grid reading: its draw is leaving the reading
            if (w.closed && !w.hardOff()) {
                if (w.pending) importW += w.expectedW;
                reliefAll += w.reliefW;
                closed.add(w);
            }
        }

        // a trusted battery's charge is the first thing to go: this decision's set-point keeps the import within
        // the limit with whatever the sockets take, so sessions come before the battery also from the grid
        double chargeW = batteryTrusted ? Math.max(0, -batteryW) : 0;
        boolean shed = false;
        double over = importW - chargeW - limit;
        if (over > 0) {
            shed = true;
            for (SocketWork w : TurnOrder.shedOrder(closed, now, st)) {
                if (over <= 0) break;
                w.decide(false, SocketReason.SHED_GRID_LIMIT, "shed: grid limit (import " + Texts.w(importW) + " > limit "
                        + Texts.w(limit) + ")");
                over -= w.reliefW;
            }
        }

        // Surplus: what the site would export with every socket off and the battery idle; never more than the PV.
        double siteAloneW = importW - Math.max(0, batteryW) + batteryW - reliefAll;
        double surplusW = Math.max(0, -siteAloneW);
        Optional<MeterValue> pv = snap.pv().filter(MeterValue::isGood);
        if (pv.isPresent()) surplusW = Math.min(surplusW, Math.max(0, pv.get().powerW()));
        Trade trade = st.trading().tradeAt(snap.tariff(), now);
        double batteryPool = BatteryPlan.availableForSessions(snap, cheapNow, trade);
        Pools pools = new Pools(limit - importW + reliefAll + chargeW, surplusW, batteryPool);

        // A reservation waiting for its holder keeps the socket's expected draw out of the pool before anyone is
        // served, so that the holder starts at once on arrival: out of what the running sessions leave free (a hold
        // never switches a charging vehicle off). It is never drawn: the prediction leaves it out.
        double chargingW = 0;
        for (SocketWork w : sockets) if (w.closed && !w.decided && !w.reservedForOther) chargingW += w.costW();
        double heldForHoldersW = 0;
        for (SocketWork w : sockets) {
            if (!w.reservedForOther || !w.snapshot.reserved().holdsPower() || w.lockedOn || w.decided) continue;
            double hold = Math.min(w.costW(), Math.max(0, pools.total - chargingW));
            pools.take(PowerSource.GRID, hold, false);
            w.heldForHolderW = hold;
            heldForHoldersW += hold;
        }

        List<SocketWork> served = new ArrayList<>();
        // per class, the waiting time of the last socket that could have started but did not fit: a socket of
        // that class starting after it takes a borrowed turn, queued right behind it (see TurnOrder)
        Map<PriorityClass, Instant> overtaken = new EnumMap<>(PriorityClass.class);
        for (SocketWork w : TurnOrder.serveOrder(sockets, now, st)) {
            if (w.decided) continue;
            serveOne(w, pools, served, shed, snap);
            if (w.on && !w.closed) w.startsQueuedBehind = overtaken.get(w.priority());
            if (!w.on && !w.closed && w.hasSession() && !w.lockedOff && !w.heldOn)
                overtaken.put(w.priority(), w.waitingSince);
        }

        // the import with the battery idle (its charge taken out above), once what is switched on has closed
        double predictedW = limit - pools.total - heldForHoldersW;
        double startingW = 0;
        double runningW = 0;
        double mobilityAidW = 0;
        for (SocketWork w : served) {
            // relay still open: it may defer the ON; relay just closed (no grid reading since): the vehicle may take
            // seconds to start drawing, and a discharge covering its expected draw went into the grid meanwhile
            // (BatteryIT at 18:00: a car's 2.3 kW pushed 1.75 kW of export, PV 0, and tripped the plausibility check)
            if (!w.closed || w.pending) startingW += w.costW();
            else {
                runningW += w.costW();
                if (w.priority() == PriorityClass.MOBILITY_AID) mobilityAidW += w.costW();
            }
        }
        double setpoint = BatteryPlan.setpoint(snap, cheapNow, trade, new BatteryPlan.Flows(pools.surplus, predictedW,
                predictedW - startingW, runningW, mobilityAidW, Math.max(0, batteryW), predictedW - batteryW));
        return new Decision(now, sockets.stream().map(SocketWork::toDecision).toList(), false, null,
                snap.grid().powerW(), limit, limit - importW, surplusW, pools.total, pools.surplus, predictedW, setpoint,
                snap.tariff().bandAt(now), cheapNow, shed, Memories.next(snap, sockets).withBatterySetpoint(setpoint), trade,
                snap.tariff().priceAt(now).orElse(Double.NaN));
    }

    private static void serveOne(SocketWork w, Pools pools, List<SocketWork> served, boolean shed, SiteSnapshot snap) {
        SessionPlan.Plan plan = w.plan;
        Instant now = snap.now();
        if (w.heldOn) {
            serveHeld(w, pools, served, shed, snap);
            return;
        }
        if (w.reservedForOther) {
            String text = "reserved for " + w.snapshot.reserved().holder() + " until "
                    + Texts.timeSeconds(w.snapshot.reserved().until(), snap.tariff().zone()) + " / prenotata";
            if (w.lockedOn) { // a non-safety OFF inside the minimum on-time would be deferred by the relay
                pools.take(PowerSource.NONE, w.costW(), false);
                w.decide(true, SocketReason.HELD_MIN_ON, text + "; stays on for the minimum on-time until "
                        + Texts.timeSeconds(w.snapshot.relay().since().plus(snap.settings().minOn()), snap.tariff().zone()));
                served.add(w);
            } else {
                w.decide(false, SocketReason.RESERVED, w.heldForHolderW > 0
                        ? text + "; " + Texts.w(w.heldForHolderW) + " kept for the holder" : text);
            }
            return;
        }
        if (!w.hasSession() && !w.lockedOn) {
            w.decide(false, SocketReason.NO_SESSION, "no session");
            return;
        }
        if (w.lockedOff) {
            w.decide(false, w.hasSession() ? SocketReason.HELD_MIN_OFF : SocketReason.NO_SESSION, w.hasSession()
                    ? "waiting: minimum off-time until " + Texts.timeSeconds(w.snapshot.relay().since()
                    .plus(snap.settings().minOff()), snap.tariff().zone()) : "no session");
            return;
        }
        double cost = w.costW();
        double need = w.closed ? cost : cost + snap.settings().hysteresisW();
        boolean fits = w.hasSession() && (w.closed || !shed) && need <= pools.available(plan.source(), w.closed);
        if (fits) {
            double fromBattery = pools.take(plan.source(), cost, w.closed);
            if (fromBattery > 0) w.decide(true, SocketReason.CHARGING_BATTERY, "kept running on the battery ("
                    + Texts.w(fromBattery) + "): surplus too low");
            else w.decide(true, plan.onReason(), plan.onText());
            served.add(w);
        } else if (w.lockedOn) {
            pools.take(plan.source() == PowerSource.GRID ? PowerSource.GRID : PowerSource.NONE, cost, false);
            w.decide(true, SocketReason.HELD_MIN_ON, (w.hasSession() ? plan.waitText() : "no session")
                    + "; stays on for the minimum on-time until " + Texts.timeSeconds(w.snapshot.relay().since()
                    .plus(snap.settings().minOn()), snap.tariff().zone()));
            served.add(w);
        } else {
            waiting(w, need, pools, served, shed);
        }
    }

    /**
     * A socket an installer holds ON: on when the grid pool covers it (its expected draw plus the hysteresis to switch
     * it on), never in a cycle that shed, never inside its minimum off-time; otherwise it waits, and says so.
     */
    private static void serveHeld(SocketWork w, Pools pools, List<SocketWork> served, boolean shed, SiteSnapshot snap) {
        String text = w.plan.onText();
        if (w.lockedOff) {
            w.decide(false, SocketReason.HELD_MIN_OFF, text + "; waiting: minimum off-time until " + Texts.timeSeconds(
                    w.snapshot.relay().since().plus(snap.settings().minOff()), snap.tariff().zone()));
            return;
        }
        double cost = w.costW();
        double need = w.closed ? cost : cost + snap.settings().hysteresisW();
        double available = pools.available(PowerSource.GRID, w.closed);
        if ((w.closed || !shed) && need <= available) {
            pools.take(PowerSource.GRID, cost, w.closed);
            w.decide(true, SocketReason.MANUAL_HOLD_ON, text);
            served.add(w);
        } else if (w.lockedOn) {
            pools.take(PowerSource.GRID, cost, false);
            w.decide(true, SocketReason.HELD_MIN_ON, text + "; over the limit, stays on for the minimum on-time until "
                    + Texts.timeSeconds(w.snapshot.relay().since().plus(snap.settings().minOn()), snap.tariff().zone()));
            served.add(w);
        } else if (shed && !w.closed) {
            w.decide(false, SocketReason.WAITING_AFTER_SHED, text + ": waiting, the grid limit was exceeded in this cycle");
        } else {
            w.decide(false, w.plan.waitReason(), w.plan.waitText() + " (needs " + Texts.w(need) + ", "
                    + Texts.w(Math.max(0, available)) + " available)");
        }
    }

    /** Names who holds the power a socket waits for: its own class (rotation), a higher class, or nobody. */
    private static void waiting(SocketWork w, double need, Pools pools, List<SocketWork> served, boolean shed) {
        if (shed && !w.closed) {
            w.decide(false, SocketReason.WAITING_AFTER_SHED, "waiting: the grid limit was exceeded in this cycle");
            return;
        }
        double available = pools.available(w.plan.source(), w.closed);
        List<Integer> same = new ArrayList<>();
        List<Integer> higher = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        double sameW = 0;
        double higherW = 0;
        double heldW = 0;
        for (SocketWork s : served) {
            if (s.costW() <= 0) continue;
            if (s.priority() == w.priority()) {
                same.add(s.socket());
                sameW += s.costW();
            } else if (s.priority().above(w.priority())) {
                higher.add(s.socket());
                higherW += s.costW();
            } else if (s.lockedOn) {
                held.add(s.socket());
                heldW += s.costW();
            }
        }
        if (!same.isEmpty() && need <= available + sameW)
            w.decide(false, SocketReason.WAITING_ROTATION, "turn of " + Texts.sockets(same) + " in rotation");
        else if (!higher.isEmpty() && need <= available + sameW + higherW)
            w.decide(false, SocketReason.WAITING_PRIORITY, "waiting: higher-priority " + Texts.sockets(higher) + " charging");
        else if (!held.isEmpty() && need <= available + sameW + higherW + heldW)
            w.decide(false, SocketReason.WAITING_HEADROOM, "waiting: lower-priority " + Texts.sockets(held)
                    + " inside the minimum on-time");
        else
            w.decide(false, w.plan.waitReason(), w.plan.waitText() + " (needs " + Texts.w(need) + ", "
                    + Texts.w(Math.max(0, available)) + " available)");
    }
}
