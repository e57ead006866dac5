package org.microsmartgrid.console.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed logins per key (the {@link Authenticator} keys by account and address, or by a known browser).
 * After {@code failuresBeforeLockout} failures in a row the key must wait {@code lockout}; every further failure
 * after a wait doubles it, up to {@code maxLockout}. A success, or an hour (at least twice the longest wait) without
 * failures, forgets the key. While waiting, requests are refused without checking the password: no guessing, and
 * no PBKDF2 work to burn the CPU.
 */
public final class LoginThrottle {
    /** Bounds the memory an attacker with many addresses or names can make us use. */
    static final int MAX_KEYS = 4096;

    private final int failuresBeforeLockout;
    private final Duration lockout;
    private final Duration maxLockout;
    private final Duration forgetAfter;
    private final Map<String, Entry> entries = new HashMap<>();

    private record Entry(int failures, Instant lastFailure, Instant lockedUntil) {
    }

    public LoginThrottle(int failuresBeforeLockout, Duration lockout, Duration maxLockout) {
        if (failuresBeforeLockout < 1) throw new IllegalArgumentException("failuresBeforeLockout must be at least 1");
        if (lockout.isNegative() || lockout.isZero()) throw new IllegalArgumentException("lockout must be positive");
        if (maxLockout.compareTo(lockout) < 0) throw new IllegalArgumentException("maxLockout must be >= lockout");
        this.failuresBeforeLockout = failuresBeforeLockout;
        this.lockout = lockout;
        this.maxLockout = maxLockout;
        Duration twice = maxLockout.multipliedBy(2);
        this.forgetAfter = twice.compareTo(Duration.ofHours(1)) > 0 ? twice : Duration.ofHours(1);
    }

    /** How long the address must still wait, if it is locked out. */
    public synchronized Optional<Duration> lockedFor(String address, Instant now) {
        Entry e = entries.get(address);
        if (e == null || e.lockedUntil() == null || !now.isBefore(e.lockedUntil())) return Optional.empty();
        return Optional.of(Duration.between(now, e.lockedUntil()));
    }

    /**
     * Records a failed login.
     *
     * @return the lock-out this failure started, if it started one
     */
    public synchronized Optional<Duration> failed(String address, Instant now) {
        Entry e = entries.get(address);
        int failures = (e == null || !now.isBefore(e.lastFailure().plus(forgetAfter))) ? 1 : e.failures() + 1;
        Duration lock = null;
        if (failures >= failuresBeforeLockout) {
            int doublings = Math.min(failures - failuresBeforeLockout, 30);
            lock = lockout.multipliedBy(1L << doublings);
            if (lock.compareTo(maxLockout) > 0) lock = maxLockout;
        }
        if (e == null && entries.size() >= MAX_KEYS) evict(now);
        entries.put(address, new Entry(failures, now, lock == null ? null : now.plus(lock)));
        return Optional.ofNullable(lock);
    }

    /** How many failures in a row the address has now (0 when none or forgotten). */
    public synchronized int failures(String address, Instant now) {
        Entry e = entries.get(address);
        return e == null || !now.isBefore(e.lastFailure().plus(forgetAfter)) ? 0 : e.failures();
    }

    public synchronized void succeeded(String address) {
        entries.remove(address);
    }

    public int failuresBeforeLockout() {
        return failuresBeforeLockout;
    }

    synchronized int trackedKeys() {
        return entries.size();
    }

    private void evict(Instant now) {
        entries.values().removeIf(e -> (e.lockedUntil() == null || !now.isBefore(e.lockedUntil()))
                && !now.isBefore(e.lastFailure().plus(forgetAfter)));
        while (entries.size() >= MAX_KEYS) {
            entries.entrySet().stream().min(Comparator.comparing(x -> x.getValue().lastFailure()))
                    .ifPresent(oldest -> entries.remove(oldest.getKey()));
        }
    }
}
