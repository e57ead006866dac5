package org.microsmartgrid.grid.balancer.decision;

import java.util.Optional;

/**
 * What this site's meters can physically read. A value beyond it is not a measurement of this site (a wrong register
 * map, a garbled reply, a meter of another building) and must not steer the loop, however GOOD its meter says it is.
 * The meter bundle only knows physics (it refuses beyond 1 MW); the balancer knows the site.
 *
 * <ul>
 * <li>Grid: {@value #CONTRACT_FACTOR} × the power the contract makes available (contract × (1 + tolerance)), but
 * never less than three times the largest domestic step's ({@value #SMALLEST_CONNECTION_W} W). The distributor's
 * meter disconnects a supply drawing more than 27 % over the contract only after minutes, so a small contract still
 * lets one Schuko socket's 3.7 kW through meanwhile: the contract alone does not bound the reading, a connection's
 * hardware does, and we do not know that a small contract has a small connection. Three times the available power
 * covers inrush and a PV export larger than the contract (19.8 kW up to a 6 kW contract, 99 kW on 30 kW). When the
 * installer gives the main fuse (supply.fuse.w), the bound is {@value #FUSE_FACTOR} × that instead: a fuse or
 * breaker carries 1.45 × its rating for up to an hour (IEC 60269-1 conventional fusing current, IEC 60898-1
 * conventional tripping current) and opens faster above it. The same bound applies to export: a PV plant larger
 * than three times the contract needs supply.fuse.w.</li>
 * <li>Socket: {@value #CONTRACT_FACTOR} × its rating (socket.rating.w, 3680 W for a Schuko), for the same reason:
 * its fuse or breaker is sized to the rating.</li>
 * </ul>
 * Too tight a bound fails safe: the site goes to the safe state, sockets off, which is what a real overload of
 * that size needs anyway.
 */
public final class SiteBounds {
    /** How far above the available power a reading can still be real. */
    public static final double CONTRACT_FACTOR = 3.0;
    /** The conventional fusing / tripping current of a fuse or breaker, as a multiple of its rating. */
    public static final double FUSE_FACTOR = 1.45;
    /** The available power of the largest domestic step (6 kW + 10 %): the smallest connection we assume. */
    public static final double SMALLEST_CONNECTION_W = 6_600;

    private SiteBounds() {
    }

    /** The largest grid import or export, in W, this site can read. */
    public static double gridW(Settings s) {
        if (s.supplyFuseW() > 0) return FUSE_FACTOR * s.supplyFuseW();
        return CONTRACT_FACTOR * Math.max(SMALLEST_CONNECTION_W, s.contractPowerW() * (1 + s.marginPercent() / 100));
    }

    /** The largest draw (or negative draw) a socket of this rating can read. */
    public static double socketW(double ratingW) {
        return CONTRACT_FACTOR * ratingW;
    }

    /** Why a grid value is beyond this site, or empty. */
    static Optional<String> grid(Settings s, double powerW) {
        double bound = gridW(s);
        return Math.abs(powerW) > bound
                ? Optional.of("grid meter implausible for this site (" + Texts.w(powerW) + ", beyond ±" + Texts.w(bound)
                + (s.supplyFuseW() > 0 ? " = 1.45 × supply.fuse.w)" : " = 3 × the larger of contract × (1 + tolerance) and 6600 W)"))
                : Optional.empty();
    }

    /** Why a socket meter's value is beyond its socket, or empty. */
    static Optional<String> socket(SocketSnapshot socket, double powerW) {
        double bound = socketW(socket.ratingW());
        return Math.abs(powerW) > bound
                ? Optional.of("socket meter implausible (" + Texts.w(powerW) + ", beyond ±" + Texts.w(bound)
                + " = 3 × socket rating)")
                : Optional.empty();
    }
}
