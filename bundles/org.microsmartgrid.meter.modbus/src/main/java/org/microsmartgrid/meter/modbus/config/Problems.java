package org.microsmartgrid.meter.modbus.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Collects what is wrong with a configuration so that one exception can list all of it. */
final class Problems {
    /** Ids end up in LDAP filters, log lines and topics: keep them to safe characters. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final List<String> list = new ArrayList<>();

    void add(String problem) {
        list.add(problem);
    }

    void id(String property, String value) {
        if (value == null || value.isBlank()) add(property + " is required");
        else if (!ID.matcher(value).matches())
            add(property + " = '" + value + "' may only contain letters, digits, '_', '-' and '.' (at most 64)");
    }

    void range(String property, long value, long min, long max) {
        if (value < min || value > max) add(property + " = " + value + " is out of range " + min + ".." + max);
    }

    void atLeast(String property, long value, long min) {
        if (value < min) add(property + " = " + value + " must be at least " + min);
    }

    /** Parses a choice; records the problem and returns null when the value is unknown. */
    <T> T choice(String property, String value, Function<String, T> parser) {
        try {
            return parser.apply(value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            add(property + ": " + e.getMessage());
            return null;
        }
    }

    void throwIfAny() {
        if (!list.isEmpty()) throw new ConfigException(list);
    }
}
