package org.microsmartgrid.meter.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterListener;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.meter.modbus.config.ConfigException;
import org.microsmartgrid.meter.modbus.config.ModbusBusConfig;
import org.microsmartgrid.meter.modbus.config.ModbusMeterConfig;
import org.microsmartgrid.meter.modbus.sunspec.SunSpecDevice;
import org.microsmartgrid.meter.modbus.testing.Await;
import org.microsmartgrid.testing.ComponentConfigs;
import org.microsmartgrid.meter.modbus.testing.RecordingListener;
import org.microsmartgrid.meter.modbus.testing.Slave;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The two DS components driven by hand the way SCR would drive them (bind, activate, modified, deactivate), against
 * a j2mod slave; no OSGi framework.
 */
class ComponentsTest {
    private Slave slave;
    private final List<Runnable> cleanup = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        slave = Slave.start();
        for (int unit : new int[] {5, 6}) {
            slave.inputFloat(unit, 0x0000, 230f);
            slave.inputFloat(unit, 0x000C, unit * 100f);
            slave.inputFloat(unit, 0x0046, 50f);
            slave.inputFloat(unit, 0x0048, 1.5f);
            slave.inputFloat(unit, 0x0156, 2f);
        }
    }

    @AfterEach
    void stop() {
        for (int i = cleanup.size() - 1; i >= 0; i--) cleanup.get(i).run();
        slave.close();
    }

    private ModbusBus bus(String id) {
        ModbusBus bus = new ModbusBus();
        bus.activate(ComponentConfigs.of(ModbusBusConfig.class, Map.of("bus.id", id, "transport", "TCP", "host", "127.0.0.1",
                "port", slave.port(), "timeout.ms", 2000)));
        cleanup.add(bus::deactivate);
        return bus;
    }

    private static Map<String, Object> meterConfig(String id, Object... kv) {
        Map<String, Object> m = new HashMap<>(Map.of("meter.id", id, "bus.id", "house", "bus.target", "(bus.id=house)",
                "unit.id", 5, "profile", "SDM120", "poll.fast.ms", 50, "poll.slow.ms", 200, "meter.role", "GRID"));
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private ModbusMeter meter(ModbusBus bus, Map<String, Object> config, MeterListener... listeners) {
        ModbusMeter meter = new ModbusMeter();
        meter.setBus(bus);
        for (MeterListener l : listeners) meter.addListener(l);
        meter.activate(ComponentConfigs.of(ModbusMeterConfig.class, config), Map.of("service.pid", ModbusMeterConfig.PID + "~" + config.get("meter.id")));
        cleanup.add(meter::deactivate);
        return meter;
    }

    @Test
    void aMeterReadsItsDeviceAndTellsEveryListenerEvenPastAThrowingOne() {
        ModbusBus bus = bus("house");
        RecordingListener first = new RecordingListener(), last = new RecordingListener();
        MeterListener broken = r -> {
            throw new IllegalStateException("listener bug");
        };
        ModbusMeter meter = meter(bus, meterConfig("grid"), first, broken, last);

        Await.until("a GOOD reading", () -> meter.reading().isGood(), () -> meter.reading().toString());
        assertEquals(500.0, meter.reading().good(Channel.ACTIVE_POWER).orElseThrow());
        Await.until("the energy counter", () -> meter.reading().good(Channel.IMPORT_ENERGY).isPresent());
        assertEquals(1500.0, meter.reading().good(Channel.IMPORT_ENERGY).orElseThrow());
        assertEquals("grid", meter.id());
        assertEquals(MeterRole.GRID, meter.role());
        assertEquals(0, meter.socket());
        Await.until("both listeners told", () -> first.lastIs(Quality.GOOD) && last.lastIs(Quality.GOOD));
        assertEquals("grid", last.last().meterId());
    }

    @Test
    void aSunSpecMeterDiscoversItsDeviceAndReadsItsMeterModel() {
        SunSpecDevice.write(slave, 3, 40000);
        ModbusMeter meter = meter(bus("house"), meterConfig("grid", "profile", "SUNSPEC", "unit.id", 3));
        Await.until("a GOOD reading", () -> meter.reading().isGood(), () -> meter.reading().toString());
        assertEquals(-1200.0, meter.reading().good(Channel.ACTIVE_POWER).orElseThrow(), "SunSpec meters: negative = export");
        Await.until("the import counter", () -> meter.reading().good(Channel.IMPORT_ENERGY).isPresent());
        assertEquals(98765.0, meter.reading().good(Channel.IMPORT_ENERGY).orElseThrow());
        assertTrue(meter.reading().good(Channel.EXPORT_ENERGY).isEmpty(), "not implemented on this device");
    }

    @Test
    void modifiedAppliesIntervalsLiveAndRestartsForANewDevice() {
        ModbusBus bus = bus("house");
        RecordingListener listener = new RecordingListener();
        ModbusMeter meter = meter(bus, meterConfig("grid", "poll.fast.ms", 60_000), listener);
        Await.until("first reading", () -> listener.readings.size() >= 1);
        // with a one-minute interval nothing more would come; the shortened interval applies at once
        meter.modified(ComponentConfigs.of(ModbusMeterConfig.class, meterConfig("grid", "poll.fast.ms", 20)), Map.of());
        Await.until("polls at the new interval", () -> listener.readings.size() >= 5);

        meter.modified(ComponentConfigs.of(ModbusMeterConfig.class, meterConfig("grid", "unit.id", 6, "poll.fast.ms", 20)), Map.of());
        Await.until("the new unit read", () -> meter.reading().good(Channel.ACTIVE_POWER).orElse(0.0) == 600.0,
                () -> meter.reading().toString());
    }

    @Test
    void deactivationStopsPollingAndTheBusThread() {
        ModbusBus bus = bus("stopme");
        RecordingListener listener = new RecordingListener();
        ModbusMeter meter = meter(bus, meterConfig("grid", "bus.id", "stopme", "bus.target", "(bus.id=stopme)"), listener);
        Await.until("readings", () -> listener.readings.size() >= 2);
        meter.deactivate();
        int seen = listener.readings.size();
        bus.deactivate();
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("modbus-bus-stopme")),
                "the bus thread ended");
        assertEquals(seen, listener.readings.size(), "no listener call after deactivate");
    }

    @Test
    void aSecondMeterWithTheSameIdIsRefusedUntilTheFirstIsGone() {
        ModbusBus bus = bus("house");
        ModbusMeter first = meter(bus, meterConfig("grid"));
        ModbusMeter second = new ModbusMeter();
        second.setBus(bus);
        var config = ComponentConfigs.of(ModbusMeterConfig.class, meterConfig("grid", "unit.id", 6));
        ConfigException e = assertThrows(ConfigException.class, () -> second.activate(config, Map.of()));
        assertTrue(e.getMessage().contains("meter.id = 'grid' is already used"), e.getMessage());
        first.deactivate();
        second.activate(config, Map.of());
        cleanup.add(second::deactivate);
    }

    @Test
    void aSecondBusWithTheSameIdIsRefused() {
        bus("house");
        ModbusBus twin = new ModbusBus();
        ConfigException e = assertThrows(ConfigException.class, () -> twin.activate(ComponentConfigs.of(ModbusBusConfig.class,
                Map.of("bus.id", "house", "transport", "TCP", "host", "127.0.0.1"))));
        assertTrue(e.getMessage().contains("bus.id = 'house' is already used"), e.getMessage());
    }

    @Test
    void badConfigurationIsRefusedWithTheReason() {
        ModbusBus bus = bus("house");
        ModbusMeter meter = new ModbusMeter();
        meter.setBus(bus);
        ConfigException e = assertThrows(ConfigException.class, () -> meter.activate(
                ComponentConfigs.of(ModbusMeterConfig.class, meterConfig("sock", "unit.id", 0, "meter.role", "SOCKET")), Map.of()));
        assertTrue(e.getMessage().contains("unit.id = 0 is out of range 1..247"), e.getMessage());
        assertTrue(e.getMessage().contains("meter.socket must be > 0 for meter.role SOCKET"), e.getMessage());
    }

    @Test
    void withoutConfigurationAdminAMeterOnTheWrongBusIsAnError() {
        ModbusBus bus = bus("house");
        ModbusMeter meter = new ModbusMeter();
        meter.setBus(bus);
        ConfigException e = assertThrows(ConfigException.class, () -> meter.activate(
                ComponentConfigs.of(ModbusMeterConfig.class, meterConfig("pv", "bus.id", "roof", "bus.target", "(bus.id=*)")), Map.of()));
        assertTrue(e.getMessage().contains("selects bus 'house' but bus.id is 'roof'; set bus.target = \"(bus.id=roof)\""), e.getMessage());
    }

    @Test
    void busTargetFollowsBusIdThroughConfigurationAdmin() {
        ModbusBus bus = bus("house");
        Map<String, Dictionary<String, Object>> updates = new HashMap<>();

        ModbusMeter right = new ModbusMeter();
        right.setBus(bus);
        right.setConfigurationAdmin(configAdmin(updates));
        right.activate(ComponentConfigs.of(ModbusMeterConfig.class, meterConfig("grid", "bus.target", "(bus.id=*)")),
                Map.of("service.pid", "pid-grid"));
        cleanup.add(right::deactivate);
        assertEquals("(bus.id=house)", updates.get("pid-grid").get("bus.target"));
        Await.until("the meter on the right bus polls", () -> right.reading().isGood());

        ModbusMeter wrong = new ModbusMeter();
        wrong.setBus(bus);
        wrong.setConfigurationAdmin(configAdmin(updates));
        wrong.activate(ComponentConfigs.of(ModbusMeterConfig.class, meterConfig("pv", "bus.id", "roof", "bus.target", "(bus.id=*)")),
                Map.of("service.pid", "pid-pv"));
        cleanup.add(wrong::deactivate);
        assertEquals("(bus.id=roof)", updates.get("pid-pv").get("bus.target"));
        assertEquals(Quality.FAILED, wrong.reading().quality());
        assertEquals("waiting for bus 'roof'", wrong.reading().error());
    }

    /** A ConfigurationAdmin whose configurations record their updates. */
    private static ConfigurationAdmin configAdmin(Map<String, Dictionary<String, Object>> updates) {
        return (ConfigurationAdmin) Proxy.newProxyInstance(ConfigurationAdmin.class.getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (p, m, args) -> {
                    if (!m.getName().equals("getConfiguration")) throw new UnsupportedOperationException(m.getName());
                    String pid = (String) args[0];
                    return Proxy.newProxyInstance(Configuration.class.getClassLoader(), new Class<?>[] {Configuration.class},
                            (c, cm, cargs) -> switch (cm.getName()) {
                                case "getProperties" -> new Hashtable<>(Map.of("meter.id", pid));
                                case "update" -> {
                                    @SuppressWarnings("unchecked")
                                    Dictionary<String, Object> d = (Dictionary<String, Object>) cargs[0];
                                    updates.put(pid, d);
                                    yield null;
                                }
                                default -> throw new UnsupportedOperationException(cm.getName());
                            });
                });
    }
}
