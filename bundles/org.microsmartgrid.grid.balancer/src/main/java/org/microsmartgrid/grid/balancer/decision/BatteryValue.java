package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;

import org.microsmartgrid.api.meter.Quality;

/**
 * The site's stationary battery.
 *
 * @param socPercent state of charge, 0..100
 * @param powerW     discharge positive (into the building), charge negative
 */
public record BatteryValue(double socPercent, double powerW, Quality quality, Instant at) {

    public static BatteryValue good(double socPercent, double powerW, Instant at) {
        return new BatteryValue(socPercent, powerW, Quality.GOOD, at);
    }

    public boolean isGood() {
        return quality == Quality.GOOD && Double.isFinite(powerW) && socPercent >= 0 && socPercent <= 100;
    }
}
