package org.microsmartgrid.simulator.model;

/**
 * One charging socket of the simulated building.
 *
 * @param socket            the socket number (1..n), as the relays and the meters know it
 * @param phase             the phase it is wired to (a socket is single-phase)
 * @param vehicle           the vehicle plugged in at start, or null for an empty socket
 * @param socPercent        its state of charge at start, 0..100
 */
public record SocketSetup(int socket, PhaseConnection phase, VehicleClass vehicle, double socPercent) {
    public SocketSetup {
        if (socket < 1) throw new IllegalArgumentException("socket numbers start at 1, got " + socket);
        if (phase == null || !phase.singlePhase()) throw new IllegalArgumentException("socket " + socket + " must be on L1, L2 or L3");
        if (!(socPercent >= 0 && socPercent <= 100)) throw new IllegalArgumentException("socket " + socket + ": state of charge must be within 0..100 %, got " + socPercent);
    }

    /** Socket n on phase L1, L2, L3, L1, … in turn: how an electrician spreads single-phase sockets. */
    public static PhaseConnection defaultPhase(int socket) {
        return PhaseConnection.values()[(socket - 1) % 3];
    }
}
