package org.microsmartgrid.city.stats.cer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A member line of a community's configuration: {@code account/clientId;joined;left;name}, dates as YYYY-MM-DD,
 * {@code left} and {@code name} may be empty. Example: {@code milano/msg-0007;2026-01-01;;Scuola Manzoni}.
 */
public final class Members {

    private Members() {
    }

    /** @throws IllegalArgumentException with what is wrong in the line */
    public static Member parse(String line) {
        if (line == null) throw new IllegalArgumentException("empty member line");
        String[] p = line.split(";", -1);
        if (p.length < 2 || p.length > 4)
            throw new IllegalArgumentException("member line must be account/clientId;joined;left;name: " + line);
        try {
            LocalDate joined = LocalDate.parse(p[1].strip());
            LocalDate left = p.length > 2 && !p[2].isBlank() ? LocalDate.parse(p[2].strip()) : null;
            String name = p.length > 3 ? p[3].strip() : null;
            return new Member(p[0].strip(), name, joined, left);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("member line has a date that is not YYYY-MM-DD: " + line, e);
        }
    }
}
