package org.microsmartgrid.grid.balancer.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.microsmartgrid.grid.balancer.decision.Settings;
import org.microsmartgrid.api.tariff.TariffBand;

/**
 * The validated configuration of the balancer.
 *
 * @param gridMeters how many GRID meters the site has: any other number found is a setup error (safe state)
 */
public record SiteConfig(Settings settings, Duration cycle, Set<TariffBand> cheapBands,
                         Map<Integer, SocketConfig> sockets, int gridMeters) {

    public SiteConfig {
        cheapBands = Set.copyOf(cheapBands);
        sockets = Map.copyOf(new TreeMap<>(sockets));
        if (gridMeters < 1) throw new IllegalArgumentException("a site has at least one grid meter");
    }

    /** One grid meter, the usual site. */
    public SiteConfig(Settings settings, Duration cycle, Set<TariffBand> cheapBands, Map<Integer, SocketConfig> sockets) {
        this(settings, cycle, cheapBands, sockets, 1);
    }

    public SocketConfig socket(int socket) {
        return sockets.getOrDefault(socket, SocketConfig.unlisted(socket));
    }

    /** How long an ON holds without renewal: four cycles, so a dead loop leaves the sockets off within a second. */
    public Duration lease() {
        return cycle.multipliedBy(4);
    }

    /**
     * How long a battery set-point holds without renewal (the device's revert timeout): four cycles, but at least
     * {@link #MIN_BATTERY_VALIDITY}. A battery inverter applies a command in a second or more, and a revert that fires
     * between two late renewals would make it jump to its automatic mode and back; a dead loop leaves the battery in
     * its own automatic mode within this time, which costs nothing (it never exports unless allowed).
     */
    public Duration batteryValidity() {
        Duration fourCycles = cycle.multipliedBy(4);
        return fourCycles.compareTo(MIN_BATTERY_VALIDITY) < 0 ? MIN_BATTERY_VALIDITY : fourCycles;
    }

    public static final Duration MIN_BATTERY_VALIDITY = Duration.ofSeconds(5);
}
