package org.microsmartgrid.api.charging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A shared vehicle's trip (docs/reservations.md): opened when the vehicle's session on its home socket ends because
 * it was unplugged (the vehicle left), closed at the next plug-in at that socket (the return).
 *
 * @param id            unique id, stable across restarts
 * @param vehicle       the fleet vehicle's name as configured (e.g. {@code bike-7}), not a person
 * @param socket        its home socket
 * @param left          when it left (its session there ended, unplugged)
 * @param returned      when it came back (plugged in at its home socket); null while out
 * @param returnSession the session that its return opened; null while out
 * @param chargedWh     the energy charged since the return (that session's energy so far), Wh; 0 while out
 * @param charged       whether the return's session has ended: {@code chargedWh} is final
 */
public record FleetTrip(UUID id, String vehicle, int socket, Instant left, Instant returned, UUID returnSession,
                        double chargedWh, boolean charged) {

    public FleetTrip {
        if (id == null || vehicle == null || left == null)
            throw new IllegalArgumentException("a trip needs an id, a vehicle and when it left");
        if (returned != null && returned.isBefore(left))
            throw new IllegalArgumentException("a trip cannot return before it left");
    }

    /** Whether the vehicle is still out. */
    public boolean out() {
        return returned == null;
    }

    /** How long it was out; empty while out. */
    public Optional<Duration> duration() {
        return returned == null ? Optional.empty() : Optional.of(Duration.between(left, returned));
    }
}
