package org.microsmartgrid.api.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Service: a short pause of the control loop's balancing, for an installer checking relays by hand during
 * commissioning. Registered by the component that runs the loop, next to {@link SiteControl}.
 *
 * <p>While paused the loop switches nothing on and leaves alone what people switched (an installer's manual ON keeps
 * its own lease), but every safety rule stays: a socket is still switched off (safety) when the import goes over the
 * limit, when the grid meter or the socket's meter is lost, when its relay faults or it is disabled. A pause is a
 * lease: it ends by itself at {@link Paused#until()} (at most {@link #MAX_LENGTH} after it was asked), so a forgotten
 * commissioning page never leaves the building unbalanced. It is not kept across a restart.
 */
@ProviderType
public interface LoopPause {

    /** The longest pause one request may ask for; renew it to go on. */
    Duration MAX_LENGTH = Duration.ofMinutes(30);

    /** The pause in force now; empty when the loop balances (an expired pause is not returned). */
    Optional<Paused> paused();

    /**
     * Pauses balancing until now + length; a new request replaces (renews or shortens) the pause in force.
     *
     * @throws IllegalArgumentException length not in (0, {@link #MAX_LENGTH}], or a blank actor
     */
    Paused pause(Duration length, String actor);

    /** Ends the pause, if any: the next cycle balances again. */
    void resume(String actor);

    /**
     * @param actor who paused ("installer:anna")
     * @param since when
     * @param until when it ends by itself
     */
    record Paused(String actor, Instant since, Instant until) {
        public Paused {
            if (actor == null || actor.isBlank()) throw new IllegalArgumentException("a pause needs an actor");
            if (since == null || until == null || !until.isAfter(since))
                throw new IllegalArgumentException("a pause needs a start and a later end");
        }

        public boolean activeAt(Instant now) {
            return now.isBefore(until);
        }
    }
}
