package org.microsmartgrid.simulator.model;

/**
 * A socket's single-phase meter, with what only the simulator knows: whether the contact is closed and what is plugged.
 *
 * @param socket         socket number
 * @param phase          the phase the socket is wired to
 * @param values         voltage, current and power as the meter measures them (consumption positive)
 * @param frequency      Hz
 * @param importKwh      energy delivered through the socket since the meter was installed
 * @param exportKwh      energy fed back (always 0: chargers do not feed back, but the register exists)
 * @param contactClosed  the relay contact feeding the socket is closed
 * @param vehicle        what is plugged in, or null
 * @param socPercent     the plugged vehicle's state of charge (0..100), 0 when nothing is plugged
 */
public record SocketMeterValues(int socket, PhaseConnection phase, PhaseValues values, double frequency,
                                double importKwh, double exportKwh, boolean contactClosed,
                                VehicleClass vehicle, double socPercent) {

    public double powerW() {
        return values.activePower();
    }

    public double totalKwh() {
        return importKwh + exportKwh;
    }
}
