package org.microsmartgrid.city.doors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code burst} tries at once, then one more every {@code refillMs}. On top of the
 * module's own throttle (per door, which also protects the door from every other channel): this one keeps one
 * client from spending the door's allowance, and the city's broker from carrying a flood. Bounded: the least recently
 * seen clients are forgotten beyond {@link #MAX_CLIENTS} (they start again with a full bucket).
 */
final class ClientRate {

    static final int MAX_CLIENTS = 10_000;

    private final int burst;
    private final long refillMs;
    private final LongSupplier clock;
    private final Map<String, double[]> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    ClientRate(int burst, long refillMs, LongSupplier clock) {
        this.burst = burst;
        this.refillMs = refillMs;
        this.clock = clock;
    }

    /** @return 0 when this client may try now (a token is spent), else how many seconds until it may */
    synchronized long take(String client) {
        long now = clock.getAsLong();
        double[] b = buckets.computeIfAbsent(client, c -> new double[] {burst, now}); // {tokens, last refill}
        b[0] = Math.min(burst, b[0] + (now - b[1]) / (double) refillMs);
        b[1] = now;
        if (b[0] >= 1) {
            b[0] -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - b[0]) * refillMs / 1000.0));
    }
}
