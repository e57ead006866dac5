package org.microsmartgrid.building.access.decision;

import java.time.Duration;
import java.time.Instant;

/**
 * Back-off against guessing: after {@code maxFailures} wrong codes (within {@code forgetAfter} of each other) every
 * attempt is refused unchecked for a back-off that doubles with each lockout up to {@code maxBackoff}. Kept per door
 * and globally (a guesser walking from door to door meets the global one). A granted code clears the door's count.
 */
public final class Throttle {
    private Throttle() {
    }

    public record Rules(int maxFailures, Duration backoff, Duration maxBackoff, Duration forgetAfter) {
        public Rules {
            if (maxFailures < 1) throw new IllegalArgumentException("maxFailures must be at least 1");
            if (backoff.isNegative() || backoff.isZero() || maxBackoff.compareTo(backoff) < 0 || forgetAfter.isNegative())
                throw new IllegalArgumentException("back-off must be positive and at most the maximum back-off");
        }
    }

    /**
     * @param failures     wrong codes since the last lockout (or grant)
     * @param lastFailure  when the last wrong code came, null if none
     * @param blockedUntil attempts before this instant are refused unchecked, null if none
     * @param lockouts     how many back-offs in a row so far (the next one is 2^lockouts times longer)
     */
    public record State(int failures, Instant lastFailure, Instant blockedUntil, int lockouts) {
        public static final State CLEAR = new State(0, null, null, 0);
    }

    public static boolean blocked(State s, Instant now) {
        return s.blockedUntil() != null && now.isBefore(s.blockedUntil());
    }

    public static State failure(State s, Rules r, Instant now) {
        boolean forgotten = s.lastFailure() != null && Duration.between(s.lastFailure(), now).compareTo(r.forgetAfter()) > 0;
        int lockouts = forgotten ? 0 : s.lockouts();
        int failures = (forgotten ? 0 : s.failures()) + 1;
        if (failures < r.maxFailures()) return new State(failures, now, s.blockedUntil(), lockouts);
        return new State(0, now, now.plus(backoff(r, lockouts)), lockouts + 1);
    }

    public static State success() {
        return State.CLEAR;
    }

    static Duration backoff(Rules r, int lockouts) {
        Duration d = r.backoff();
        for (int i = 0; i < lockouts && d.compareTo(r.maxBackoff()) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(r.maxBackoff()) > 0 ? r.maxBackoff() : d;
    }
}
