package org.microsmartgrid.api.control;

import java.time.Instant;

/**
 * An installer's manual hold on one socket: the control loop keeps the socket ON (when the grid limit and every
 * safety rule allow it) or OFF until {@code until}, instead of deciding for it. See {@link SocketHolds}.
 *
 * @param socket the socket, from 1
 * @param on     true: hold ON; false: hold OFF
 * @param actor  who asked, e.g. {@code installer:anna}
 * @param since  when it was asked
 * @param until  when it ends by itself
 */
public record SocketHold(int socket, boolean on, String actor, Instant since, Instant until) {

    public SocketHold {
        if (socket < 1) throw new IllegalArgumentException("socket numbers start at 1: " + socket);
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("a hold needs an actor");
        if (since == null || until == null || !until.isAfter(since))
            throw new IllegalArgumentException("a hold needs a start and a later end");
    }

    /** Whether the hold is in force at {@code t}. */
    public boolean activeAt(Instant t) {
        return t.isBefore(until);
    }
}
