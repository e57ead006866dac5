package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.microsmartgrid.api.control.SocketReason;

/**
 * The decision while an installer has paused balancing: every safety OFF of the normal decision stands (over the
 * limit, grid or socket meter lost, relay fault, disabled, held OFF), and so does a hold ON the limit allows;
 * everything else leaves the socket as it is — nothing is switched on, and what the installer switched by hand is not
 * switched off or taken over.
 */
public final class Pausing {

    private Pausing() {
    }

    /**
     * @param normal the decision {@link Balancing#decide} made for {@code snap}
     * @param actor  who paused
     * @param until  when the pause ends
     */
    public static Decision hold(Decision normal, SiteSnapshot snap, String actor, Instant until, ZoneId zone) {
        Map<Integer, Boolean> closed = new HashMap<>();
        for (SocketSnapshot s : snap.sockets()) closed.put(s.socket(), s.relay().closed());
        String text = "paused by " + actor + " until " + Texts.timeSeconds(until, zone)
                + ": left as it is (safety rules still apply)";
        List<SocketDecision> sockets = normal.sockets().stream().map(sd -> {
            if (sd.safety() || sd.reason() == SocketReason.MANUAL_HOLD_ON) return sd; // a hold is a person's request too
            boolean on = closed.getOrDefault(sd.socket(), false);
            return new SocketDecision(sd.socket(), on, on ? SocketReason.PAUSED_ON : SocketReason.PAUSED_OFF, text, false,
                    sd.source(), sd.drawW(), sd.priority(), sd.mode());
        }).toList();
        return new Decision(normal.at(), sockets, normal.safeState(), normal.safeStateWhy(), normal.gridW(),
                normal.limitW(), normal.headroomW(), normal.surplusW(), normal.spareW(), normal.spareSurplusW(),
                normal.predictedImportW(), normal.batterySetpointW(), normal.band(), normal.cheapNow(), normal.shed(),
                normal.next(), normal.trade(), normal.priceEurMWh());
    }

    /** Whether the applier must leave this socket's relay alone. */
    public static boolean leftAlone(SocketDecision sd) {
        return sd.reason() == SocketReason.PAUSED_ON || sd.reason() == SocketReason.PAUSED_OFF;
    }
}
