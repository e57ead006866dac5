package org.microsmartgrid.api.storage;

/**
 * The outcome of a {@link BatteryControl#apply} or {@link BatteryControl#release}.
 *
 * @param outcome    what happened
 * @param requestedW the set-point asked for, W (+ discharge, − charge)
 * @param appliedW   the set-point the device got, W; 0 when refused or released
 * @param reason     for CLAMPED and REFUSED: why, for people; null otherwise
 */
public record BatteryResult(Outcome outcome, double requestedW, double appliedW, String reason) {
    public enum Outcome {
        /** Written as asked. */
        APPLIED,
        /** Written, limited to what the battery (or its configuration) allows. */
        CLAMPED,
        /** Nothing written: a bad request, a faulted battery or a failed write. */
        REFUSED
    }

    public static BatteryResult applied(double w) {
        return new BatteryResult(Outcome.APPLIED, w, w, null);
    }

    public static BatteryResult clamped(double requestedW, double appliedW, String reason) {
        return new BatteryResult(Outcome.CLAMPED, requestedW, appliedW, reason);
    }

    public static BatteryResult refused(double requestedW, String reason) {
        return new BatteryResult(Outcome.REFUSED, requestedW, 0, reason);
    }

    /** The device follows a set-point (as asked or clamped). */
    public boolean written() {
        return outcome != Outcome.REFUSED;
    }
}
