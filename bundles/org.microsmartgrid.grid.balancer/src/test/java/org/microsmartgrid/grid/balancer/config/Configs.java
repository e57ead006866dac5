package org.microsmartgrid.grid.balancer.config;

import java.util.Map;

import org.microsmartgrid.testing.ComponentConfigs;

/** A {@link BalancerConfig} as DS builds it from ConfigAdmin properties ({@link ComponentConfigs}). */
public final class Configs {

    private Configs() {
    }

    public static BalancerConfig of(Map<String, Object> properties) {
        return ComponentConfigs.of(BalancerConfig.class, properties);
    }

    /** A minimal valid configuration: a 3 kW home, plus the given properties. */
    public static BalancerConfig home(Object... keyValues) {
        Map<String, Object> p = ComponentConfigs.properties("contract.power.w", 3000);
        p.putAll(ComponentConfigs.properties(keyValues));
        return of(p);
    }
}
