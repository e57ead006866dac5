package org.microsmartgrid.building.access.decision;

import java.util.Optional;

/** A code is exactly 8 decimal digits: what a keypad can type, 10^8 possibilities against a throttled guesser. */
public final class CodeFormat {
    public static final int DIGITS = 8;

    private CodeFormat() {
    }

    /** The code without surrounding blanks, or empty when it is not 8 digits (then it cannot match anything). */
    public static Optional<String> normalise(String entered) {
        if (entered == null) return Optional.empty();
        String c = entered.strip();
        if (c.length() != DIGITS) return Optional.empty();
        for (int i = 0; i < c.length(); i++) if (c.charAt(i) < '0' || c.charAt(i) > '9') return Optional.empty();
        return Optional.of(c);
    }
}
