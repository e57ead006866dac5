package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.time.Instant;

import org.microsmartgrid.api.meter.Quality;

/**
 * One power value as the balancer sees it.
 *
 * @param powerW  active power in W (sign as the meter's role defines it); meaningless unless GOOD
 * @param quality whether the value may be used
 * @param at      when the device measured it (the sample's capture time, not the last poll attempt)
 */
public record MeterValue(double powerW, Quality quality, Instant at) {

    public MeterValue {
        if (quality == null || at == null) throw new IllegalArgumentException("a meter value needs its quality and time");
    }

    public static MeterValue good(double powerW, Instant at) {
        return new MeterValue(powerW, Quality.GOOD, at);
    }

    public static MeterValue failed(Instant at) {
        return new MeterValue(0, Quality.FAILED, at);
    }

    public boolean isGood() {
        return quality == Quality.GOOD && Double.isFinite(powerW);
    }

    public Duration age(Instant now) {
        return Duration.between(at, now);
    }
}
