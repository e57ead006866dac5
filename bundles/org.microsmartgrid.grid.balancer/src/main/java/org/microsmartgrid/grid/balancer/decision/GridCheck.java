package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.util.Optional;

import org.microsmartgrid.api.meter.Quality;

/**
 * Whether the grid reading can be trusted. Nothing else protects the contract limit, so anything doubtful counts
 * as lost: not GOOD, not a number, too old (a silent meter keeps its last GOOD value forever), or beyond what
 * this site's supply can carry ({@link SiteBounds}: a meter answering nonsense).
 */
final class GridCheck {

    private GridCheck() {
    }

    /** Why the grid reading cannot be used, or empty when it can. */
    static Optional<String> problem(SiteSnapshot snap) {
        MeterValue grid = snap.grid();
        if (grid.quality() != Quality.GOOD)
            return Optional.of("grid meter " + grid.quality());
        if (!Double.isFinite(grid.powerW())) return Optional.of("grid meter value is not a number");
        Optional<String> beyond = SiteBounds.grid(snap.settings(), grid.powerW());
        if (beyond.isPresent()) return beyond;
        Duration age = grid.age(snap.now());
        if (age.compareTo(snap.settings().staleGrid()) > 0)
            return Optional.of("grid meter silent for " + Texts.duration(age));
        return Optional.empty();
    }
}
