package org.microsmartgrid.relay.gpio.chip;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once the module begins to stop, no relay may switch ON again, and every relay goes OFF at once.
 *
 * <p>Why a latch and not only each relay's own deactivation: the framework stops bundles one by one, in reverse start
 * order, and the balancing loop may keep cycling (and asking for ON) for the hundreds of milliseconds before its own
 * bundle stops. A socket switched ON in that window stays ON until its relay bundle is reached; were the stop to hang
 * or the process be killed, it would stay powered. The GPIO chip closes this latch on the system bundle's STOPPING
 * event, the first thing the framework announces.
 */
public final class StopLatch {
    private static final Logger log = LoggerFactory.getLogger(StopLatch.class);

    private volatile String reason;
    private final Map<String, Runnable> offNow = new ConcurrentHashMap<>();

    /** Why relays may not switch ON any more, or null while they may. */
    public String reason() {
        return reason;
    }

    public boolean closed() {
        return reason != null;
    }

    /** {@code off} switches the owner's relay OFF now, whatever its minimum on-time; it runs at most once. */
    public void register(String owner, Runnable off) {
        offNow.put(owner, off);
        if (closed()) runOff(owner, off); // registered while stopping: OFF at once as well
    }

    public void unregister(String owner) {
        offNow.remove(owner);
    }

    /** Closes the latch (for good) and switches every registered relay OFF. */
    public void close(String why) {
        if (reason != null) return;
        reason = why;
        log.warn("{}: every relay OFF now, no relay may switch ON / tutti i relè spenti", why);
        offNow.forEach(StopLatch::runOff);
    }

    private static void runOff(String owner, Runnable off) {
        try {
            off.run();
        } catch (RuntimeException e) {
            log.error("switching {} OFF while stopping failed: {}", owner, e.toString(), e);
        }
    }
}
