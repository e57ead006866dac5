package org.microsmartgrid.grid.balancer.config;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a {@link BalancerConfig} the way DS does from ConfigAdmin properties: a property named "a.b.c" is the
 * method a_b_c(); a missing one takes the annotation's default (0 / null when it has none).
 */
public final class Configs {

    private Configs() {
    }

    public static BalancerConfig of(Map<String, Object> properties) {
        Map<String, Object> props = new HashMap<>(properties);
        return (BalancerConfig) Proxy.newProxyInstance(BalancerConfig.class.getClassLoader(),
                new Class<?>[] {BalancerConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) return method.invoke(props, args);
                    String key = method.getName().replace('_', '.');
                    Object value = props.containsKey(key) ? props.get(key) : method.getDefaultValue();
                    if (value == null) {
                        Class<?> t = method.getReturnType();
                        return t == int.class ? 0 : t == double.class ? 0.0 : t == boolean.class ? false : null;
                    }
                    return value;
                });
    }

    /** A minimal valid configuration: a 3 kW home, plus the given properties. */
    public static BalancerConfig home(Object... keyValues) {
        Map<String, Object> p = new HashMap<>();
        p.put("contract.power.w", 3000);
        for (int i = 0; i < keyValues.length; i += 2) p.put((String) keyValues[i], keyValues[i + 1]);
        return of(p);
    }
}
