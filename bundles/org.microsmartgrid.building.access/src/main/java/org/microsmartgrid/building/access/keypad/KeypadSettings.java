package org.microsmartgrid.building.access.keypad;

import java.time.Duration;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/** A Wiegand keypad's configuration, validated: the door it opens, its two data lines, its timing. */
public record KeypadSettings(String doorId, int d0Bcm, int d1Bcm, Duration frameGap, Duration entryTimeout) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /** The raw configuration, as Declarative Services hands it over. */
    public record Raw(String doorId, String d0Pin, String d1Pin, int frameGapMs, int entryTimeoutSeconds) {
    }

    /**
     * @param resolve a pin setting (BCM number or board channel) to its BCM number, failing with the problem
     * @throws IllegalArgumentException naming the configuration and the property
     */
    public static KeypadSettings validate(String pid, Raw r, ToIntFunction<String> resolve) {
        String id = r.doorId() == null ? "" : r.doorId().strip();
        if (!ID.matcher(id).matches()) throw bad(pid, "door.id", "= '" + id + "': the id of a door of this module "
                + "(1-32 lowercase letters, digits, '-', e.g. portone)");
        int d0 = pin(pid, "d0.pin", r.d0Pin(), resolve);
        int d1 = pin(pid, "d1.pin", r.d1Pin(), resolve);
        if (d0 == d1) throw bad(pid, "d1.pin", "is BCM " + d1 + ", the same pin as d0.pin: D0 and D1 are two wires");
        if (r.frameGapMs() < 5 || r.frameGapMs() > 1000)
            throw bad(pid, "frame.gap.ms", "= " + r.frameGapMs() + ": 5..1000");
        if (r.entryTimeoutSeconds() < 1 || r.entryTimeoutSeconds() > 120)
            throw bad(pid, "entry.timeout.seconds", "= " + r.entryTimeoutSeconds() + ": 1..120");
        return new KeypadSettings(id, d0, d1, Duration.ofMillis(r.frameGapMs()),
                Duration.ofSeconds(r.entryTimeoutSeconds()));
    }

    /** Same pins: only the door or the timing changed, the keypad keeps its lines. */
    public boolean samePins(KeypadSettings o) {
        return d0Bcm == o.d0Bcm && d1Bcm == o.d1Bcm;
    }

    private static int pin(String pid, String property, String value, ToIntFunction<String> resolve) {
        if (value == null || value.isBlank()) throw bad(pid, property, "is empty: the BCM number or board channel "
                + "of the keypad's " + property.substring(0, 2).toUpperCase(java.util.Locale.ROOT) + " wire");
        try {
            return resolve.applyAsInt(value.strip());
        } catch (IllegalArgumentException e) {
            throw bad(pid, property, "= '" + value + "': " + e.getMessage());
        }
    }

    static IllegalArgumentException bad(String pid, String property, String problem) {
        return new IllegalArgumentException("configuration " + pid + ": property '" + property + "' " + problem);
    }
}
