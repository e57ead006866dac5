package org.microsmartgrid.city.people.account;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins per key (an account, and separately an address): after {@code free} failures in a row the key waits,
 * the wait doubling with every further failure up to {@code max}. While it waits, no password is checked (no
 * guessing, no PBKDF2 work for an attacker to burn). A success forgets the account's key. Keys by account stop a
 * distributed guess at one password; keys by address stop one address guessing many accounts, with a higher limit
 * so that the owner behind the same address (a shared NAT) is not locked out by someone else's failures on their
 * own account. Memory is bounded: the oldest keys go first.
 */
public final class LoginThrottle {

    static final int MAX_KEYS = 10_000;
    private final int free;
    private final Duration first;
    private final Duration max;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    private record Entry(int failures, Instant lockedUntil, Instant last) {
    }

    public LoginThrottle(int free, Duration first, Duration max) {
        this.free = free;
        this.first = first;
        this.max = max;
    }

    public synchronized Optional<Duration> waitFor(String key, Instant now) {
        Entry e = entries.get(key);
        if (e == null || e.lockedUntil == null || !now.isBefore(e.lockedUntil)) return Optional.empty();
        return Optional.of(Duration.between(now, e.lockedUntil));
    }

    /**
     * Checks the key and counts this attempt as a failure in one step, before the password is checked: a thousand
     * simultaneous guesses get at most {@code free} password checks, not a thousand. A success then
     * {@link #succeeded forgets} or {@link #refund refunds} it.
     *
     * @return how long to wait, when the key is locked (nothing counted then)
     */
    public synchronized Optional<Duration> attempt(String key, Instant now) {
        Optional<Duration> wait = waitFor(key, now);
        if (wait.isEmpty()) failed(key, now);
        return wait;
    }

    /** Takes back one counted attempt (a success on a shared key: the address of many people). */
    public synchronized void refund(String key) {
        Entry e = entries.get(key);
        if (e == null) return;
        if (e.failures <= 1) entries.remove(key);
        else entries.put(key, new Entry(e.failures - 1, e.lockedUntil, e.last));
    }

    public synchronized void failed(String key, Instant now) {
        Entry e = entries.get(key);
        int n = e == null || now.isAfter(e.last.plus(Duration.ofHours(1)).plus(max)) ? 1 : e.failures + 1;
        Instant lock = null;
        if (n >= free) {
            Duration d = first.multipliedBy(1L << Math.min(n - free, 20));
            lock = now.plus(d.compareTo(max) > 0 ? max : d);
        }
        entries.put(key, new Entry(n, lock, now));
        if (entries.size() > MAX_KEYS) entries.remove(entries.keySet().iterator().next());
    }

    public synchronized void succeeded(String key) {
        entries.remove(key);
    }
}
