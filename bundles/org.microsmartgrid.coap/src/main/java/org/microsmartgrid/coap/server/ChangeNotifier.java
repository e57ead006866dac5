package org.microsmartgrid.coap.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the observe checks on its own thread: {@link #poke()} (from the loop's and the meters' listeners, ~4/s) only
 * queues one check if none is pending, so the caller returns at once and a burst of pokes costs one check. A check
 * every second also syncs the socket list and renews notifications before their Max-Age runs out.
 */
final class ChangeNotifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifier.class);

    private final ResourceTree tree;
    private final Clock clock;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "msg-coap-notify");
        t.setDaemon(true);
        return t;
    });

    ChangeNotifier(ResourceTree tree, Clock clock) {
        this.tree = tree;
        this.clock = clock;
    }

    void start() {
        executor.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    void poke() {
        if (pending.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    pending.set(false);
                    check();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pending.set(false); // closing
            }
        }
    }

    private void check() {
        try {
            tree.notifyIfChanged(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("CoAP observe check failed", e); // keep the scheduled checks alive
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try { // a check still running must not notify after the final notifications
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
