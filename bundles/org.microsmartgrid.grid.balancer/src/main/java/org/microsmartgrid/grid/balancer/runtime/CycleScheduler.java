package org.microsmartgrid.grid.balancer.runtime;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs cycles on one thread: on a timer (so a silent grid meter is noticed) and at once when triggered by a fresh
 * grid reading. Triggers arriving while one is queued are merged. A cycle that throws is logged and the next one
 * runs; if the thread itself dies the relay leases run out and the sockets go off.
 */
public final class CycleScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CycleScheduler.class);

    private final ScheduledExecutorService executor;
    private final Runnable cycle;
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledFuture<?> timer;

    public CycleScheduler(String threadName, Runnable cycle) {
        this.cycle = cycle;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts (or restarts with a new period) the timer. */
    public synchronized void start(Duration period) {
        if (timer != null) timer.cancel(false);
        timer = executor.scheduleWithFixedDelay(this::runSafely, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs a cycle as soon as the thread is free. Returns at once (called on the meter's polling thread). */
    public void trigger() {
        if (!queued.compareAndSet(false, true)) return;
        try {
            executor.execute(() -> {
                queued.set(false);
                runSafely();
            });
        } catch (RejectedExecutionException e) {
            queued.set(false); // stopping
        }
    }

    private void runSafely() {
        try {
            cycle.run();
        } catch (RuntimeException e) {
            LOG.error("balancing cycle failed; the next cycle retries", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) LOG.warn("balancing thread did not stop in 5 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
