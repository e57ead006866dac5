package org.microsmartgrid.meter.modbus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.meter.modbus.profiles.Profile;
import org.microsmartgrid.testing.ComponentConfigs;

class MeterSettingsTest {
    private static MeterSettings parse(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("meter.id", "grid");
        m.put("meter.role", "GRID"); // required: tests that need another role say so
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return MeterSettings.from(ComponentConfigs.of(ModbusMeterConfig.class, m));
    }

    private static String problem(Object... kv) {
        return assertThrows(ConfigException.class, () -> parse(kv)).getMessage();
    }

    @Test
    void defaultsMakeAnSdm630GridMeter() {
        MeterSettings s = parse();
        assertEquals(Profile.SDM630, s.profile());
        assertEquals(MeterRole.GRID, s.role());
        assertEquals(1, s.unitId());
        assertEquals(new MeterSettings.Timing(250, 10_000, 1000, 2), s.timing());
        assertEquals(40000, s.sunspecBaseAddress());
        assertEquals("(bus.id=default)", s.expectedBusTarget());
    }

    @Test
    void eachBadPropertyIsNamed() {
        assertTrue(problem("profile", "SDM999").contains("profile: unknown profile 'SDM999'"));
        assertTrue(problem("unit.id", 0).contains("unit.id = 0 is out of range 1..247"));
        assertTrue(problem("unit.id", 248).contains("unit.id = 248 is out of range 1..247"));
        assertTrue(problem("meter.role", "SOCKET").contains("meter.socket must be > 0 for meter.role SOCKET"));
        assertTrue(problem("meter.socket", 2).contains("meter.socket = 2 is only allowed for meter.role SOCKET"));
        assertTrue(problem("meter.role", "GARAGE").contains("unknown role 'GARAGE'"));
        // docs/meters.md's PV example copied without its role line must not become a second grid meter
        assertTrue(problem("meter.role", null).contains("meter.role is required"), problem("meter.role", null));
        assertTrue(problem("meter.role", " ").contains("meter.role is required"));
        assertTrue(problem("sunspec.base.address", 70000).contains("sunspec.base.address = 70000 is out of range 0..65535"));
        assertTrue(problem("meter.id", "").contains("meter.id is required"));
        assertTrue(problem("meter.id", "grid meter").contains("meter.id = 'grid meter' may only contain"));
        assertTrue(problem("poll.fast.ms", 0).contains("poll.fast.ms = 0 must be at least 10"));
        assertTrue(problem("failed.after.errors", 0).contains("failed.after.errors"));
    }

    @Test
    void allProblemsAreListedTogether() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("unit.id", 300, "profile", "X"));
        assertEquals(2, e.problems().size());
    }

    @Test
    void genericNeedsAValidMapAndOthersMustNotHaveOne() {
        assertTrue(problem("profile", "GENERIC").contains("registers: a GENERIC meter needs at least one entry"));
        String bad = problem("profile", "GENERIC", "registers", new String[] {"ACTIVE_POWER;0x0C;INPUT;FLOAT32", "VOLTS;0;INPUT;INT16"});
        assertTrue(bad.contains("registers: entry 2 'VOLTS;0;INPUT;INT16': unknown channel 'VOLTS'"), bad);
        assertTrue(problem("registers", new String[] {"ACTIVE_POWER;0x0C;INPUT;FLOAT32"})
                .contains("registers are only used by profile GENERIC"));
        MeterSettings ok = parse("profile", "generic", "registers", new String[] {"ACTIVE_POWER;0x0C;INPUT;FLOAT32"});
        assertEquals(1, ok.genericMap().points().size());
    }

    @Test
    void aSocketMeterNeedsItsSocket() {
        MeterSettings s = parse("meter.role", "socket", "meter.socket", 3);
        assertEquals(MeterRole.SOCKET, s.role());
        assertEquals(3, s.socket());
    }

    @Test
    void onlyTimingChangesKeepTheDevice() {
        MeterSettings a = parse();
        assertTrue(a.sameDevice(parse("poll.fast.ms", 500, "stale.after.ms", 3000)));
        assertFalse(a.sameDevice(parse("unit.id", 2)));
        assertFalse(a.sameDevice(parse("profile", "SDM120")));
    }
}
