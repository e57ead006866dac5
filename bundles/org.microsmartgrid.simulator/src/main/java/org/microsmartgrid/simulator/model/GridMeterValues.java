package org.microsmartgrid.simulator.model;

import java.util.List;

/**
 * The three-phase meter at the grid connection (import positive, export negative).
 *
 * @param phases     L1, L2, L3
 * @param frequency  Hz
 * @param importKwh  energy imported from the grid since the meter was installed
 * @param exportKwh  energy exported to the grid since the meter was installed
 */
public record GridMeterValues(List<PhaseValues> phases, double frequency, double importKwh, double exportKwh) {
    public GridMeterValues {
        phases = List.copyOf(phases);
        if (phases.size() != 3) throw new IllegalArgumentException("a grid meter has three phases");
    }

    /** Phase 1, 2 or 3. */
    public PhaseValues phase(int number) {
        return phases.get(number - 1);
    }

    public double totalPower() {
        return phases.stream().mapToDouble(PhaseValues::activePower).sum();
    }

    public double totalApparentPower() {
        return phases.stream().mapToDouble(PhaseValues::apparentPower).sum();
    }

    public double totalReactivePower() {
        return phases.stream().mapToDouble(PhaseValues::reactivePower).sum();
    }

    /** Total active over total apparent power, signed by the direction of the active power (Eastron's convention). */
    public double powerFactor() {
        double apparent = totalApparentPower();
        return apparent == 0 ? 1 : totalPower() / apparent;
    }

    /** Eastron's "total active energy": import plus export. */
    public double totalKwh() {
        return importKwh + exportKwh;
    }
}
