package org.microsmartgrid.simulator.model;

import java.util.List;

/**
 * The PV inverter's AC side (production positive).
 *
 * @param connection      balanced three-phase, or a single-phase inverter on one phase
 * @param phases          L1, L2, L3 (zero current on phases a single-phase inverter does not feed)
 * @param powerW          total AC power
 * @param frequency       Hz
 * @param energyWh        lifetime AC energy
 * @param cabinetCelsius  cabinet temperature: warmer when producing
 */
public record PvValues(PhaseConnection connection, List<PhaseValues> phases, double powerW, double frequency,
                       double energyWh, double cabinetCelsius) {
    public PvValues {
        phases = List.copyOf(phases);
    }

    public PhaseValues phase(int number) {
        return phases.get(number - 1);
    }

    /**
     * The inverter's own phase A, B or C (1..3). A single-phase inverter has only phase A, which is the grid phase it
     * is wired to.
     */
    public PhaseValues inverterPhase(int number) {
        if (connection.singlePhase()) {
            if (number != 1) throw new IllegalArgumentException("a single-phase inverter has only phase A");
            return phases.get(connection.ordinal());
        }
        return phase(number);
    }

    public double totalCurrent() {
        return phases.stream().mapToDouble(PhaseValues::current).sum();
    }

    /** Whether the inverter is feeding power (SunSpec MPPT) or asleep (night). */
    public boolean producing() {
        return powerW > 0;
    }
}
