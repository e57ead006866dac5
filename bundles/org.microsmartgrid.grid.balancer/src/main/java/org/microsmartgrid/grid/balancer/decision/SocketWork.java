package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;
import java.util.Optional;
import org.microsmartgrid.api.control.PowerSource;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.api.control.SocketReason;

/**
 * One socket's figures for the decision under construction, and the result once decided.
 *
 * <p>Two estimates of a socket's power are kept apart on purpose: {@link #reliefW} is what switching it off
 * surely removes from the grid reading (a lower bound: the measured draw, 0 when unknown), {@link #expectedW} is
 * what switching it on will add (an upper bound: the peak of its last turn, else its rating). Sheds count the
 * lower bound and additions the upper one, so a decision never believes in more headroom than there is.
 */
final class SocketWork {

    final SocketSnapshot snapshot;
    final SocketMemory memory;
    final boolean closed;
    /** Closed, but the grid value was captured before the relay switched: the grid does not show its draw yet. */
    final boolean pending;
    /**
     * Open, but the grid value was captured before the relay opened: the grid still shows the draw it had, and the
     * import will drop by it without any further switching: what the decision that switched it off counted on
     * removing ({@link SocketMemory#releasedW()}, a lower bound); 0 for a socket not in that case. Without it, every
     * cycle run on the same grid reading saw the import unchanged and shed one more socket (issue 20: a 2 kW cap shed
     * sockets 4, 1 and 3 within 27 ms where socket 4 was enough).
     */
    final double releasingW;
    /** Its own meter's value, when GOOD and captured after the relay's last change; NaN otherwise. */
    final double measuredW;
    final double expectedW;
    final double reliefW;
    final boolean lockedOn;
    final boolean lockedOff;
    /** When its current turn started (closed sockets). */
    final Instant turnStart;
    /** When it started waiting (open sockets). */
    final Instant waitingSince;
    final SessionPlan.Plan plan;
    /** On in a borrowed turn: its place in the queue (see {@link SocketMemory#queuedBehind()}); null otherwise. */
    final Instant queuedBehind;
    /** Switched on in this decision in a borrowed turn: its place in the queue; null otherwise. */
    Instant startsQueuedBehind;

    /** A reservation in force keeps the socket for someone else than the session (or plug) on it now. */
    final boolean reservedForOther;
    /** Power kept out of the pool for the reservation's holder in this cycle, W (0: none). */
    double heldForHolderW;
    /**
     * Held ON by an installer: served first, from the grid like a NOW session (counted at its measured or expected
     * draw), but only within the limit and the safety rules.
     */
    final boolean heldOn;

    boolean decided;
    boolean on;
    SocketReason reason;
    String text;

    SocketWork(SocketSnapshot s, SiteSnapshot site, boolean cheapNow) {
        Settings st = site.settings();
        Instant now = site.now();
        this.snapshot = s;
        this.memory = site.previous().memory(s.socket());
        RelayView relay = s.relay();
        this.closed = relay.closed();
        this.pending = closed && !site.grid().at().isAfter(relay.since());
        Optional<String> implausible = s.meter().filter(MeterValue::isGood)
                .flatMap(m -> SiteBounds.socket(s, m.powerW()));
        // a value beyond the socket proves nothing, idleness least of all (-500 kW is below any idle threshold)
        this.measuredW = s.meter().filter(MeterValue::isGood).filter(m -> implausible.isEmpty())
                .filter(m -> m.at().isAfter(relay.since())).map(m -> Math.max(0, m.powerW())).orElse(Double.NaN);
        this.expectedW = memory.knowsDraw() ? memory.expectedDrawW() : s.ratingW();
        this.turnStart = memory.turnStart() != null ? memory.turnStart() : relay.since();
        this.queuedBehind = closed ? memory.queuedBehind() : null;
        Instant waiting = memory.waitingSince() != null ? memory.waitingSince() : s.session().since();
        this.waitingSince = waiting != null ? waiting : now;
        this.lockedOn = closed && now.isBefore(relay.since().plus(st.minOn()));
        this.lockedOff = !closed && now.isBefore(relay.since().plus(st.minOff()));
        this.heldOn = s.hold() != null && s.hold().on();
        this.plan = heldOn ? SessionPlan.held(s.hold(), site.tariff().zone())
                : SessionPlan.plan(s.session(), expectedW, site.tariff(), now, cheapNow);
        this.reservedForOther = !heldOn && s.reserved() != null && !s.reserved().holderHere();

        if (s.disabledBy() != null) decide(false, SocketReason.DISABLED, "disabled by " + s.disabledBy());
        else if (relay.faulted()) decide(false, SocketReason.RELAY_FAULT, "relay fault: " + relay.fault());
        else if (s.meter().isPresent() && !s.meter().get().isGood())
            decide(false, SocketReason.SOCKET_METER_LOST, "socket meter " + s.meter().get().quality());
        else if (implausible.isPresent()) decide(false, SocketReason.SOCKET_METER_LOST, implausible.get());
        else if (s.hold() != null && !s.hold().on())
            decide(false, SocketReason.MANUAL_HOLD_OFF, "held OFF by " + s.hold().actor() + " until "
                    + Texts.timeSeconds(s.hold().until(), site.tariff().zone()) + " / spenta a mano");
        else if (s.meter().isEmpty() && !heldOn && plan.source() != PowerSource.NONE && s.session().mode() != SessionMode.NOW)
            decide(false, SocketReason.NO_SOCKET_METER, "mode " + s.session().mode() + " needs the socket's own meter; "
                    + "without one the socket may only charge NOW / senza contatore la presa carica solo in modo NOW");
        boolean hard = decided;
        this.reliefW = !closed || hard ? 0 : pending ? expectedW : Double.isNaN(measuredW) ? 0 : measuredW;
        this.releasingW = closed || site.grid().at().isAfter(relay.since()) ? 0 : memory.releasedW();
    }

    void decide(boolean on, SocketReason reason, String text) {
        this.decided = true;
        this.on = on;
        this.reason = reason;
        this.text = text;
    }

    int socket() {
        return snapshot.socket();
    }

    PriorityClass priority() {
        return snapshot.priority();
    }

    boolean hasSession() {
        return plan.source() != PowerSource.NONE;
    }

    /** Off for a reason no balancing can change (fault, lost socket meter). */
    boolean hardOff() {
        return decided && reason.safety() && reason != SocketReason.SHED_GRID_LIMIT;
    }

    /**
     * The power this socket costs the pools when it ends up on: what it draws now, or what it will add. (A closed
     * socket without its own meter costs 0: its draw is in the grid reading and stays in the base load, which is why
     * such a socket may not use the solar pool: see {@link SocketReason#NO_SOCKET_METER}.)
     */
    double costW() {
        return closed ? reliefW : expectedW;
    }

    /** What the decision counted for it: its cost when on, what it would add when off. */
    double drawW() {
        return on ? costW() : (closed ? reliefW : expectedW);
    }

    SocketDecision toDecision() {
        return new SocketDecision(socket(), on, reason, text, on != closed, plan.source(), drawW(), priority(),
                snapshot.session().mode());
    }
}
