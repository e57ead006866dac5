package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.util.Optional;

import org.microsmartgrid.api.meter.Quality;

/**
 * Whether the grid reading can be trusted. Nothing else protects the contract limit, so anything doubtful counts
 * as lost: not GOOD, not a number, too old (a silent meter keeps its last GOOD value forever), or beyond any
 * plausible building (a meter answering nonsense).
 */
final class GridCheck {

    /** No building on a domestic or small business supply draws or exports a megawatt. */
    static final double IMPLAUSIBLE_W = 1_000_000;

    private GridCheck() {
    }

    /** Why the grid reading cannot be used, or empty when it can. */
    static Optional<String> problem(SiteSnapshot snap) {
        if (snap.gridSetup().isPresent()) return snap.gridSetup();
        MeterValue grid = snap.grid();
        if (grid.quality() != Quality.GOOD)
            return Optional.of("grid meter " + grid.quality());
        if (!Double.isFinite(grid.powerW())) return Optional.of("grid meter value is not a number");
        if (Math.abs(grid.powerW()) > IMPLAUSIBLE_W)
            return Optional.of("grid meter implausible (" + Texts.w(grid.powerW()) + ")");
        Duration age = grid.age(snap.now());
        if (age.compareTo(snap.settings().staleGrid()) > 0)
            return Optional.of("grid meter silent for " + Texts.duration(age));
        return exportWithoutSource(snap);
    }

    /** Export beyond this, with nothing on site producing it, cannot be real (meter noise is a few W). */
    static final double IMPOSSIBLE_EXPORT_W = 200;
    /** PV below this counts as not producing (night, or an inverter in standby). */
    static final double PV_IDLE_W = 50;

    /**
     * A site can only export what it produces. When its PV meter shows (almost) nothing and no battery discharges,
     * an export reading means the grid meter measures the wrong way round: it would show a real import as export
     * and let the loop switch sockets on above the contract. Only checked when a PV meter exists: without one, the
     * site may have generation the module does not see.
     */
    private static Optional<String> exportWithoutSource(SiteSnapshot snap) {
        double gridW = snap.grid().powerW();
        Optional<MeterValue> pv = snap.pv().filter(MeterValue::isGood);
        if (gridW >= -IMPOSSIBLE_EXPORT_W || pv.isEmpty() || pv.get().powerW() >= PV_IDLE_W) return Optional.empty();
        double batteryW = snap.battery().filter(BatteryValue::isGood).map(BatteryValue::powerW).orElse(0.0);
        if (batteryW >= -gridW - IMPOSSIBLE_EXPORT_W) return Optional.empty(); // the battery's discharge explains it
        return Optional.of("grid meter shows an export of " + Texts.w(-gridW) + " but PV produces "
                + Texts.w(pv.get().powerW()) + ": is the grid meter wired backwards (invert.power) or is a PV or "
                + "socket meter set to role GRID?");
    }
}
