package org.microsmartgrid.simulator.model;

/**
 * A light-vehicle charger as seen from the socket: constant current (constant power at the socket) up to about 80%
 * state of charge, then a constant-voltage taper in which the current falls as the battery fills, and nothing once
 * the battery is full. The taper follows the square root of the charge still missing: it reaches zero in finite time
 * (the charger stops, as real ones do at their termination current) and lasts about half as long as the
 * constant-current phase, so an e-bike takes the usual 4–5 hours from empty.
 */
public final class Charger {
    /** State of charge (0..1) where the constant-voltage phase starts. */
    public static final double TAPER_START = 0.80;
    /** Socket-to-battery efficiency of a small switched-mode charger. */
    public static final double EFFICIENCY = 0.85;

    private Charger() {
    }

    /** Power drawn from the socket at a state of charge (0..1) while the contact is closed. */
    public static double powerW(VehicleClass vehicle, double stateOfCharge) {
        if (stateOfCharge >= 1) return 0;
        if (stateOfCharge <= TAPER_START) return vehicle.chargerW();
        return vehicle.chargerW() * Math.sqrt((1 - stateOfCharge) / (1 - TAPER_START));
    }

    /** The state of charge after drawing {@code powerW} from the socket for {@code seconds}; never above 1. */
    public static double charge(VehicleClass vehicle, double stateOfCharge, double powerW, double seconds) {
        double storedWh = powerW * EFFICIENCY * seconds / 3600;
        return Math.min(1, stateOfCharge + storedWh / vehicle.batteryWh());
    }
}
