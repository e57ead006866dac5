package org.microsmartgrid.coap.server;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client (PSK identity or source address): {@code burst} requests at once, then
 * {@code ratePerSecond}. The table is bounded: when full, clients whose bucket refilled completely are forgotten, and
 * if none did, new clients share one overflow bucket (a spoofed-address flood cannot grow memory).
 */
final class TokenBuckets {

    static final int MAX_CLIENTS = 4096;
    private static final String OVERFLOW = "(overflow)";

    private final double ratePerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(double ratePerSecond, int burst, LongSupplier nanoTime) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes a token: 0 when the request may go on, else the seconds (at least 1) until one is available. */
    long take(String client) {
        long now = nanoTime.getAsLong();
        Bucket b = buckets.get(client);
        if (b == null) {
            if (buckets.size() >= MAX_CLIENTS) evictIdle(now);
            b = buckets.size() >= MAX_CLIENTS ? buckets.computeIfAbsent(OVERFLOW, k -> new Bucket(burst, now))
                    : buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        }
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) * ratePerNano);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / ratePerNano / 1e9));
        }
    }

    private void evictIdle(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket b = it.next();
            synchronized (b) {
                if (b.tokens + (now - b.at) * ratePerNano >= burst) it.remove();
            }
        }
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
