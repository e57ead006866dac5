package org.microsmartgrid.simulator.model;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Everything the simulated building's meters show at one simulated instant. Immutable.
 *
 * @param at          simulated time
 * @param buildingW   the building's own load (everything but the sockets)
 * @param grid        the grid-connection meter: building + sockets - PV, per phase
 * @param pv          the PV inverter
 * @param sockets     one per socket, in socket order
 */
public record SiteSnapshot(Instant at, double buildingW, GridMeterValues grid, PvValues pv, List<SocketMeterValues> sockets) {
    public SiteSnapshot {
        sockets = List.copyOf(sockets);
    }

    public SocketMeterValues socket(int number) {
        return sockets.stream().filter(s -> s.socket() == number).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no socket " + number));
    }

    public double socketsW() {
        return sockets.stream().mapToDouble(SocketMeterValues::powerW).sum();
    }
}
