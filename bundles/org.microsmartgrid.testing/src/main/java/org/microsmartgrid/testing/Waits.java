package org.microsmartgrid.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waits for a condition the test can observe, polling until a deadline. The deadline is only a safety net for a
 * broken build (never a timed assertion): a test waits for a positive signal, never sleeps and hopes. On timeout an
 * {@link AssertionError} names what was awaited and the last value seen (or the last exception thrown).
 */
public final class Waits {
    /** Long enough for a loaded 2-core CI machine; a healthy run returns in milliseconds. */
    public static final Duration DEFAULT = Duration.ofSeconds(20);
    private static final long POLL_MS = 10;

    private Waits() {
    }

    /** Waits until {@code condition} is true. */
    public static void until(String what, Callable<Boolean> condition) {
        until(what, DEFAULT, condition);
    }

    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        until(what, timeout, condition, Boolean.TRUE::equals);
    }

    /** Waits until {@code accepted} holds for what {@code probe} returns, and returns that value. */
    public static <T> T until(String what, Callable<T> probe, Predicate<? super T> accepted) {
        return until(what, DEFAULT, probe, accepted);
    }

    public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<? super T> accepted) {
        Objects.requireNonNull(what, "what");
        long end = System.nanoTime() + timeout.toNanos();
        T last = null;
        Exception failure = null;
        while (true) {
            try {
                last = probe.call();
                failure = null;
                if (accepted.test(last)) return last;
            } catch (Exception e) {
                failure = e;
            }
            if (System.nanoTime() - end >= 0) break;
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        String seen = failure != null ? "the last probe threw " + failure : "last value: " + last;
        throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what + "; " + seen, failure);
    }

    /** Waits until {@code probe} returns a value that is not null, and returns it. */
    public static <T> T present(String what, Callable<T> probe) {
        return until(what, DEFAULT, probe, Objects::nonNull);
    }
}
