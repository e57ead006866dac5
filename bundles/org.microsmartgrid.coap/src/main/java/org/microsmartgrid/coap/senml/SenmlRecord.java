package org.microsmartgrid.coap.senml;

/**
 * One SenML record (RFC 8428) with exactly one value: a number with its unit, a boolean or a string. The name is
 * relative to the pack's base name.
 */
public record SenmlRecord(String name, String unit, Double value, Boolean boolValue, String stringValue) {

    public SenmlRecord {
        int values = (value != null ? 1 : 0) + (boolValue != null ? 1 : 0) + (stringValue != null ? 1 : 0);
        if (name == null || name.isEmpty() || values != 1)
            throw new IllegalArgumentException("a SenML record needs a name and exactly one value");
        if (value != null && !Double.isFinite(value)) throw new IllegalArgumentException(name + ": not a finite number");
    }

    public static SenmlRecord number(String name, String unit, double value) {
        return new SenmlRecord(name, unit, value, null, null);
    }

    public static SenmlRecord bool(String name, boolean value) {
        return new SenmlRecord(name, null, null, value, null);
    }

    public static SenmlRecord string(String name, String value) {
        return new SenmlRecord(name, null, null, null, value);
    }
}
