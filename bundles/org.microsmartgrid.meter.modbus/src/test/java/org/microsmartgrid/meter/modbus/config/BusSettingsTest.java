package org.microsmartgrid.meter.modbus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.testing.ComponentConfigs;

class BusSettingsTest {
    private static BusSettings parse(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return BusSettings.from(ComponentConfigs.of(ModbusBusConfig.class, m));
    }

    private static String problem(Object... kv) {
        return assertThrows(ConfigException.class, () -> parse(kv)).getMessage();
    }

    @Test
    void defaultsAreAnRs485LineAtEastronSettings() {
        BusSettings s = parse();
        assertEquals(Transport.RTU, s.transport());
        assertEquals("default (RTU /dev/ttyUSB0 9600 8N1)", s.describe());
        assertEquals("gw (TCP 10.0.0.5:502)", parse("bus.id", "gw", "transport", "tcp", "host", "10.0.0.5").describe());
    }

    @Test
    void eachBadPropertyIsNamed() {
        assertTrue(problem("transport", "UDP").contains("transport: unknown transport 'UDP'"));
        assertTrue(problem("transport", "TCP").contains("host is required for transport TCP"));
        assertTrue(problem("transport", "RTU_OVER_TCP", "host", "h", "port", 0).contains("port = 0 is out of range 1..65535"));
        assertTrue(problem("serial.port", " ").contains("serial.port is required for transport RTU"));
        assertTrue(problem("parity", "MARK").contains("parity: unknown parity 'MARK'"));
        assertTrue(problem("data.bits", 9).contains("data.bits = 9"));
        assertTrue(problem("stop.bits", 3).contains("stop.bits = 3"));
        assertTrue(problem("timeout.ms", 0).contains("timeout.ms = 0"));
        assertTrue(problem("retries", 9).contains("retries = 9"));
        assertTrue(problem("bus.id", "a(b)").contains("bus.id = 'a(b)' may only contain"));
    }

    @Test
    void timeoutChangesKeepTheConnection() {
        BusSettings a = parse("transport", "TCP", "host", "h");
        assertTrue(a.sameConnection(parse("transport", "TCP", "host", "h", "timeout.ms", 50)));
        assertFalse(a.sameConnection(parse("transport", "TCP", "host", "h2")));
    }
}
