package org.microsmartgrid.simulator.model;

/**
 * Light electric vehicles (and cars) as they charge from a domestic socket: typical battery capacity and the power
 * their charger draws from the socket (DESIGN.md §4). A wheelchair's charger is small and charges overnight; a car
 * on a Schuko socket is limited to 8–10 A.
 */
public enum VehicleClass {
    /** 36 V, 400–750 Wh; charger 2–6 A out, about 80–250 W from the socket; 3–7 h. */
    EBIKE(500, 150),
    /** Kick scooter, 250–500 Wh, about 70–100 W. */
    SCOOTER(360, 85),
    /** Power wheelchair / mobility aid, 24 V 1–2 kWh, 50–250 W chargers, overnight. */
    WHEELCHAIR(1500, 200),
    /** Electric moped (L1e), 1.5–3 kWh with a 500–800 W off-board charger. */
    MOPED(2000, 600),
    /** A car on its portable Schuko cable: 1.8–2.3 kW (8–10 A). */
    CAR(40_000, 2200);

    private final double batteryWh;
    private final double chargerW;

    VehicleClass(double batteryWh, double chargerW) {
        this.batteryWh = batteryWh;
        this.chargerW = chargerW;
    }

    public double batteryWh() {
        return batteryWh;
    }

    /** What the charger draws from the socket in its constant-current phase. */
    public double chargerW() {
        return chargerW;
    }
}
