package org.microsmartgrid.cloud.management.conf;

import java.util.List;

/**
 * One attribute of a component's metatype, as CONF-V1 shows it ({@code <ocd:AD>}) and validates against it.
 *
 * @param type        Kura's type name: String, Long, Double, Float, Integer, Byte, Char, Boolean, Short, Password
 * @param cardinality 0 = one value; n &gt; 0 = an array of at most n; n &lt; 0 = a vector of at most -n
 * @param min         lowest value (the length for String/Password), or null
 * @param max         highest value (the length for String/Password), or null
 */
public record AttributeInfo(String id, String name, String description, String type, int cardinality,
                            boolean required, List<String> defaults, String min, String max, List<Option> options) {

    public AttributeInfo {
        defaults = defaults == null ? List.of() : List.copyOf(defaults);
        options = options == null ? List.of() : List.copyOf(options);
    }

    public record Option(String label, String value) {
    }

    public boolean isPassword() {
        return "Password".equals(type);
    }

    public boolean multiValued() {
        return cardinality != 0;
    }

    /** The most values allowed (Integer.MAX_VALUE or its negative mean unbounded). */
    public int maxValues() {
        return cardinality == 0 ? 1 : Math.abs(cardinality);
    }
}
