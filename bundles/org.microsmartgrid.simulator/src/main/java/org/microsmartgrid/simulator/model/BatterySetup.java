package org.microsmartgrid.simulator.model;

/**
 * A home battery in the simulated building (three-phase, balanced).
 *
 * @param capacityWh     usable energy
 * @param maxChargeW     the largest charge power (also its SunSpec WChaMax)
 * @param maxDischargeW  the largest discharge power
 * @param socPercent     state of charge at start
 * @param reservePercent its own automatic mode never discharges below this
 */
public record BatterySetup(double capacityWh, double maxChargeW, double maxDischargeW, double socPercent,
                           double reservePercent) {
    public BatterySetup {
        if (!(capacityWh > 0 && capacityWh <= 1_000_000)) throw new IllegalArgumentException("battery.capacity.wh must be within 0..1000000 (exclusive 0), got " + capacityWh);
        if (!(maxChargeW > 0 && maxChargeW <= 30_000)) throw new IllegalArgumentException("battery.max.charge.w must be within 1..30000, got " + maxChargeW);
        if (!(maxDischargeW > 0 && maxDischargeW <= 30_000)) throw new IllegalArgumentException("battery.max.discharge.w must be within 1..30000, got " + maxDischargeW);
        if (!(socPercent >= 0 && socPercent <= 100)) throw new IllegalArgumentException("battery.soc must be within 0..100 %, got " + socPercent);
        if (!(reservePercent >= 0 && reservePercent <= 100)) throw new IllegalArgumentException("battery reserve must be within 0..100 %, got " + reservePercent);
    }
}
