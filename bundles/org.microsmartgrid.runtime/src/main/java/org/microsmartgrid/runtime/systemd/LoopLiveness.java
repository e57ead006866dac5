package org.microsmartgrid.runtime.systemd;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether the process deserves another watchdog ping: a pure function of what the control loop last did.
 *
 * <p>The loop is the heart of the module: when its cycles stop (a stuck thread, a deadlock, an OutOfMemoryError in
 * the wrong place) the relays' leases run out and the sockets go off, but nothing would restart the process. systemd
 * restarts it when the pings stop, so a ping is sent only while the loop cycles. A module without a configured loop
 * (not commissioned yet) is pinged while the framework runs: there is nothing stuck to restart.
 */
public final class LoopLiveness {
    private LoopLiveness() {}

    /**
     * @param loopConfigured whether a control loop is registered
     * @param lastCycle      when its last cycle ran; null before the first cycle
     * @param loopSince      when the loop was first seen (its first cycle may take a few seconds: meters connect)
     * @param now            the clock
     * @param stuckAfter     how long without a cycle counts as stuck
     */
    public static boolean alive(boolean loopConfigured, Instant lastCycle, Instant loopSince, Instant now,
                                Duration stuckAfter) {
        if (!loopConfigured) return true;
        Instant reference = lastCycle != null && lastCycle.isAfter(loopSince) ? lastCycle : loopSince;
        return Duration.between(reference, now).compareTo(stuckAfter) <= 0;
    }
}
