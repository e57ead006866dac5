package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.microsmartgrid.api.tariff.TariffBand;

/**
 * The outcome of one cycle.
 *
 * @param at               the cycle's time
 * @param sockets          one decision per socket, by socket number
 * @param safeState        the grid reading could not be trusted: everything not proven idle is off
 * @param safeStateWhy     why, when in the safe state; null otherwise
 * @param gridW            the grid import measured (export negative); NaN in the safe state
 * @param limitW           the import limit
 * @param headroomW        limit minus the import expected before any switching (negative: over the limit)
 * @param surplusW         solar surplus sockets could use (PV the site would export with sockets and battery idle)
 * @param spareW           headroom left after this decision's sockets
 * @param spareSurplusW    surplus left after this decision's sockets
 * @param predictedImportW the import expected after this decision (before the battery follows its set-point)
 * @param batterySetpointW for the battery: + discharge, − charge, 0 when there is none or it must idle
 * @param band             the tariff band now
 * @param cheapNow         whether now is a cheap period
 * @param shed             whether sockets were shed for the grid limit in this cycle
 * @param next             the state for the next cycle
 * @param trade            what the hour's price asked of the battery (HOLD without trading rules)
 * @param priceEurMWh      the hour's price (PUN, €/MWh); NaN when the hour has no price (bands decided)
 */
public record Decision(Instant at, List<SocketDecision> sockets, boolean safeState, String safeStateWhy, double gridW,
                       double limitW, double headroomW, double surplusW, double spareW, double spareSurplusW,
                       double predictedImportW, double batterySetpointW, TariffBand band, boolean cheapNow,
                       boolean shed, BalancerState next, Trade trade, double priceEurMWh) {

    public Decision {
        sockets = List.copyOf(sockets);
        if (trade == null) throw new IllegalArgumentException("a decision needs its trade (HOLD: none)");
    }

    /** Without trading (no battery rules, no price). */
    public Decision(Instant at, List<SocketDecision> sockets, boolean safeState, String safeStateWhy, double gridW,
                    double limitW, double headroomW, double surplusW, double spareW, double spareSurplusW,
                    double predictedImportW, double batterySetpointW, TariffBand band, boolean cheapNow,
                    boolean shed, BalancerState next) {
        this(at, sockets, safeState, safeStateWhy, gridW, limitW, headroomW, surplusW, spareW, spareSurplusW,
                predictedImportW, batterySetpointW, band, cheapNow, shed, next, Trade.HOLD, Double.NaN);
    }

    public Optional<SocketDecision> socket(int socket) {
        return sockets.stream().filter(s -> s.socket() == socket).findFirst();
    }
}
