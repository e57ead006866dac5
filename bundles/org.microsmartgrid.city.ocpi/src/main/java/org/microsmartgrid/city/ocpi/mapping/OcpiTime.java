package org.microsmartgrid.city.ocpi.mapping;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * OCPI DateTime (types, "DateTime"): RFC 3339 in UTC, at most 25 characters, "Z" or nothing at the end ("+00:00 is
 * not the same as UTC"), fractional seconds allowed.
 */
public final class OcpiTime {

    private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z?");

    private OcpiTime() {
    }

    /** Epoch ms as OCPI writes it, e.g. 2015-06-29T20:39:09Z or 2016-12-29T17:45:09.200Z. */
    public static String format(long epochMillis) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.MILLIS));
    }

    /** Epoch ms of an OCPI DateTime; IllegalArgumentException when it is not one. */
    public static long parse(String s) {
        if (s == null || s.length() > 25 || !FORM.matcher(s).matches())
            throw new IllegalArgumentException("not an OCPI DateTime (e.g. 2019-01-28T12:00:00Z)");
        try {
            String local = s.endsWith("Z") ? s.substring(0, s.length() - 1) : s;
            return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a valid date and time: " + e.getMessage());
        }
    }
}
