package org.microsmartgrid.meter.modbus.sunspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.api.meter.Channel.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.meter.modbus.bus.ModbusClient;
import org.microsmartgrid.meter.modbus.bus.ReadFailure;
import org.microsmartgrid.meter.modbus.device.Decoded;
import org.microsmartgrid.meter.modbus.poll.PollKind;
import org.microsmartgrid.meter.modbus.poll.TimeSource;
import org.microsmartgrid.meter.modbus.testing.CountingReader;
import org.microsmartgrid.meter.modbus.testing.Settings;
import org.microsmartgrid.meter.modbus.testing.Slave;

/** Discovery and reading against a simulated model chain: common 1 + inverter 103 + meter 203 + end marker. */
class SunSpecTest {
    private Slave slave;
    private ModbusClient client;

    @BeforeEach
    void start() throws Exception {
        slave = Slave.start();
        client = new ModbusClient(Settings.tcpBus("t", slave.port(), 2000));
    }

    @AfterEach
    void stop() {
        client.close();
        slave.close();
    }

    private static Map<Channel, Double> values(List<Decoded> decoded) {
        Map<Channel, Double> m = new EnumMap<>(Channel.class);
        decoded.stream().filter(d -> !d.absent()).forEach(d -> m.put(d.channel(), d.value()));
        return m;
    }

    private static Set<Channel> absent(List<Decoded> decoded) {
        return decoded.stream().filter(Decoded::absent).map(Decoded::channel).collect(Collectors.toSet());
    }

    @Test
    void discoveryWalksTheModelChain() throws Exception {
        SunSpecDevice.write(slave, 3, 40000);
        SunSpecLayout layout = SunSpecDiscovery.discover(client, 3, 40000);
        assertEquals(40000, layout.base());
        assertEquals(List.of(1, 103, 203), layout.ids());
        assertEquals(new SunSpecModel(103, 40000 + SunSpecDevice.INVERTER_START, 50), layout.models().get(1));
        assertEquals("Fronius", layout.manufacturer());
        assertEquals("Symo 8.2-3-M", layout.model());
        assertEquals("31415926", layout.serial());
    }

    @Test
    void aGridMeterReadsTheMeterModelWithScaleFactorsAndSkipsWhatIsNotImplemented() throws Exception {
        SunSpecDevice.write(slave, 3, 40000);
        SunSpecSource source = new SunSpecSource("grid", MeterRole.GRID, 40000, TimeSource.SYSTEM);
        List<Decoded> fast = source.read(PollKind.FAST, client, 3);
        assertEquals(Map.of(ACTIVE_POWER, -1200.0, ACTIVE_POWER_L1, -400.0, ACTIVE_POWER_L2, -400.0, ACTIVE_POWER_L3, -400.0,
                CURRENT_L1, 5.2, CURRENT_L2, 1.7, VOLTAGE_L1, 230.1, VOLTAGE_L2, 230.2, VOLTAGE_L3, 230.3), values(fast));
        assertEquals(Set.of(CURRENT_L3), absent(fast));
        List<Decoded> slow = source.read(PollKind.SLOW, client, 3);
        assertEquals(Map.of(IMPORT_ENERGY, 98765.0), values(slow));
        assertEquals(Set.of(FREQUENCY, EXPORT_ENERGY), absent(slow), "0x8000 int16 and 0 acc32 mean not implemented");
    }

    @Test
    void aPvMeterReadsTheInverterModel() throws Exception {
        SunSpecDevice.write(slave, 3, 40000);
        SunSpecSource source = new SunSpecSource("pv", MeterRole.PV, 40000, TimeSource.SYSTEM);
        List<Decoded> fast = source.read(PollKind.FAST, client, 3);
        assertEquals(Map.of(ACTIVE_POWER, 5432.0, CURRENT_L1, 10.5, CURRENT_L3, 9.8, VOLTAGE_L1, 230.5, VOLTAGE_L2, 231.0,
                VOLTAGE_L3, 229.8), values(fast));
        assertEquals(Set.of(CURRENT_L2), absent(fast), "0xFFFF uint16 means not implemented");
        assertEquals(Map.of(FREQUENCY, 50.01, EXPORT_ENERGY, 1_234_560.0), values(source.read(PollKind.SLOW, client, 3)));
    }

    @Test
    void otherBasesAreTriedWhenTheConfiguredOneHasNoMarker() throws Exception {
        SunSpecDevice.write(slave, 3, 50000);
        SunSpecLayout layout = SunSpecDiscovery.discover(client, 3, 40000);
        assertEquals(50000, layout.base());
        assertEquals(List.of(1, 103, 203), layout.ids());
    }

    @Test
    void withoutAMarkerTheErrorListsWhatWasTried() {
        slave.holdingWord(3, 10, 1);
        ReadFailure f = assertThrows(ReadFailure.class, () -> SunSpecDiscovery.discover(client, 3, 40000));
        assertTrue(f.getMessage().startsWith("no SunSpec marker \"SunS\" found: 40000: device answered Modbus exception code 2"), f.getMessage());
        assertTrue(f.getMessage().contains("0: found 0x0000 0x0000"), f.getMessage());
        assertTrue(f.getMessage().contains("50000:"), f.getMessage());
    }

    @Test
    void forgettingTheLayoutMakesTheNextPollDiscoverAgain() throws Exception {
        SunSpecDevice.write(slave, 3, 40000);
        SunSpecSource source = new SunSpecSource("grid", MeterRole.GRID, 40000, TimeSource.SYSTEM);
        CountingReader reader = new CountingReader(client);
        source.read(PollKind.FAST, reader, 3);
        int withDiscovery = reader.requests.size();
        reader.requests.clear();
        source.read(PollKind.FAST, reader, 3);
        assertEquals(1, reader.requests.size(), "once discovered, a fast poll is one request");
        assertTrue(withDiscovery > 1);
        source.forget();
        assertNull(source.layout());
        reader.requests.clear();
        source.read(PollKind.FAST, reader, 3);
        assertEquals(withDiscovery, reader.requests.size());
    }
}
