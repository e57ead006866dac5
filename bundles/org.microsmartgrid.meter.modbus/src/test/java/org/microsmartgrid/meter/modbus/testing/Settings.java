package org.microsmartgrid.meter.modbus.testing;

import java.util.HashMap;
import java.util.Map;

import org.microsmartgrid.meter.modbus.config.BusSettings;
import org.microsmartgrid.meter.modbus.config.MeterSettings;
import org.microsmartgrid.meter.modbus.config.ModbusBusConfig;
import org.microsmartgrid.meter.modbus.config.ModbusMeterConfig;
import org.microsmartgrid.testing.ComponentConfigs;

/** Validated settings for tests, from a few properties on top of the defaults. */
public final class Settings {
    private Settings() {
    }

    public static BusSettings tcpBus(String busId, int port, int timeoutMs) {
        return BusSettings.from(ComponentConfigs.of(ModbusBusConfig.class, Map.of("bus.id", busId, "transport", "TCP",
                "host", "127.0.0.1", "port", port, "timeout.ms", timeoutMs, "backoff.max.ms", 1000)));
    }

    /** A meter on bus "test" with the given properties (meter.id defaults to "m1"). */
    public static MeterSettings meter(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        m.put("meter.id", "m1");
        m.put("bus.id", "test");
        m.put("bus.target", "(bus.id=test)");
        m.put("meter.role", "GRID"); // required: tests that need another role say so
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return MeterSettings.from(ComponentConfigs.of(ModbusMeterConfig.class, m));
    }
}
