package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SessionMode;

/**
 * A randomized site for the closed-loop simulation.
 *
 * @param seed           drives everything that happens over time (load, PV, noise, failures)
 * @param contractW      an ARERA step
 * @param sockets        1..16 sockets
 * @param battery        whether the site has a battery that follows the set-point
 * @param gridNoiseW     grid meter noise bound (uniform ±)
 * @param socketNoiseW   socket meter noise bound (uniform ±)
 * @param failures       whether meters fail (grid: FAILED, STALE, silent; sockets: FAILED) and relays fault
 * @param changes        whether load, PV and vehicle draws change over time
 * @param start          simulated start (tariff bands follow it)
 * @param cycle          simulated time between cycles
 * @param settings       the balancer's settings
 * @param baseW          the building's load at the start; NaN: random
 */
record SimSpec(long seed, int contractW, List<SimSocket> sockets, boolean battery, int gridNoiseW, int socketNoiseW,
               boolean failures, boolean changes, Instant start, Duration cycle, Settings settings, double baseW) {

    /**
     * @param ratingW        the socket's rating (what the balancer expects before it measured the socket)
     * @param drawFraction   the vehicle's draw as a fraction of the rating (≤ 1: a socket cannot draw more)
     * @param metered        whether the socket has its own meter
     */
    record SimSocket(int socket, double ratingW, PriorityClass priority, SessionMode mode, boolean metered,
                     double drawFraction) {
    }

    /** How far the true import may exceed what the decision estimated, from meter noise alone. */
    double noiseToleranceW() {
        return gridNoiseW + 2.0 * sockets.size() * socketNoiseW + 1;
    }
}
