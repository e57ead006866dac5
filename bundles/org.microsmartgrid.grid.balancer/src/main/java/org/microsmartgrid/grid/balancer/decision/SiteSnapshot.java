package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.microsmartgrid.grid.balancer.tariff.TariffOutlook;

/**
 * Everything one decision depends on.
 *
 * @param now      the cycle's time
 * @param grid     the grid connection: import positive, export negative
 * @param pv       PV production, when a PV meter exists
 * @param battery  the stationary battery, when one exists
 * @param sockets  the sockets, any order (the decision sorts them by number)
 * @param tariff   cheap or not, now and until deadlines
 * @param settings limits and tuning
 * @param previous the state the previous decision handed on
 * @param gridSetup why the site's meters cannot give a trustworthy grid value whatever they read (e.g. two GRID
 *                  meters where the installer declared one); empty when the setup is as configured
 */
public record SiteSnapshot(Instant now, MeterValue grid, Optional<MeterValue> pv, Optional<BatteryValue> battery,
                           List<SocketSnapshot> sockets, TariffOutlook tariff, Settings settings,
                           BalancerState previous, Optional<String> gridSetup) {

    /** Meters set up as configured. */
    public SiteSnapshot(Instant now, MeterValue grid, Optional<MeterValue> pv, Optional<BatteryValue> battery,
                        List<SocketSnapshot> sockets, TariffOutlook tariff, Settings settings, BalancerState previous) {
        this(now, grid, pv, battery, sockets, tariff, settings, previous, Optional.empty());
    }

    public SiteSnapshot {
        if (now == null || grid == null || pv == null || battery == null || tariff == null || settings == null
                || previous == null || gridSetup == null) throw new IllegalArgumentException("incomplete site snapshot");
        sockets = sockets.stream().sorted(Comparator.comparingInt(SocketSnapshot::socket)).toList();
        Set<Integer> seen = new HashSet<>();
        for (SocketSnapshot s : sockets)
            if (!seen.add(s.socket())) throw new IllegalArgumentException("socket " + s.socket() + " appears twice");
    }
}
