package org.microsmartgrid.city.kapua;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A component's configuration annotation with these values (by method name), the rest at their defaults. */
public final class Configs {

    private Configs() {
    }

    @SuppressWarnings("unchecked")
    public static <A> A of(Class<A> type, Map<String, Object> values) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (values.containsKey(m.getName())) return values.get(m.getName());
            if (m.getDefaultValue() != null) return m.getDefaultValue();
            if (m.getName().equals("annotationType")) return type;
            throw new IllegalStateException("no value for " + m.getName());
        });
    }
}
