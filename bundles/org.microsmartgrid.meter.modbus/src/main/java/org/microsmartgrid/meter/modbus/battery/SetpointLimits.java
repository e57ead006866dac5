package org.microsmartgrid.meter.modbus.battery;

import org.microsmartgrid.api.storage.BatteryResult;

/**
 * What a battery accepts: charge up to maxChargeW, discharge up to maxDischargeW (the smaller of the configured and
 * the device's limits). A set-point beyond is clamped; one that is not a number is refused.
 */
public record SetpointLimits(double maxChargeW, double maxDischargeW) {

    public BatteryResult check(double setpointW) {
        if (!Double.isFinite(setpointW)) return BatteryResult.refused(setpointW, "set-point is not a number: " + setpointW);
        if (setpointW < -maxChargeW)
            return BatteryResult.clamped(setpointW, -maxChargeW, "charge limited to " + fmt(maxChargeW) + " W");
        if (setpointW > maxDischargeW)
            return BatteryResult.clamped(setpointW, maxDischargeW, "discharge limited to " + fmt(maxDischargeW) + " W");
        return BatteryResult.applied(setpointW);
    }

    public SetpointLimits within(double deviceMaxW) {
        return new SetpointLimits(Math.min(maxChargeW, deviceMaxW), Math.min(maxDischargeW, deviceMaxW));
    }

    private static String fmt(double w) {
        return String.valueOf(Math.round(w));
    }
}
