package org.microsmartgrid.meter.modbus.device;

import java.time.Instant;

import org.microsmartgrid.api.meter.Channel;

/**
 * One channel as the device answered it, before plausibility checks.
 *
 * @param channel  the measurement
 * @param value    the scaled value (may be NaN or absurd: the device said so)
 * @param absent   the device reports the value as not available (SunSpec "not implemented")
 * @param register where it came from, for error messages ("input register 0x0034")
 * @param at       when the reply carrying it arrived
 */
public record Decoded(Channel channel, double value, boolean absent, String register, Instant at) {
    public static Decoded absent(Channel channel, String register, Instant at) {
        return new Decoded(channel, Double.NaN, true, register, at);
    }
}
