package org.microsmartgrid.coap.server;

import java.util.Map;

/**
 * The SenML units a write may use (RFC 8428 §12.1, RFC 8798), converted to the W and s the loop works in. A value
 * without a unit is in W or s, as documented; any other unit is refused with its name, never ignored: a cap sent as
 * {@code "u":"kW","v":3} once became a 3 W cap.
 */
final class Units {

    private static final Map<String, Double> POWER = Map.of("W", 1.0, "kW", 1000.0);
    private static final Map<String, Double> DURATION = Map.of("s", 1.0, "ms", 0.001, "min", 60.0, "h", 3600.0);

    private Units() {
    }

    static double watts(String field, double value, String unit) {
        return convert(field, value, unit, POWER, "W or kW");
    }

    static double seconds(String field, double value, String unit) {
        return convert(field, value, unit, DURATION, "s, ms, min or h");
    }

    /** A value that only makes sense without a unit or in the one given (e.g. seconds since the epoch). */
    static void only(String field, String unit, String allowed) {
        if (unit != null && !unit.equals(allowed))
            throw new IllegalArgumentException("unit " + quoted(unit) + " not supported for " + field + ": use " + allowed);
    }

    private static double convert(String field, double value, String unit, Map<String, Double> factors, String allowed) {
        if (unit == null) return value;
        Double factor = factors.get(unit);
        if (factor == null)
            throw new IllegalArgumentException("unit " + quoted(unit) + " not supported for " + field + ": use " + allowed);
        return value * factor;
    }

    /** The unit as sent, quoted and cut short: it comes from the client and goes back in a diagnostic payload. */
    private static String quoted(String unit) {
        String u = unit.length() > 16 ? unit.substring(0, 16) + "…" : unit;
        return "\"" + u.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
