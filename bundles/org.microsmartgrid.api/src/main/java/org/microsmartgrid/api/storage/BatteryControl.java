package org.microsmartgrid.api.storage;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A home battery the module can steer.
 *
 * <p>Every set-point expires: when nobody renews it within {@code validFor}, the battery returns to its own automatic
 * mode (the device's revert timer where it has one). The control loop renews its set-point every cycle, so a loop
 * that dies leaves the battery in the installer's automatic mode, never stuck charging or discharging.
 */
@ProviderType
public interface BatteryControl {
    String id();

    /** The battery's limits and what was last written. */
    BatteryControlState state();

    /**
     * Asks the battery to charge or discharge.
     *
     * @param setpointW + discharge, − charge, W; 0 asks it to idle
     * @param validFor  how long the set-point holds without renewal (positive)
     * @param source    who asks (for the log), e.g. "balancer"
     * @return applied as asked, clamped to the battery's limits, or refused with the reason (nothing changed)
     */
    BatteryResult apply(double setpointW, Duration validFor, String source);

    /** Gives the battery back to its own automatic mode at once (used when the loop stops). */
    BatteryResult release(String source);
}
