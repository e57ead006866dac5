package org.microsmartgrid.city.ocpi.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * OCPI GeoLocation strings: decimal degrees with 5 to 7 decimals ("-?[0-9]{1,2}\.[0-9]{5,7}" for latitude). A value
 * stored with fewer decimals (a provider who chose to show an approximate position) is padded with zeros, never made
 * more precise; one with more is rounded to 7 (about 1 cm).
 */
final class Coordinates {

    private Coordinates() {
    }

    static Optional<String> latitude(Double degrees) {
        return format(degrees, 90);
    }

    static Optional<String> longitude(Double degrees) {
        return format(degrees, 180);
    }

    private static Optional<String> format(Double degrees, int limit) {
        if (degrees == null || !Double.isFinite(degrees) || Math.abs(degrees) > limit) return Optional.empty();
        BigDecimal d = BigDecimal.valueOf(degrees).stripTrailingZeros();
        int scale = Math.max(5, Math.min(7, d.scale()));
        String s = d.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
        if (s.startsWith("-") && s.chars().skip(1).allMatch(c -> c == '0' || c == '.')) s = s.substring(1); // no "-0.00000"
        return Optional.of(s);
    }
}
