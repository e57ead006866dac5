package org.microsmartgrid.simulator.model;

import java.util.SplittableRandom;

/**
 * Random numbers as pure functions of (seed, stream, index): the same seed gives the same weather, the same load
 * noise and the same voltages, however often and in whatever order the model is stepped.
 */
final class Draws {
    private Draws() {
    }

    static double uniform(long seed, long stream, long index) {
        return new SplittableRandom(mix(seed, stream, index)).nextDouble();
    }

    static double gaussian(long seed, long stream, long index) {
        return new SplittableRandom(mix(seed, stream, index)).nextGaussian();
    }

    /** Spreads nearby inputs over the whole 64-bit range (the finaliser of MurmurHash3), so streams do not correlate. */
    static long mix(long seed, long stream, long index) {
        long h = fmix(seed ^ 0x9E3779B97F4A7C15L);
        h = fmix(h ^ (stream * 0xC2B2AE3D27D4EB4FL));
        return fmix(h ^ (index * 0x165667B19E3779F9L));
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }
}
