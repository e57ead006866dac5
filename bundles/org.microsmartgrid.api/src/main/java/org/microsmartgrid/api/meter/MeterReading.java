package org.microsmartgrid.api.meter;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest known state of one meter. Immutable: a new reading replaces the old one.
 *
 * @param meterId  the configured id of the meter (unique on the module)
 * @param role     where the meter sits
 * @param socket   the socket number for {@link MeterRole#SOCKET} meters, 0 otherwise
 * @param quality  whether the values may be used
 * @param at       when the quality was last assessed (the last poll attempt)
 * @param values   the last good value of each channel, with its own capture time
 * @param error    why the quality is not GOOD, or null
 */
public record MeterReading(String meterId, MeterRole role, int socket, Quality quality, Instant at,
                           Map<Channel, Sample> values, String error) {

    public MeterReading {
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
    }

    /** A meter that has not answered yet. */
    public static MeterReading none(String meterId, MeterRole role, int socket, Instant at) {
        return new MeterReading(meterId, role, socket, Quality.FAILED, at, Map.of(), "no reading yet");
    }

    /** The value of a channel, only when the reading is GOOD. */
    public Optional<Double> good(Channel channel) {
        if (quality != Quality.GOOD) return Optional.empty();
        Sample s = values.get(channel);
        return s == null ? Optional.empty() : Optional.of(s.value());
    }

    public boolean isGood() {
        return quality == Quality.GOOD;
    }
}
