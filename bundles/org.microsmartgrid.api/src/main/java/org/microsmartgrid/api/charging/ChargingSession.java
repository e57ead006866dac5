package org.microsmartgrid.api.charging;

import java.time.Instant;
import java.util.UUID;

/**
 * One charging session on one socket: open while {@code ended} is null, then a closed record.
 *
 * @param id        unique id, stable across restarts of the module
 * @param socket    socket number, 1..n
 * @param mode      how to charge
 * @param targetWh  SOLAR_AND_CHEAP: the energy wanted by the deadline, Wh; 0 for other modes
 * @param deadline  SOLAR_AND_CHEAP: when the energy is wanted; null for other modes
 * @param started   when the session started
 * @param ended     when it ended; null while open
 * @param energyWh  energy delivered so far, Wh
 * @param solarWh   the part of {@code energyWh} covered locally (solar, or a battery) rather than by grid import, Wh
 * @param costEur   grid energy cost so far at the tariff band prices, EUR (the whole energy is priced, solar included:
 *                  it is what the energy would have cost from the grid)
 * @param endReason why it ended: {@link ChargingSessions#UNPLUGGED} or {@link ChargingSessions#STOPPED} (older
 *                  records may hold the reason once given to stop); null while open
 * @param startedBy who started it: "plug" (detected from the socket's power) or "token:" + the first 8 hex digits of
 *                  the token's SHA-256 (never the token itself)
 * @param endedBy   who stopped it ({@code "kapua:tech-01"}, {@code "coap:bms-1"}, ...) when it was STOPPED; null
 *                  while open and when it ended by itself (UNPLUGGED)
 */
public record ChargingSession(UUID id, int socket, ChargingMode mode, double targetWh, Instant deadline,
                              Instant started, Instant ended, double energyWh, double solarWh, double costEur,
                              String endReason, String startedBy, String endedBy) {

    /** A session nobody stopped (open, or ended by itself). */
    public ChargingSession(UUID id, int socket, ChargingMode mode, double targetWh, Instant deadline, Instant started,
                           Instant ended, double energyWh, double solarWh, double costEur, String endReason,
                           String startedBy) {
        this(id, socket, mode, targetWh, deadline, started, ended, energyWh, solarWh, costEur, endReason, startedBy,
                null);
    }

    public ChargingSession {
        if (id == null || mode == null || started == null || startedBy == null)
            throw new IllegalArgumentException("a session needs an id, a mode, a start time and who started it");
        if (socket < 1) throw new IllegalArgumentException("socket must be >= 1, got " + socket);
        // a session opened by plugging in follows the socket's configured mode, target and deadline included (the
        // balancer's): it records the mode, not a target of its own
        if (mode == ChargingMode.SOLAR_AND_CHEAP && !ChargingSessions.PLUG.equals(startedBy)
                && (deadline == null || !(targetWh > 0)))
            throw new IllegalArgumentException("SOLAR_AND_CHEAP needs a target energy > 0 Wh and a deadline");
    }

    public boolean open() {
        return ended == null;
    }
}
