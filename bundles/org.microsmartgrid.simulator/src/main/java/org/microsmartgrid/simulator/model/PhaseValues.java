package org.microsmartgrid.simulator.model;

/**
 * What a meter measures on one phase. Active power is signed (for the grid meter: import positive, export negative);
 * current and apparent power are magnitudes; the power factor carries the sign of the active power, as Eastron
 * meters report it.
 */
public record PhaseValues(double voltage, double current, double activePower, double apparentPower,
                          double reactivePower, double powerFactor) {

    /** The phase's values from its voltage and the active and reactive power flowing through it. */
    public static PhaseValues of(double voltage, double activeW, double reactiveVar) {
        double apparent = Math.hypot(activeW, reactiveVar);
        double pf = apparent == 0 ? 1 : activeW / apparent;
        return new PhaseValues(voltage, apparent / voltage, activeW, apparent, reactiveVar, pf);
    }
}
