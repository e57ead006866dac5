package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;

/**
 * What the loop remembers about a socket from one cycle to the next.
 *
 * @param turnStart        when its current turn began (on), null when off
 * @param waitingSince     when it started waiting (off with a session); the longest waiting goes first
 * @param expectedDrawW    the highest draw measured in its last turn: what switching it on will add; NaN = unknown
 * @param measuredThisTurn whether the current turn has produced a measurement yet
 * @param queuedBehind     null for an ordinary turn. For a <em>borrowed</em> turn — started while sockets of its class
 *                         queued before it could not fit — the waiting time of the last of them: the turn stands in
 *                         the queue right behind the sockets waiting since then or longer, and gives its power back
 *                         as soon as one of them can use it
 * @param releasedW        for a socket the loop switched off: the draw the decision counted on removing (a lower
 *                         bound), so that the next cycles, while the grid reading still predates the switch, do not
 *                         count that draw as import still to shed; 0 otherwise
 */
public record SocketMemory(Instant turnStart, Instant waitingSince, double expectedDrawW, boolean measuredThisTurn,
                           Instant queuedBehind, double releasedW) {

    public static final SocketMemory NONE = new SocketMemory(null, null, Double.NaN, false, null);

    /** A memory without a released draw. */
    public SocketMemory(Instant turnStart, Instant waitingSince, double expectedDrawW, boolean measuredThisTurn,
                        Instant queuedBehind) {
        this(turnStart, waitingSince, expectedDrawW, measuredThisTurn, queuedBehind, 0);
    }

    public boolean knowsDraw() {
        return !Double.isNaN(expectedDrawW);
    }
}
