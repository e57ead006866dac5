package org.microsmartgrid.simulator;

import java.lang.reflect.Proxy;
import java.util.Map;

/** The component's configuration as DS would hand it over: the annotation's defaults, overridden by properties. */
final class Configs {
    private Configs() {
    }

    static SimulatedBuildingConfig config(Map<String, Object> properties) {
        return (SimulatedBuildingConfig) Proxy.newProxyInstance(Configs.class.getClassLoader(),
                new Class<?>[] {SimulatedBuildingConfig.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "annotationType": return SimulatedBuildingConfig.class;
                        case "toString": return "config" + properties;
                        case "hashCode": return properties.hashCode();
                        case "equals": return proxy == args[0];
                        default:
                            String property = method.getName().replace('_', '.'); // DS maps bind_host to bind.host
                            return properties.containsKey(property) ? properties.get(property) : method.getDefaultValue();
                    }
                });
    }
}
