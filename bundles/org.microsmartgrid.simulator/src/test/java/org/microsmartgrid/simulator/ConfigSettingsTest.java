package org.microsmartgrid.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.simulator.server.SimulatorSettings;

import java.util.Map;
import org.microsmartgrid.testing.ComponentConfigs;

class ConfigSettingsTest {

    @Test
    void theMetatypeDefaultsAreTheSimulatorDefaults() {
        assertEquals(SimulatorSettings.defaults(), ConfigSettings.from(ComponentConfigs.of(SimulatedBuildingConfig.class)));
    }

    @Test
    void everyPropertyReachesTheSettings() {
        SimulatorSettings s = ConfigSettings.from(ComponentConfigs.of(SimulatedBuildingConfig.class, Map.ofEntries(
                Map.entry("bind.host", "0.0.0.0"), Map.entry("port", 1502), Map.entry("seed", 9L),
                Map.entry("time.speed", 60.0), Map.entry("start.time", "2025-06-21T12:00"), Map.entry("refresh.ms", 250),
                Map.entry("pv.peak.w", 6000.0), Map.entry("cloudiness", 0.0), Map.entry("pv.phase", "L2"),
                Map.entry("building.base.w", 300.0), Map.entry("building.peak.w", 1500.0), Map.entry("building.phase", "L1"),
                Map.entry("load.extra.w", 100.0), Map.entry("sockets", new String[] {"1=CAR:5"}),
                Map.entry("grid.unit.id", 5), Map.entry("pv.unit.id", 6), Map.entry("socket.unit.id.base", 20),
                Map.entry("faults", new String[] {"pv=FROZEN"}))));
        assertEquals("0.0.0.0", s.bindHost());
        assertEquals(1502, s.port());
        assertEquals(9, s.seed());
        assertEquals(60, s.timeSpeed());
        assertEquals("2025-06-21T10:00:00Z", s.startTime().toString());
        assertEquals(250, s.refreshPeriod().toMillis());
        assertEquals(6000, s.site().pvPeakW());
        assertEquals(0, s.site().cloudiness());
        assertEquals("L2", s.site().pvPhase().name());
        assertEquals(300, s.site().buildingBaseW());
        assertEquals(1500, s.site().buildingPeakW());
        assertEquals("L1", s.site().buildingPhase().name());
        assertEquals(100, s.site().extraLoadW());
        assertEquals(1, s.sockets().size());
        assertEquals(5, s.gridUnitId());
        assertEquals(6, s.pvUnitId());
        assertEquals(21, s.socketUnitId(1));
        assertEquals(Map.of(6, org.microsmartgrid.simulator.modbus.DeviceFault.FROZEN), s.faults());
    }

    @Test
    void badConfigurationNamesTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigSettings.from(ComponentConfigs.of(SimulatedBuildingConfig.class,
                        "sockets", new String[] {"1=HORSE:10"})));
        assertTrue(e.getMessage().startsWith("sockets: '1=HORSE:10': unknown vehicle class 'HORSE'"), e.getMessage());
    }
}
