package org.microsmartgrid.city.people.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} events per key in any sliding {@code window} (sign-ups and reset mails per address,
 * check-ins and reviews per account). Memory is bounded: beyond {@code MAX_KEYS} the least recently used key goes.
 */
public final class RateLimiter {

    static final int MAX_KEYS = 10_000;
    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> events = new LinkedHashMap<>(16, 0.75f, true);

    public RateLimiter(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Counts the event if it is allowed. @return false when the key is over its limit (nothing counted) */
    public synchronized boolean tryAcquire(String key, Instant now) {
        Deque<Instant> d = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!d.isEmpty() && !d.peekFirst().isAfter(now.minus(window))) d.removeFirst();
        if (d.size() >= limit) return false;
        d.addLast(now);
        if (events.size() > MAX_KEYS) events.remove(events.keySet().iterator().next());
        return true;
    }
}
