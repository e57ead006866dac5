package org.microsmartgrid.grid.balancer.decision;

import java.util.Optional;
import org.microsmartgrid.api.control.PriorityClass;

/**
 * One socket at the start of a cycle.
 *
 * @param socket   socket number, 1..n
 * @param ratingW  the most the socket may draw (3680 W for a 16 A Schuko); the expected draw until it was measured
 * @param priority its priority class
 * @param meter    its own meter, empty when it has none
 * @param relay    its relay
 * @param session  the session on it ({@link Session#none()} when there is none)
 * @param disabledBy who disabled the socket (it stays off); null when it is enabled
 * @param reserved   the reservation in force now; null when none
 * @param hold       an installer's manual hold in force now; null when none
 */
public record SocketSnapshot(int socket, double ratingW, PriorityClass priority, Optional<MeterValue> meter,
                             RelayView relay, Session session, String disabledBy, Reserved reserved, Held hold) {

    /** Without a manual hold. */
    public SocketSnapshot(int socket, double ratingW, PriorityClass priority, Optional<MeterValue> meter,
                          RelayView relay, Session session, String disabledBy, Reserved reserved) {
        this(socket, ratingW, priority, meter, relay, session, disabledBy, reserved, null);
    }

    /** The same socket with a manual hold (null: none). */
    public SocketSnapshot withHold(Held held) {
        return new SocketSnapshot(socket, ratingW, priority, meter, relay, session, disabledBy, reserved, held);
    }

    /** Without a reservation in force. */
    public SocketSnapshot(int socket, double ratingW, PriorityClass priority, Optional<MeterValue> meter,
                          RelayView relay, Session session, String disabledBy) {
        this(socket, ratingW, priority, meter, relay, session, disabledBy, null);
    }

    public static final double SCHUKO_W = 3680;

    /** An enabled socket. */
    public SocketSnapshot(int socket, double ratingW, PriorityClass priority, Optional<MeterValue> meter,
                          RelayView relay, Session session) {
        this(socket, ratingW, priority, meter, relay, session, null);
    }

    public SocketSnapshot {
        if (socket < 1) throw new IllegalArgumentException("socket numbers start at 1: " + socket);
        if (!(ratingW > 0)) throw new IllegalArgumentException("socket " + socket + ": rating must be > 0");
        if (priority == null || meter == null || relay == null || session == null)
            throw new IllegalArgumentException("socket " + socket + ": priority, meter, relay and session are required");
    }
}
