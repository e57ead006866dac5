package org.microsmartgrid.cloud.management.conf;

import java.util.List;

/**
 * One {@code <esf:property>}: values as text, with Kura's type name.
 *
 * @param values one value when not an array (empty when the property has no value)
 */
public record EsfProperty(String name, String type, boolean array, boolean encrypted, List<String> values) {

    public EsfProperty {
        values = List.copyOf(values);
    }
}
