package org.microsmartgrid.grid.balancer.decision;

/** The bounds the battery set-point stays within. */
public record BatteryLimits(double minSocPercent, double maxSocPercent, double maxChargeW, double maxDischargeW) {

    public static final BatteryLimits DEFAULT = new BatteryLimits(20, 95, 2500, 2500);

    public BatteryLimits {
        if (!(minSocPercent >= 0 && minSocPercent < maxSocPercent && maxSocPercent <= 100))
            throw new IllegalArgumentException("battery SoC bounds need 0 <= min < max <= 100");
        if (!(maxChargeW >= 0 && maxDischargeW >= 0)) throw new IllegalArgumentException("battery powers must be >= 0");
    }
}
