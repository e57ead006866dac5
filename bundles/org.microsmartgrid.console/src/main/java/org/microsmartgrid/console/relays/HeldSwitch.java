package org.microsmartgrid.console.relays;

import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.control.SocketHold;
import org.microsmartgrid.api.control.SocketHolds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Switching by hand while the balancer runs: instead of a second writer on the relay (the balancer would send OFF
 * again in its next cycle), the console asks the balancer for a manual hold of the relay's socket and reports what
 * the balancer's next decision made of it — switched, waiting for its minimum off-time or for headroom, or kept off
 * by a safety rule. The balancer switches the relay in the installer's name.
 */
final class HeldSwitch {

    /** How long the installer waits at most for the balancer's next cycle (it runs one at once). */
    static final Duration WAIT = Duration.ofSeconds(3);
    private static final long POLL_MS = 20;

    /**
     * @param hold     the hold now in force (null after a release)
     * @param released whether a release ended a hold
     * @param decision the balancer's first decision for the socket after the request; null when none came in time
     */
    record Outcome(SocketHold hold, boolean released, SocketAllocation decision) {

        /** The hold does what it asks: ON switched on (or already on), OFF off; a release always is. */
        boolean inForce() {
            if (hold == null) return true;
            if (decision == null) return false;
            return hold.on() == decision.on()
                    && (decision.relayOutcome() == null || decision.relayOutcome() == RelayResult.Outcome.APPLIED);
        }
    }

    private HeldSwitch() {
    }

    /** Asks for the hold (or the release), then waits for the balancer's answer for the socket. */
    static Outcome apply(SocketHolds holds, ControlLoopStatus loop, Clock clock, int socket, RelayAction action,
                         String installer) throws InterruptedException {
        String actor = "installer:" + installer;
        if (action.release()) return new Outcome(null, holds.release(socket, actor), null);
        SocketHold hold = holds.hold(socket, action.on(), Duration.ofMinutes(action.minutes()), actor);
        return new Outcome(hold, false, nextDecision(loop, clock, socket, hold.since()));
    }

    private static SocketAllocation nextDecision(ControlLoopStatus loop, Clock clock, int socket, Instant after)
            throws InterruptedException {
        if (loop == null) return null;
        Instant deadline = clock.instant().plus(WAIT);
        while (true) {
            Optional<LoopDecision> d = loop.lastDecision();
            if (d.isPresent() && d.get().at().isAfter(after))
                return d.get().sockets().stream().filter(s -> s.socket() == socket).findFirst().orElse(null);
            if (!clock.instant().isBefore(deadline)) return null;
            Thread.sleep(POLL_MS);
        }
    }
}
