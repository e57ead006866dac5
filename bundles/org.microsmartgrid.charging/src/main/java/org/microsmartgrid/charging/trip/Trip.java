package org.microsmartgrid.charging.trip;

import java.time.Instant;
import java.util.UUID;

/**
 * A fleet vehicle's trip as stored: out while {@code returned} is null.
 *
 * @param outSession    the session whose end (unplugged) opened it
 * @param returnSession the session its return opened; null while out
 */
public record Trip(UUID id, String vehicle, int socket, Instant left, UUID outSession, Instant returned,
                   UUID returnSession) {

    public boolean out() {
        return returned == null;
    }

    /** The trip closed by a return at {@code at} that opened {@code session}. */
    Trip returnedAt(Instant at, UUID session) {
        // a clock set back between leaving and coming back must not make a negative trip
        return new Trip(id, vehicle, socket, left, outSession, at.isBefore(left) ? left : at, session);
    }
}
