package org.microsmartgrid.api.control;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Service: sockets reserved for a time window (docs/reservations.md). Registered by the component that runs the
 * balancing loop; callers (CoAP, the console, the cloud) authenticate the actor first. Reservations survive a
 * restart.
 */
@ProviderType
public interface SocketReservations {

    /** Every reservation not yet ended or expired, by socket and start. */
    List<Reservation> reservations();

    /**
     * Reserves {@code socket} for {@code holder} from {@code from} to {@code until}.
     *
     * @throws IllegalArgumentException with a message for people when refused: a window that overlaps another
     *                                  reservation of the socket, ends in the past, ends before it starts, is longer
     *                                  than 24 h or starts more than 14 days ahead; an unknown socket; no holder or
     *                                  actor. Nothing changes then.
     */
    Reservation reserve(int socket, Instant from, Instant until, String holder, String actor);

    /**
     * Cancels a reservation.
     *
     * @return false when there is none with that id (already ended, expired or cancelled)
     */
    boolean cancel(String id, String actor);
}
