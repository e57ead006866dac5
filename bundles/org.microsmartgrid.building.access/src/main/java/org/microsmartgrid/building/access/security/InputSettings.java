package org.microsmartgrid.building.access.security;

import java.time.Duration;
import java.util.Locale;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/** A security input's configuration, validated. */
public record InputSettings(String id, InputType type, int bcm, boolean activeLow, Duration debounce) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /** @throws IllegalArgumentException naming the configuration and the property */
    public static InputSettings validate(String pid, String id, String type, String pin, boolean activeLow,
                                         int debounceMs, ToIntFunction<String> resolve) {
        String i = id == null ? "" : id.strip();
        if (!ID.matcher(i).matches()) throw bad(pid, "input.id", "= '" + i + "': 1-32 lowercase letters, digits, '-'");
        InputType t;
        try {
            t = InputType.valueOf(type == null ? "" : type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(pid, "type", "= '" + type + "': CONTACT, PIR, TAMPER, SMOKE or FLOOD");
        }
        int bcm;
        try {
            bcm = resolve.applyAsInt(pin);
        } catch (IllegalArgumentException e) {
            throw bad(pid, "pin", "= '" + pin + "': " + e.getMessage());
        }
        if (debounceMs < 20 || debounceMs > 10_000) throw bad(pid, "debounce.ms", "= " + debounceMs + ": 20..10000");
        return new InputSettings(i, t, bcm, activeLow, Duration.ofMillis(debounceMs));
    }

    private static IllegalArgumentException bad(String pid, String property, String problem) {
        return new IllegalArgumentException("configuration " + pid + ": property '" + property + "' " + problem);
    }
}
