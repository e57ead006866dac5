package org.microsmartgrid.api.storage;

import java.time.Instant;

/**
 * What a steerable battery is doing as far as the module knows.
 *
 * @param batteryId      configured id
 * @param maxChargeW     the largest charge power it accepts, W (positive)
 * @param maxDischargeW  the largest discharge power it accepts, W (positive)
 * @param exportAllowed  whether a discharge may push power into the grid (else the caller must cap it)
 * @param setpointW      the set-point last written, W (+ discharge, − charge); 0 in automatic mode
 * @param validUntil     when that set-point expires unless renewed; null in automatic mode
 * @param source         who wrote it; null in automatic mode
 * @param fault          null when healthy; otherwise why the battery cannot be steered (e.g. the last write failed)
 */
public record BatteryControlState(String batteryId, double maxChargeW, double maxDischargeW, boolean exportAllowed,
                                  double setpointW, Instant validUntil, String source, String fault) {

    /** Whether a set-point is in force at {@code now} (else the battery runs its own automatic mode). */
    public boolean controlled(Instant now) {
        return validUntil != null && now.isBefore(validUntil);
    }
}
