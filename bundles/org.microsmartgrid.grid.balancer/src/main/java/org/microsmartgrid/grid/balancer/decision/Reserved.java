package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;

/**
 * A reservation in force on a socket now.
 *
 * @param holder     who may use the socket
 * @param until      when the window ends
 * @param holderHere whether the socket's open session is the holder's
 */
public record Reserved(String holder, Instant until, boolean holderHere) {
}
