package org.microsmartgrid.simulator.model;

import java.time.Instant;

/**
 * Passing clouds as a two-state Markov chain on a 10 s tick: the sun is either clear or behind a cloud. The chance of
 * entering a cloud is {@code cloudiness × r} and of leaving it {@code (1 - cloudiness) × r}, so the sun is hidden a
 * {@code cloudiness} share of the time (0 = never, 1 = always), with spells of a few minutes like broken cumulus.
 * The transmission is smoothed over ~30 s, because a cloud edge dims a PV array over tens of seconds, not at once.
 */
final class CloudCover {
    private static final long TICK_SECONDS = 10;
    /** Spell rate: with cloudiness 0.5 the mean cloud and clear spell are both 2 × 300 s. */
    private static final double RATE = TICK_SECONDS / 300.0;
    private static final double SMOOTHING = 1 - Math.exp(-TICK_SECONDS / 30.0);
    private static final long MAX_CATCH_UP_TICKS = 20_000;
    private static final long STREAM = 0xC10D;

    private final long seed;
    private double cloudiness;
    private long tick = Long.MIN_VALUE;
    private boolean occluded;
    private double transmission = 1;

    CloudCover(long seed, double cloudiness) {
        this.seed = seed;
        setCloudiness(cloudiness);
    }

    void setCloudiness(double cloudiness) {
        if (!(cloudiness >= 0 && cloudiness <= 1)) throw new IllegalArgumentException("cloudiness must be within 0..1, got " + cloudiness);
        this.cloudiness = cloudiness;
    }

    /** Share of clear-sky power that reaches the array at {@code t}, within (0, 1]. */
    double transmission(Instant t) {
        long k = Math.floorDiv(t.getEpochSecond(), TICK_SECONDS);
        if (k == tick) return transmission;
        if (tick == Long.MIN_VALUE || k < tick || k - tick > MAX_CATCH_UP_TICKS) {
            occluded = Draws.uniform(seed, STREAM + 1, k) < cloudiness;
            transmission = target();
        } else {
            for (long i = tick + 1; i <= k; i++) {
                double u = Draws.uniform(seed, STREAM, i);
                occluded = occluded ? u >= (1 - cloudiness) * RATE : u < cloudiness * RATE;
                transmission += (target() - transmission) * SMOOTHING;
            }
        }
        tick = k;
        return transmission;
    }

    /** Behind a cloud only diffuse light is left; the cloudier the sky, the thicker the clouds. */
    private double target() {
        return occluded ? 0.35 - 0.15 * cloudiness : 1.0;
    }
}
