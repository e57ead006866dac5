package org.microsmartgrid.grid.balancer.status;

import java.time.Instant;
import java.util.List;

/**
 * One cycle's decision, for display. Powers in W; a null power means unknown (safe state).
 *
 * @param at               when the cycle ran
 * @param cycle            cycle counter since the balancer started
 * @param safeState        whether the site is in the safe state (grid reading not trustworthy)
 * @param safeStateWhy     why, or null
 * @param gridW            grid import measured (export negative)
 * @param limitW           the import limit (contract × (1 + tolerance) − reserve)
 * @param headroomW        limit minus the import before switching; negative: over the limit
 * @param surplusW         solar surplus sockets could use
 * @param spareW           headroom left after the decision
 * @param predictedImportW import expected after the decision
 * @param batterySetpointW battery: + discharge, − charge
 * @param band             ARERA band now (F1, F2, F3)
 * @param cheapNow         whether now is cheap
 * @param shed             whether sockets were shed for the grid limit in this cycle
 * @param sockets          one entry per socket
 */
public record DecisionView(Instant at, long cycle, boolean safeState, String safeStateWhy, Double gridW, double limitW,
                           Double headroomW, double surplusW, Double spareW, Double predictedImportW,
                           double batterySetpointW, String band, boolean cheapNow, boolean shed,
                           List<SocketView> sockets) {

    public DecisionView {
        sockets = List.copyOf(sockets);
    }
}
