package org.microsmartgrid.grid.balancer.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.microsmartgrid.grid.balancer.decision.Settings;
import org.microsmartgrid.grid.balancer.tariff.TariffBand;

/** The validated configuration of the balancer. */
public record SiteConfig(Settings settings, Duration cycle, Set<TariffBand> cheapBands,
                         Map<Integer, SocketConfig> sockets) {

    public SiteConfig {
        cheapBands = Set.copyOf(cheapBands);
        sockets = Map.copyOf(new TreeMap<>(sockets));
    }

    public SocketConfig socket(int socket) {
        return sockets.getOrDefault(socket, SocketConfig.unlisted(socket));
    }

    /** How long an ON holds without renewal: four cycles, so a dead loop leaves the sockets off within a second. */
    public Duration lease() {
        return cycle.multipliedBy(4);
    }
}
