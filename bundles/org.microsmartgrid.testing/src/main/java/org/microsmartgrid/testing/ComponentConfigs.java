package org.microsmartgrid.testing;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.microsmartgrid.api.config.AnnotationCheck;

/**
 * A component's configuration annotation ({@code @ObjectClassDefinition} or component property type) built from
 * properties the way the runtime builds it, so that a test reads each value as the running component would. Properties
 * are given by their property names, as in a {@code .config} file or Configuration Admin ({@code contract.power.w},
 * not the method name {@code contract_power_w}); the conversion is OSGi's standard converter with Declarative
 * Services' rules:
 * <ul>
 * <li>method names map to property names ({@code _} → {@code .}, {@code __} → {@code _}, {@code $_$} → {@code -});
 * <li>a missing property takes the annotation's default (in the runtime bnd writes the defaults into the component
 * description);
 * <li>values convert to the method's type: {@code "3000"} → {@code 3000}, a single value → a one-element array, a
 * list → an array, text → an enum constant;
 * <li>a missing property without a default reads as 0, false, null or an empty array, as in Felix SCR (the converter
 * alone would throw {@code ConversionException: No value for property});
 * <li>a value that does not convert throws {@code org.osgi.util.converter.ConversionException} when its method is
 * called, not when the configuration is built (the runtime throws a {@code ComponentException} there).
 * </ul>
 * An enum a method returns must be public (the converter reads its constants by reflection); the components' are.
 * A hand-written proxy would hide exactly the differences these rules make (a misspelled property silently at its
 * default in the runtime, a number given as text); {@code ComponentConfigsTest} checks them against Felix SCR.
 */
public final class ComponentConfigs {
    private ComponentConfigs() {
    }

    /**
     * The configuration from these properties (by property name), the rest at the annotation's defaults. A property
     * whose value is null is absent (Configuration Admin holds no null values). The properties are copied: changing
     * the map later does not change the configuration.
     */
    public static <A> A of(Class<A> type, Map<String, ?> properties) {
        Map<String, Object> present = new HashMap<>();
        properties.forEach((name, value) -> {
            if (value != null) present.put(name, value);
        });
        return AnnotationCheck.configuration(type, Collections.unmodifiableMap(present));
    }

    /** The configuration from property name, value pairs: {@code of(BalancerConfig.class, "contract.power.w", 3000)}. */
    public static <A> A of(Class<A> type, Object... nameValuePairs) {
        return of(type, properties(nameValuePairs));
    }

    /** A mutable map of property name, value pairs, for a test that adds to a base configuration. */
    public static Map<String, Object> properties(Object... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0)
            throw new IllegalArgumentException("property names and values come in pairs: " + nameValuePairs.length);
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) properties.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        return properties;
    }
}
