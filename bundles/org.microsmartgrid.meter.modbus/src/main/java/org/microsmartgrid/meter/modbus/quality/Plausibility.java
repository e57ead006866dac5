package org.microsmartgrid.meter.modbus.quality;

import java.util.Optional;

import org.microsmartgrid.api.meter.Channel;

/**
 * Physical bounds of the values a building's meter can report. A value outside them is not a measurement but a
 * broken device, a wrong register map or a garbled reply: the reading then fails instead of steering the loop.
 */
public final class Plausibility {
    /** More than any building connection (the largest Italian low-voltage contracts are in the tens of kW). */
    public static final double MAX_POWER_W = 1_000_000;
    public static final double MAX_VOLTAGE_V = 1_000;
    public static final double MAX_CURRENT_A = 10_000;
    public static final double MIN_FREQUENCY_HZ = 40;
    public static final double MAX_FREQUENCY_HZ = 70;
    /** 1 TWh: an energy counter beyond this is garbage. */
    public static final double MAX_ENERGY_WH = 1e12;
    /** Power factor may read a hair above 1 on cheap meters. */
    public static final double MAX_POWER_FACTOR = 1.01;

    private Plausibility() {
    }

    /** Why the value cannot be right, or empty when it can. */
    public static Optional<String> check(Channel channel, double value) {
        if (Double.isNaN(value)) return Optional.of("not a number (NaN)");
        if (Double.isInfinite(value)) return Optional.of("infinite");
        return switch (channel) {
            case ACTIVE_POWER, ACTIVE_POWER_L1, ACTIVE_POWER_L2, ACTIVE_POWER_L3 ->
                    Math.abs(value) > MAX_POWER_W ? Optional.of("beyond +-1 MW") : Optional.empty();
            case VOLTAGE_L1, VOLTAGE_L2, VOLTAGE_L3 ->
                    value < 0 || value > MAX_VOLTAGE_V ? Optional.of("outside 0..1000 V") : Optional.empty();
            case CURRENT_L1, CURRENT_L2, CURRENT_L3 ->
                    Math.abs(value) > MAX_CURRENT_A ? Optional.of("beyond +-10 kA") : Optional.empty();
            case FREQUENCY -> value < MIN_FREQUENCY_HZ || value > MAX_FREQUENCY_HZ
                    ? Optional.of("outside 40..70 Hz") : Optional.empty();
            case POWER_FACTOR -> Math.abs(value) > MAX_POWER_FACTOR ? Optional.of("outside -1..1") : Optional.empty();
            case IMPORT_ENERGY, EXPORT_ENERGY, TOTAL_ENERGY ->
                    value < 0 || value > MAX_ENERGY_WH ? Optional.of("outside 0..1 TWh") : Optional.empty();
            case STATE_OF_CHARGE -> value < 0 || value > 100 ? Optional.of("outside 0..100 %") : Optional.empty();
        };
    }

    /**
     * A frequency of exactly 0 means "no voltage to measure" (an inverter asleep at night, a dead phase): the
     * channel is then absent rather than nonsense.
     */
    public static boolean meansAbsent(Channel channel, double value) {
        return channel == Channel.FREQUENCY && value == 0.0;
    }
}
