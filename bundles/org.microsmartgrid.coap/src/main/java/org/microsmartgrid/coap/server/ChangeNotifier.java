package org.microsmartgrid.coap.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the observe checks on its own thread: {@link #poke()} (from the loop's and the meters' listeners, ~4/s) only
 * queues one check if none is pending, so the caller returns at once and a burst of pokes costs one check. A check
 * every second also syncs the socket list and renews notifications before their Max-Age runs out.
 *
 * <p>An alarm or a door event ({@link #pokeBuilding()}) queues a check of the building's two small packs alone: it
 * does not build the site's, the sockets' and the IPSO packs first, nor wait for the next second (issue 13: an alarm
 * reaches the observers within a second). Every check runs on this one thread, so each resource's last notified
 * state stays confined to it and the Observe numbering of {@link LiveResource} holds.
 */
final class ChangeNotifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifier.class);

    private final ResourceTree tree;
    private final Clock clock;
    /** How often the full check runs by itself; one second in production (the site resources' rule). */
    private final Duration period;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean buildingPending = new AtomicBoolean();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "msg-coap-notify");
        t.setDaemon(true);
        return t;
    });

    ChangeNotifier(ResourceTree tree, Clock clock, Duration period) {
        this.tree = tree;
        this.clock = clock;
        this.period = period;
    }

    void start() {
        executor.scheduleWithFixedDelay(() -> check(tree::notifyIfChanged), period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The site may have changed: one full check, queued unless one is already waiting. */
    void poke() {
        queue(pending, tree::notifyIfChanged);
    }

    /** An alarm or a door event: one check of the building resources alone, queued unless one is already waiting. */
    void pokeBuilding() {
        queue(buildingPending, tree::notifyBuildingIfChanged);
    }

    private void queue(AtomicBoolean waiting, Consumer<Instant> what) {
        if (waiting.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    waiting.set(false);
                    check(what);
                });
            } catch (RejectedExecutionException e) {
                waiting.set(false); // closing
            }
        }
    }

    private void check(Consumer<Instant> what) {
        try {
            what.accept(clock.instant());
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
