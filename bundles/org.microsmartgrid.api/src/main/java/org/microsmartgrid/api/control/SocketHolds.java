package org.microsmartgrid.api.control;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Service: an installer's manual hold per socket, so that switching a relay by hand and the control loop never fight
 * over it. Registered by the component that runs the loop, next to {@link SiteControl}; callers (the web console)
 * authenticate the actor first.
 *
 * <p>The loop takes a hold as an input of its decision: a socket held OFF stays off (reason {@code MANUAL_HOLD_OFF},
 * switched off at once, like a disabled socket); a socket held ON is switched on (reason {@code MANUAL_HOLD_ON}) only
 * when the grid limit has room for it and no safety rule forbids it — a lost grid or socket meter, an import over the
 * limit, a relay fault or a disabled socket still switch it off, under their own reason. The loop renews a held ON
 * with its own short lease, so a loop that stops leaves the socket off.
 *
 * <p>A hold is a lease too: it ends by itself at {@link SocketHold#until()} (at most {@link #MAX_LENGTH} after it was
 * asked), so a forgotten hold never keeps a socket powered. Holds live in memory only: a restart of the module (or of
 * the loop's component) ends every hold. To keep a socket off across restarts, disable it ({@link SiteControl}).
 */
@ProviderType
public interface SocketHolds {

    /** The length a hold gets when the caller does not choose one. */
    Duration DEFAULT_LENGTH = Duration.ofMinutes(15);

    /** The longest hold one request may ask for; ask again to go on. */
    Duration MAX_LENGTH = Duration.ofHours(4);

    /** The holds in force now, by socket (an expired hold is not returned). */
    List<SocketHold> holds();

    /**
     * Holds a socket ON or OFF until now + length; replaces the socket's hold in force, if any. The loop runs a cycle
     * at once.
     *
     * @throws IllegalArgumentException an unknown socket, a length not in (0, {@link #MAX_LENGTH}], a blank actor.
     *                                  Nothing changes then.
     */
    SocketHold hold(int socket, boolean on, Duration length, String actor);

    /**
     * Releases a socket's hold: the loop decides for it again from the next cycle (run at once).
     *
     * @return false when the socket had no hold in force
     */
    boolean release(int socket, String actor);
}
