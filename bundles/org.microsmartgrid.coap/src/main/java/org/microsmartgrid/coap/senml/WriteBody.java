package org.microsmartgrid.coap.senml;

import java.util.Map;

/**
 * A parsed write body: each field's value (Double, Boolean or String) and, for SenML records that carry one, its
 * unit exactly as sent (RFC 8428 §12.1 and RFC 8798 symbols such as "W", "kW", "s", "min", "h").
 */
public record WriteBody(Map<String, Object> values, Map<String, String> units) {

    public WriteBody {
        values = Map.copyOf(values);
        units = Map.copyOf(units);
    }

    public Object get(String field) {
        return values.get(field);
    }

    /** The unit sent with a field, or null when none was. */
    public String unit(String field) {
        return units.get(field);
    }
}
