package org.microsmartgrid.building.notify;

import java.lang.reflect.Proxy;
import java.util.Map;

/** An {@link AlarmMailConfig} as DS would build it: the given properties (by method name), else the defaults. */
final class Configs {
    private Configs() {
    }

    static AlarmMailConfig config(Map<String, Object> values) {
        return (AlarmMailConfig) Proxy.newProxyInstance(AlarmMailConfig.class.getClassLoader(),
                new Class<?>[] {AlarmMailConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) return AlarmMailConfig.class;
                    if (values.containsKey(method.getName())) return values.get(method.getName());
                    if (method.getDefaultValue() != null) return method.getDefaultValue();
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
