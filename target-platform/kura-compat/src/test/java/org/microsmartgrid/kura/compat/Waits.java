package org.microsmartgrid.kura.compat;

import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Waits for a condition the framework reaches asynchronously (SCR activates components on its own thread). */
final class Waits {

    /** Generous: a slow CI machine; the test passes as soon as the condition holds. */
    private static final long PATIENCE_MS = 60_000;

    private Waits() {
    }

    /** The value once it satisfies the condition, or the last value seen when patience runs out. */
    static <T> T until(Callable<T> value, Predicate<T> done) throws Exception {
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        T last = value.call();
        while (!done.test(last) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            last = value.call();
        }
        return last;
    }
}
