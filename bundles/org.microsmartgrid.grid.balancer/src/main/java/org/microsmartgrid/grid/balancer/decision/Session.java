package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;
import org.microsmartgrid.api.control.SessionMode;

/**
 * The charging session on a socket, as far as balancing is concerned.
 *
 * @param mode        what the driver asked for
 * @param since       when the session started waiting (plug-in, or start of the default daily session)
 * @param targetWh    SOLAR_AND_CHEAP: the energy wanted by the deadline
 * @param deadline    SOLAR_AND_CHEAP: when the energy is wanted; null for other modes
 * @param deliveredWh the energy delivered so far in this session
 */
public record Session(SessionMode mode, Instant since, double targetWh, Instant deadline, double deliveredWh) {

    public Session {
        if (mode == null) throw new IllegalArgumentException("a session needs a mode");
        if (mode == SessionMode.SOLAR_AND_CHEAP && (deadline == null || !(targetWh >= 0)))
            throw new IllegalArgumentException("SOLAR_AND_CHEAP needs a target energy and a deadline");
        if (!(deliveredWh >= 0)) throw new IllegalArgumentException("delivered energy must be >= 0");
    }

    public static Session none() {
        return new Session(SessionMode.NONE, null, 0, null, 0);
    }

    public static Session now(Instant since) {
        return new Session(SessionMode.NOW, since, 0, null, 0);
    }

    public static Session solarOnly(Instant since) {
        return new Session(SessionMode.SOLAR_ONLY, since, 0, null, 0);
    }

    public static Session solarAndCheap(Instant since, double targetWh, Instant deadline, double deliveredWh) {
        return new Session(SessionMode.SOLAR_AND_CHEAP, since, targetWh, deadline, deliveredWh);
    }

    public double remainingWh() {
        return Math.max(0, targetWh - deliveredWh);
    }
}
