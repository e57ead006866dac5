package org.microsmartgrid.api.charging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Service: the charging sessions of the module's sockets. At most one open session per socket. The balancer uses the
 * open session's mode; without an open session a socket follows the balancer's configured default mode (so that a
 * vehicle plugged in draws power and is detected).
 */
@ProviderType
public interface ChargingSessions {

    /** End reason: the socket's power stayed below the plug threshold (vehicle unplugged or done). */
    String UNPLUGGED = "UNPLUGGED";
    /** End reason: stopped through this service ({@link #stop}); who did it is the session's {@code endedBy}. */
    String STOPPED = "STOPPED";
    /** {@code startedBy} of sessions started by detecting power on a socket. */
    String PLUG = "plug";

    /** The open session on a socket, if any. Cheap: the balancer calls it every cycle. */
    Optional<ChargingSession> active(int socket);

    /**
     * Starts a session with an authorized token. A session that was started by plug detection on that socket is taken
     * over (mode, target and deadline change, its energy so far is kept); a token-started one makes the socket busy.
     *
     * @param targetWh SOLAR_AND_CHEAP: energy wanted, Wh (> 0); ignored otherwise
     * @param deadline SOLAR_AND_CHEAP: when it is wanted; ignored otherwise
     * @param token    the driver's token, as presented (checked against the configured SHA-256 hashes)
     * @return the open session, once it is stored
     * @throws SecurityException        the token is not authorized
     * @throws IllegalStateException    the socket has a token-started session already
     * @throws IllegalArgumentException bad socket, mode, target or deadline
     */
    ChargingSession start(int socket, ChargingMode mode, double targetWh, Instant deadline, String token);

    /**
     * Starts a session for a caller that authorized the driver itself: a city technician through Kapua (whose rights
     * the cloud checked), a building system over DTLS, an installer in the web console. Same rules as {@link #start}
     * otherwise; the session's {@code startedBy} is {@code "remote:" + actor}.
     *
     * @param actor who asks, e.g. "kapua:tech-01" (not blank; logged and stored)
     * @throws IllegalStateException    the socket has a token-started or remote session already
     * @throws IllegalArgumentException bad socket, mode, target, deadline or actor
     */
    ChargingSession startRemote(int socket, ChargingMode mode, double targetWh, Instant deadline, String actor);

    /**
     * Ends the open session of a socket: its end reason is {@link #STOPPED}, and who stopped it is kept in
     * {@link ChargingSession#endedBy()} (the actor is not a reason: the city counts reasons).
     *
     * @param actor who stops it, e.g. "kapua:tech-01" (logged and stored); null or blank: not known
     * @return the closed record, once it is stored; empty when the socket had no open session
     */
    Optional<ChargingSession> stop(int socket, String actor);

    /**
     * Whether the socket is held off after a session on it was stopped (by the driver, remotely) while the vehicle
     * may still be plugged in: it gets no power by default and plug detection does not start a new session, until a
     * new session is started or the hold ends. Cheap: the balancer calls it every cycle.
     */
    default boolean held(int socket) {
        return false;
    }

    /** The latest sessions, open and closed, newest start first, at most {@code limit}. */
    List<ChargingSession> recent(int limit);

    /**
     * The latest trips of the shared fleet's vehicles (those with a home socket), newest departure first, at most
     * {@code limit}; none when no fleet vehicle is configured.
     *
     * @since 1.3.0
     */
    default List<FleetTrip> trips(int limit) {
        return List.of();
    }
}
