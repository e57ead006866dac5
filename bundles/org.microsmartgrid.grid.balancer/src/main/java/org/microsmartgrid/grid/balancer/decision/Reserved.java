package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;

/**
 * A reservation in force on a socket now.
 *
 * @param holder     who may use the socket
 * @param until      when the window ends
 * @param holderHere whether the socket's open session is the holder's
 * @param holdsPower whether the socket's expected draw is kept out of what other sockets may take, so that the holder
 *                   starts at once on arrival (only until the holder first comes, at most the reservation's grace)
 */
public record Reserved(String holder, Instant until, boolean holderHere, boolean holdsPower) {

    /** A reservation that keeps its socket, not power. */
    public Reserved(String holder, Instant until, boolean holderHere) {
        this(holder, until, holderHere, false);
    }
}
