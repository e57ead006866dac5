package org.microsmartgrid.meter.modbus.poll;

/**
 * How long a meter waits before its next poll. A healthy meter waits its interval; a failing one waits exponentially
 * longer (interval x 2^errors) up to a cap, so that one dead device on an RS-485 line, which costs a full timeout on
 * every attempt, does not starve the healthy ones. A success resets the count, and with it the interval.
 */
public final class Backoff {
    private Backoff() {
    }

    /**
     * @param intervalMs        the configured poll interval
     * @param consecutiveErrors failed polls in a row (0 = healthy)
     * @param maxMs             the cap; never below the interval itself
     */
    public static long delay(long intervalMs, int consecutiveErrors, long maxMs) {
        if (consecutiveErrors <= 0) return intervalMs;
        long cap = Math.max(intervalMs, maxMs);
        int shift = Math.min(consecutiveErrors, 30);
        long grown = intervalMs << shift;
        return grown <= 0 || grown > cap ? cap : grown;
    }
}
