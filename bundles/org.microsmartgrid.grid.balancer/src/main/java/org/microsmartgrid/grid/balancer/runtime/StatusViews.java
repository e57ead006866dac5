package org.microsmartgrid.grid.balancer.runtime;

import java.util.List;

import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.grid.balancer.decision.Decision;
import org.microsmartgrid.grid.balancer.decision.SocketDecision;
import org.microsmartgrid.grid.balancer.status.DecisionView;
import org.microsmartgrid.grid.balancer.status.SocketView;

/** Maps a cycle record onto the exported, JDK-types-only status view (NaN becomes null, for JSON). */
public final class StatusViews {

    private StatusViews() {
    }

    public static DecisionView view(CycleRecord r) {
        Decision d = r.decision();
        List<SocketView> sockets = d.sockets().stream().map(s -> socket(s, r.relayResults().get(s.socket()))).toList();
        return new DecisionView(d.at(), r.cycle(), d.safeState(), d.safeStateWhy(), orNull(d.gridW()), d.limitW(),
                orNull(d.headroomW()), d.surplusW(), d.safeState() ? null : d.spareW(), orNull(d.predictedImportW()),
                d.batterySetpointW(), d.band().name(), d.cheapNow(), d.shed(), sockets);
    }

    private static SocketView socket(SocketDecision s, RelayResult result) {
        return new SocketView(s.socket(), s.on(), s.reason().name(), s.text(), s.safety(), s.priority().name(),
                s.mode().name(), s.source().name(), s.drawW(), result == null ? null : result.outcome().name(),
                result == null ? null : result.reason());
    }

    private static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
