package org.microsmartgrid.api.control;

import java.time.Instant;

/**
 * A socket kept for one holder during a time window (a condominium's shared e-bike, a driver who booked on the map).
 * During the window the loop keeps the socket off for every other session and walk-up plug; the holder's own session
 * (one started with the holder's identity: its token or a remote start naming it) is served as usual. A reservation
 * that nobody uses within its grace after {@code from} expires.
 *
 * @param id      a random identifier, to cancel it
 * @param socket  the socket, from 1
 * @param from    the window's start
 * @param until   the window's end
 * @param holder  who may use it: the {@code startedBy} of the session that claims it (e.g. {@code token:…},
 *                {@code fleet:bike-7})
 * @param actor   who made it (e.g. {@code coap:bms-1}, {@code console:anna})
 * @param created when it was made
 * @param used    whether the holder's session was seen on the socket inside the window
 */
public record Reservation(String id, int socket, Instant from, Instant until, String holder, String actor,
                          Instant created, boolean used) {

    /** Whether {@code t} is inside the window. */
    public boolean activeAt(Instant t) {
        return !t.isBefore(from) && t.isBefore(until);
    }
}
