package org.microsmartgrid.api.config;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;
import java.util.function.Function;

import org.osgi.util.converter.ConversionException;
import org.osgi.util.converter.Converters;

/**
 * A {@link ConfigurationCheck} for a component whose configuration is a Metatype annotation type: the properties are
 * turned into the annotation as Declarative Services does (OSGi's standard converter: {@code contract_power_w} reads
 * {@code contract.power.w}, a missing property takes the annotation's default, text converts to numbers), then
 * given to the component's own validator, which throws {@link IllegalArgumentException} naming what is wrong.
 *
 * @param <A> the component's configuration annotation
 */
public final class AnnotationCheck<A> implements ConfigurationCheck {
    private final Class<A> type;
    private final Consumer<A> validator;

    /**
     * @param type      the configuration annotation ({@code @ObjectClassDefinition})
     * @param validator the component's own validation, the one it runs when activated; throws on a bad value
     */
    public AnnotationCheck(Class<A> type, Consumer<A> validator) {
        this.type = type;
        this.validator = validator;
    }

    @Override
    public List<String> problems(Map<String, Object> properties) {
        A config;
        try {
            config = configuration(type, properties);
        } catch (ConversionException e) {
            return List.of(e.getMessage());
        }
        List<String> wrongTypes = unreadable(type, config, properties::get);
        if (!wrongTypes.isEmpty()) return wrongTypes;
        try {
            validator.accept(config);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
    }

    /**
     * Reads every value of a configuration object (the converter's, or Declarative Services' own, both convert
     * lazily) and names each property whose value does not convert to its method's type — which the runtime reports
     * without saying which property it was.
     *
     * @param raw the raw value of a property, for the message
     * @return one line per such property: {@code unit.id = 'abc' is not a valid int}
     */
    public static <A> List<String> unreadable(Class<A> type, A config, Function<String, Object> raw) {
        List<String> wrongTypes = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
            if (m.getParameterCount() != 0) continue;
            try {
                m.invoke(config);
            } catch (InvocationTargetException e) {
                String key = propertyName(m.getName());
                wrongTypes.add(key + " = '" + text(raw.apply(key)) + "' is not a valid "
                        + m.getReturnType().getSimpleName());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return wrongTypes;
    }

    /**
     * The configuration object Declarative Services would hand to the component for these properties: OSGi's standard
     * converter reads each method's property ({@code contract_power_w} reads {@code contract.power.w}, text converts
     * to numbers, a single value to a one-element array, a missing property takes the annotation's default), and
     * where the converter would refuse a method whose property is absent and that has no default, Declarative
     * Services (Felix SCR) returns 0, false, null or an empty array and leaves it to the component: so does this
     * object. Values convert when read: a value of the wrong type throws {@link ConversionException} from its method.
     *
     * @param type       the configuration annotation ({@code @ObjectClassDefinition}) or component property type
     * @param properties the component's properties, by property name ({@code contract.power.w})
     */
    @SuppressWarnings("unchecked")
    public static <A> A configuration(Class<A> type, Map<String, ?> properties) {
        A converted = Converters.standardConverter().convert(properties).to(type);
        // the converter's object is a proxy too: asked through its handler, which works for a type not public
        InvocationHandler converter = Proxy.getInvocationHandler(converted);
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == type && method.getParameterCount() == 0
                    && method.getDefaultValue() == null && properties.get(propertyName(method.getName())) == null) {
                return emptyValue(method.getReturnType());
            }
            return converter.invoke(converted, method, args);
        });
    }

    private static Object emptyValue(Class<?> type) {
        if (type.isArray()) return Array.newInstance(type.getComponentType(), 0);
        if (!type.isPrimitive()) return null;
        if (type == boolean.class) return false;
        if (type == char.class) return '\0';
        return Converters.standardConverter().convert(0).to(type);
    }

    /** The property a method reads, by Declarative Services' rules (OSGi Compendium 112.8.2.2). */
    static String propertyName(String method) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (c == '$' && method.startsWith("$_$", i)) {
                out.append('-');
                i += 2;
            } else if (c == '$' && method.startsWith("$$", i)) {
                out.append('$');
                i++;
            } else if (c == '$') {
                continue;
            } else if (c == '_' && method.startsWith("__", i)) {
                out.append('_');
                i++;
            } else if (c == '_') {
                out.append('.');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String text(Object value) {
        if (value == null || !value.getClass().isArray()) return String.valueOf(value);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < Array.getLength(value); i++) items.add(String.valueOf(Array.get(value, i)));
        return String.join(",", items);
    }
}
