package org.microsmartgrid.grid.balancer.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.microsmartgrid.api.control.LoopPause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commissioning pause, in memory only: a restart ends it (the loop balancing is the normal state). Expiry is
 * checked against the clock on every read, so an expired pause is never in force, whether or not anyone looks.
 */
public final class PauseState implements LoopPause {

    private static final Logger LOG = LoggerFactory.getLogger(PauseState.class);

    private final Clock clock;
    private Paused current;

    public PauseState(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<Paused> paused() {
        Instant now = clock.instant();
        if (current != null && !current.activeAt(now)) {
            LOG.info("balancing resumed: the pause by {} ran out at {}", current.actor(), current.until());
            current = null;
        }
        return Optional.ofNullable(current);
    }

    @Override
    public synchronized Paused pause(Duration length, String actor) {
        if (length == null || length.isNegative() || length.isZero() || length.compareTo(MAX_LENGTH) > 0)
            throw new IllegalArgumentException("a pause lasts more than 0 and at most " + MAX_LENGTH.toMinutes()
                    + " min, got " + length);
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("a pause needs an actor");
        Instant now = clock.instant();
        current = new Paused(actor.strip(), now, now.plus(length));
        LOG.warn("balancing paused by {} until {} (safety rules still apply)", current.actor(), current.until());
        return current;
    }

    @Override
    public synchronized void resume(String actor) {
        if (current == null) return;
        current = null;
        LOG.info("balancing resumed by {}", actor);
    }
}
