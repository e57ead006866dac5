package org.microsmartgrid.meter.modbus;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.storage.BatteryResult;
import org.microsmartgrid.meter.modbus.battery.StorageDevice;
import org.microsmartgrid.meter.modbus.battery.StoragePoints;
import org.microsmartgrid.meter.modbus.config.ConfigException;
import org.microsmartgrid.meter.modbus.config.ModbusBatteryConfig;
import org.microsmartgrid.meter.modbus.config.ModbusBusConfig;
import org.microsmartgrid.meter.modbus.testing.Await;
import org.microsmartgrid.testing.ComponentConfigs;
import org.microsmartgrid.meter.modbus.testing.Slave;

/** The DS component driven by hand as SCR would: a bus, a battery on it, set-points reaching the device, release. */
class ModbusBatteryTest {
    private static final int UNIT = 4;
    private Slave slave;
    private ModbusBus bus;

    @BeforeEach
    void start() throws Exception {
        slave = Slave.start();
        StorageDevice.write(slave, UNIT, 4000, 0, -2, 24);
        bus = new ModbusBus();
        bus.activate(ComponentConfigs.of(ModbusBusConfig.class, Map.of("bus.id", "house", "transport", "TCP",
                "host", "127.0.0.1", "port", slave.port(), "timeout.ms", 2000)));
    }

    @AfterEach
    void stop() {
        bus.deactivate();
        slave.close();
    }

    private static ModbusBatteryConfig config(Object... kv) {
        Map<String, Object> m = new HashMap<>(Map.of("battery.id", "home", "bus.id", "house",
                "bus.target", "(bus.id=house)", "unit.id", UNIT, "max.charge.w", 2000, "max.discharge.w", 1500));
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return ComponentConfigs.of(ModbusBatteryConfig.class, m);
    }

    @Test
    void aSetPointReachesTheDeviceAndDeactivationGivesItBackItsAutomaticMode() {
        ModbusBattery b = new ModbusBattery();
        b.setBus(bus);
        b.activate(config());
        assertEquals("home", b.id());
        assertFalse(b.state().exportAllowed(), "export is off unless configured");
        BatteryResult r = b.apply(-1000, Duration.ofSeconds(2), "balancer");
        assertEquals(BatteryResult.Outcome.APPLIED, r.outcome());
        Await.until("controlled", () -> StorageDevice.word(slave, UNIT, StoragePoints.STOR_CTL_MOD) == 3);
        assertEquals(2500, StorageDevice.word(slave, UNIT, StoragePoints.IN_W_RTE), "25.00 % of 4000 W");
        assertEquals(BatteryResult.Outcome.CLAMPED, b.apply(3000, Duration.ofSeconds(2), "balancer").outcome(),
                "above max.discharge.w");
        b.deactivate();
        Await.until("automatic", () -> StorageDevice.word(slave, UNIT, StoragePoints.STOR_CTL_MOD) == 0);
    }

    @Test
    void aBatteryBoundToAnotherBusThanItsBusIdIsRefusedWithTheFix() {
        ModbusBattery b = new ModbusBattery();
        b.setBus(bus);
        ConfigException e = assertThrows(ConfigException.class, () -> b.activate(config("bus.id", "roof")));
        assertTrue(e.getMessage().contains("(bus.id=roof)"), e.getMessage());
    }

    @Test
    void badLimitsAreRefusedNamingTheProperty() {
        ModbusBattery b = new ModbusBattery();
        b.setBus(bus);
        ConfigException e = assertThrows(ConfigException.class, () -> b.activate(config("max.charge.w", 0)));
        assertTrue(e.getMessage().contains("max.charge.w"), e.getMessage());
    }
}
