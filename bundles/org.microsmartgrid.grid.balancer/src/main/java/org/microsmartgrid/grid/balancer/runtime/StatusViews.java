package org.microsmartgrid.grid.balancer.runtime;

import java.util.List;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.grid.balancer.decision.Decision;
import org.microsmartgrid.grid.balancer.decision.SocketDecision;

/** Maps a cycle record onto the API's JDK-types-only view of the loop (NaN becomes null, for JSON). */
public final class StatusViews {

    private StatusViews() {
    }

    public static LoopDecision view(CycleRecord r) {
        Decision d = r.decision();
        List<SocketAllocation> sockets =
                d.sockets().stream().map(s -> socket(s, r.relayResults().get(s.socket()))).toList();
        return new LoopDecision(d.at(), r.cycle(), d.safeState(), d.safeStateWhy(), orNull(d.gridW()), d.limitW(),
                orNull(d.headroomW()), d.surplusW(), d.safeState() ? null : orNull(d.spareW()),
                orNull(d.predictedImportW()), d.batterySetpointW(), d.band(), d.cheapNow(), d.shed(), sockets,
                r.batteryResult() == null ? null : r.batteryResult().outcome(),
                r.batteryResult() == null ? null : r.batteryResult().reason(), d.trade().name(),
                orNull(d.priceEurMWh()), Double.isFinite(d.priceEurMWh()) ? "PUN" : "BANDS", r.priceProblem(),
                r.batteryHours());
    }

    private static SocketAllocation socket(SocketDecision s, RelayResult result) {
        return new SocketAllocation(s.socket(), s.on(), s.reason(), s.text(), s.safety(), s.priority(),
                s.mode(), s.source(), s.drawW(), result == null ? null : result.outcome(),
                result == null ? null : result.reason());
    }

    private static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
