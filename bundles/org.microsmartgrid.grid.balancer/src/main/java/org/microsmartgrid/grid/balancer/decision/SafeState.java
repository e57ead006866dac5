package org.microsmartgrid.grid.balancer.decision;

import java.util.List;
import org.microsmartgrid.api.control.SocketReason;

/**
 * Without a trustworthy grid reading nothing protects the contract limit, so every socket goes off (SAFETY) —
 * except one whose own GOOD meter, measured after its relay's last change, proves it idle: it draws nothing, so
 * it may stay on. Unlike evcc, which keeps its last set-point when the grid meter fails, nothing is switched on
 * and the battery idles until the grid meter is back.
 */
final class SafeState {

    private SafeState() {
    }

    static Decision decide(SiteSnapshot snap, List<SocketWork> sockets, String why, boolean cheapNow) {
        double idleW = snap.settings().idleW();
        for (SocketWork w : sockets) {
            if (w.decided) continue; // relay fault or lost socket meter: already off
            if (w.closed && !Double.isNaN(w.measuredW) && w.measuredW < idleW)
                w.decide(true, SocketReason.SAFE_STATE_IDLE, "safe state (" + why + "); idle (" + Texts.w(w.measuredW)
                        + "), stays on");
            else w.decide(false, SocketReason.SAFE_STATE_GRID, "safe state: " + why);
        }
        double limit = snap.settings().limitW();
        return new Decision(snap.now(), sockets.stream().map(SocketWork::toDecision).toList(), true, why, Double.NaN,
                limit, Double.NaN, 0, 0, 0, Double.NaN, 0, snap.tariff().bandAt(snap.now()), cheapNow, false,
                Memories.next(snap, sockets), snap.settings().trading().tradeAt(snap.tariff(), snap.now()),
                snap.tariff().priceAt(snap.now()).orElse(Double.NaN));
    }
}
