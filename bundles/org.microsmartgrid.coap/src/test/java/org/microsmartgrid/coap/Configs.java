package org.microsmartgrid.coap;

import org.microsmartgrid.coap.config.CoapConfig;
import org.microsmartgrid.testing.ComponentConfigs;

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
        Map<String, Object> values = new HashMap<>(Map.of("bind.address", "127.0.0.1", "coap.port", 0,
                "coaps.port", 0, "observe.max.age.s", 86_400, "senml.base.name", BASE_NAME));
        values.putAll(ComponentConfigs.properties(keyValues));
        return ComponentConfigs.of(CoapConfig.class, values);
    }
}
