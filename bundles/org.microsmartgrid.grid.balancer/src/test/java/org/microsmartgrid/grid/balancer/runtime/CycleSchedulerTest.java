package org.microsmartgrid.grid.balancer.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.testing.Waits;

class CycleSchedulerTest {

    static void await(BooleanSupplier condition, String what) {
        Waits.until(what, condition::getAsBoolean);
    }

    @Test
    void aTriggerRunsACycleWithoutWaitingForTheTimer() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (CycleScheduler s = new CycleScheduler("test-cycle", runs::incrementAndGet)) {
            s.start(Duration.ofHours(1)); // the timer runs once now, then not for an hour
            await(() -> runs.get() == 1, "the first timer cycle");
            s.trigger();
            await(() -> runs.get() == 2, "the triggered cycle");
        }
    }

    @Test
    void aCycleThatThrowsDoesNotStopTheTimer() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (CycleScheduler s = new CycleScheduler("test-cycle", () -> {
            if (runs.incrementAndGet() == 1) throw new IllegalStateException("first cycle fails");
        })) {
            s.start(Duration.ofMillis(10));
            await(() -> runs.get() >= 3, "cycles after the failure");
        }
    }

    @Test
    void cyclesNeverOverlapHoweverManyTriggersArrive() throws Exception {
        AtomicBoolean inside = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();
        AtomicInteger runs = new AtomicInteger();
        try (CycleScheduler s = new CycleScheduler("test-cycle", () -> {
            if (!inside.compareAndSet(false, true)) overlapped.set(true);
            Thread.onSpinWait();
            runs.incrementAndGet();
            inside.set(false);
        })) {
            s.start(Duration.ofMillis(1));
            Thread[] triggers = new Thread[4];
            for (int i = 0; i < triggers.length; i++) {
                triggers[i] = new Thread(() -> {
                    for (int k = 0; k < 2000; k++) s.trigger();
                });
                triggers[i].start();
            }
            for (Thread t : triggers) t.join();
            await(() -> runs.get() > 10, "cycles");
        }
        assertFalse(overlapped.get(), "two cycles ran at the same time");
        assertTrue(runs.get() > 10);
    }
}
