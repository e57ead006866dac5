package org.microsmartgrid.meter.modbus.testing;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * A DS component property type (a config annotation) backed by a map, as SCR builds it: property names follow the
 * DS mapping (meter_id -> meter.id), missing keys fall back to the annotation defaults.
 */
public final class Configs {
    private Configs() {
    }

    public static <A> A of(Class<A> type, Map<String, ?> values) {
        Map<String, Object> copy = new HashMap<>(values);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            switch (m.getName()) {
                case "annotationType": return type;
                case "toString": return type.getSimpleName() + copy;
                case "hashCode": return copy.hashCode();
                case "equals": return proxy == args[0];
                default:
            }
            String key = propertyName(m);
            Object v = copy.containsKey(key) ? copy.get(key) : m.getDefaultValue();
            return coerce(v, m);
        }));
    }

    static String propertyName(Method m) {
        return m.getName().replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }

    private static Object coerce(Object v, Method m) {
        Class<?> t = m.getReturnType();
        if (v == null) {
            if (t == int.class) return 0;
            if (t == boolean.class) return false;
            if (t.isArray()) return Array.newInstance(t.getComponentType(), 0);
            return null;
        }
        if (t == int.class && v instanceof Number n) return n.intValue();
        if (t == String.class) return v.toString();
        return v;
    }
}
