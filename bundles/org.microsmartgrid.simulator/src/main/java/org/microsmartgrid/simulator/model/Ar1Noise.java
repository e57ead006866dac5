package org.microsmartgrid.simulator.model;

import java.time.Instant;

/**
 * A standard-normal first-order autoregressive process sampled on a fixed tick: x(k) = phi x(k-1) + sqrt(1-phi²) e(k),
 * phi = exp(-tick / correlation time). It wanders like real noise (load, voltage, frequency) instead of jumping
 * independently at every read. Steps forward from the last tick asked for; after a jump of more than a day of ticks
 * (or backwards) it restarts from a fresh draw of its stationary distribution, so a test can leap months at no cost.
 */
final class Ar1Noise {
    private static final long MAX_CATCH_UP_TICKS = 20_000;
    private static final long RESTART_STREAM = 0x5EED;

    private final long seed;
    private final long stream;
    private final long tickSeconds;
    private final double phi;
    private final double innovation;
    private long tick = Long.MIN_VALUE;
    private double value;

    Ar1Noise(long seed, long stream, long tickSeconds, double correlationSeconds) {
        if (tickSeconds <= 0 || correlationSeconds <= 0) throw new IllegalArgumentException("tick and correlation must be positive");
        this.seed = seed;
        this.stream = stream;
        this.tickSeconds = tickSeconds;
        this.phi = Math.exp(-tickSeconds / correlationSeconds);
        this.innovation = Math.sqrt(1 - phi * phi);
    }

    /** The process value for the tick that contains {@code t}. */
    double at(Instant t) {
        long k = Math.floorDiv(t.getEpochSecond(), tickSeconds);
        if (k == tick) return value;
        if (tick == Long.MIN_VALUE || k < tick || k - tick > MAX_CATCH_UP_TICKS) {
            value = Draws.gaussian(seed, stream ^ RESTART_STREAM, k);
        } else {
            for (long i = tick + 1; i <= k; i++) {
                value = phi * value + innovation * Draws.gaussian(seed, stream, i);
            }
        }
        tick = k;
        return value;
    }
}
