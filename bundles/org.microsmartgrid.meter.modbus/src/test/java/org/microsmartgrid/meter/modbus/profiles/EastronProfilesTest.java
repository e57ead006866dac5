package org.microsmartgrid.meter.modbus.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.microsmartgrid.api.meter.Channel.*;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.meter.modbus.bus.ModbusClient;
import org.microsmartgrid.meter.modbus.device.Decoded;
import org.microsmartgrid.meter.modbus.device.MapSource;
import org.microsmartgrid.meter.modbus.poll.PollKind;
import org.microsmartgrid.meter.modbus.poll.TimeSource;
import org.microsmartgrid.meter.modbus.registers.RegisterMap;
import org.microsmartgrid.meter.modbus.testing.CountingReader;
import org.microsmartgrid.meter.modbus.testing.Settings;
import org.microsmartgrid.meter.modbus.testing.Slave;

/** Each Eastron map read from a real j2mod slave whose registers hold known values. */
class EastronProfilesTest {
    private Slave slave;
    private ModbusClient client;

    @BeforeEach
    void start() throws Exception {
        slave = Slave.start();
        client = new ModbusClient(Settings.tcpBus("test", slave.port(), 2000));
    }

    @AfterEach
    void stop() {
        client.close();
        slave.close();
    }

    private Map<Channel, Double> poll(RegisterMap map, PollKind kind, CountingReader reader) throws Exception {
        Map<Channel, Double> values = new EnumMap<>(Channel.class);
        for (Decoded d : new MapSource(map, TimeSource.SYSTEM).read(kind, reader, 7)) values.put(d.channel(), d.value());
        return values;
    }

    @Test
    void sdm630() throws Exception {
        float[] perPhase = {230.1f, 231.2f, 229.3f, 4.5f, 5.5f, 6.5f, 1000f, -1200f, 1300f};
        for (int i = 0; i < perPhase.length; i++) slave.inputFloat(7, 2 * i, perPhase[i]);
        slave.inputFloat(7, 0x0034, 1100f);
        slave.inputFloat(7, 0x003E, -0.97f);
        slave.inputFloat(7, 0x0046, 49.98f);
        slave.inputFloat(7, 0x0048, 1234.5f);
        slave.inputFloat(7, 0x004A, 321.25f);
        slave.inputFloat(7, 0x0156, 1555.75f);

        CountingReader reader = new CountingReader(client);
        Map<Channel, Double> fast = poll(Sdm630Map.MAP, PollKind.FAST, reader);
        assertEquals(1, reader.requests.size(), "a fast poll of an SDM630 is one request");
        assertEquals(230.1f, fast.get(VOLTAGE_L1).floatValue());
        assertEquals(231.2f, fast.get(VOLTAGE_L2).floatValue());
        assertEquals(229.3f, fast.get(VOLTAGE_L3).floatValue());
        assertEquals(6.5f, fast.get(CURRENT_L3).floatValue());
        assertEquals(-1200f, fast.get(ACTIVE_POWER_L2).floatValue());
        assertEquals(1100.0, fast.get(ACTIVE_POWER));
        assertEquals(-0.97f, fast.get(POWER_FACTOR).floatValue());
        assertEquals(11, fast.size());

        reader.requests.clear();
        Map<Channel, Double> slow = poll(Sdm630Map.MAP, PollKind.SLOW, reader);
        assertEquals(2, reader.requests.size());
        assertEquals(49.98f, slow.get(FREQUENCY).floatValue());
        assertEquals(1_234_500.0, slow.get(IMPORT_ENERGY), "kWh on the device, Wh in the channel");
        assertEquals(321_250.0, slow.get(EXPORT_ENERGY));
        assertEquals(1_555_750.0, slow.get(TOTAL_ENERGY));
    }

    @Test
    void sdm72d() throws Exception {
        slave.inputFloat(7, 0x0034, -2500f);
        slave.inputFloat(7, 0x0048, 10f);
        slave.inputFloat(7, 0x004A, 20.5f);
        slave.inputFloat(7, 0x0156, 30.5f);
        CountingReader reader = new CountingReader(client);
        assertEquals(Map.of(ACTIVE_POWER, -2500.0), poll(Sdm72dMap.MAP, PollKind.FAST, reader));
        assertEquals(Map.of(IMPORT_ENERGY, 10_000.0, EXPORT_ENERGY, 20_500.0, TOTAL_ENERGY, 30_500.0),
                poll(Sdm72dMap.MAP, PollKind.SLOW, reader));
    }

    @Test
    void sdm120() throws Exception {
        slave.inputFloat(7, 0x0000, 228.5f);
        slave.inputFloat(7, 0x0006, 8.25f);
        slave.inputFloat(7, 0x000C, 1850f);
        slave.inputFloat(7, 0x001E, 0.98f);
        slave.inputFloat(7, 0x0046, 50.02f);
        slave.inputFloat(7, 0x0048, 2.5f);
        slave.inputFloat(7, 0x004A, 0.125f);
        slave.inputFloat(7, 0x0156, 2.625f);
        CountingReader reader = new CountingReader(client);
        Map<Channel, Double> fast = poll(Sdm120Map.MAP, PollKind.FAST, reader);
        assertEquals(1, reader.requests.size());
        assertEquals(228.5, fast.get(VOLTAGE_L1));
        assertEquals(8.25, fast.get(CURRENT_L1));
        assertEquals(1850.0, fast.get(ACTIVE_POWER));
        assertEquals(0.98f, fast.get(POWER_FACTOR).floatValue());
        Map<Channel, Double> slow = poll(Sdm120Map.MAP, PollKind.SLOW, reader);
        assertEquals(50.02f, slow.get(FREQUENCY).floatValue());
        assertEquals(2500.0, slow.get(IMPORT_ENERGY));
        assertEquals(125.0, slow.get(EXPORT_ENERGY));
        assertEquals(2625.0, slow.get(TOTAL_ENERGY));
    }
}
