package org.microsmartgrid.coap;

import org.microsmartgrid.coap.config.CoapConfig;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** A CoapConfig as DS would build it from a configuration: the given properties, the rest at their defaults. */
final class Configs {

    private Configs() {
    }

    static final String BASE_NAME = "urn:dev:mac:0024befffe804ff1:";

    /**
     * Loopback, free ports, a huge max age (no renewal notifications during a test), a fixed SenML base name, the
     * given overrides.
     */
    static CoapConfig test(Object... keyValues) {
        Map<String, Object> values = new HashMap<>(Map.of("bind_address", "127.0.0.1", "coap_port", 0,
                "coaps_port", 0, "observe_max_age_s", 86_400, "senml_base_name", BASE_NAME));
        for (int i = 0; i < keyValues.length; i += 2) values.put((String) keyValues[i], keyValues[i + 1]);
        return (CoapConfig) Proxy.newProxyInstance(CoapConfig.class.getClassLoader(), new Class<?>[]{CoapConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> CoapConfig.class;
                    case "toString" -> "CoapConfig" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
    }
}
