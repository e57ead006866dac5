package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;

/**
 * An installer's manual hold in force on a socket (the API's {@code SocketHold}, as the decision sees it).
 *
 * @param on    held ON (switched on when the grid limit and the safety rules allow it) or held OFF
 * @param actor who holds it, e.g. {@code installer:anna}
 * @param until when it ends by itself
 */
public record Held(boolean on, String actor, Instant until) {

    public Held {
        if (actor == null || actor.isBlank() || until == null)
            throw new IllegalArgumentException("a hold needs its actor and its end");
    }
}
