package org.microsmartgrid.meter.modbus.registers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.microsmartgrid.api.meter.Channel.*;

import java.util.EnumMap;
import java.util.Set;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.meter.modbus.bus.ModbusClient;
import org.microsmartgrid.meter.modbus.device.Decoded;
import org.microsmartgrid.meter.modbus.device.MapSource;
import org.microsmartgrid.meter.modbus.poll.PollKind;
import org.microsmartgrid.meter.modbus.poll.TimeSource;
import org.microsmartgrid.meter.modbus.testing.CountingReader;
import org.microsmartgrid.meter.modbus.testing.Settings;
import org.microsmartgrid.meter.modbus.testing.Slave;

/** A GENERIC map read from a j2mod slave: integer and float types, word swap, scale, both tables. */
class GenericMapReadTest {
    @Test
    void readsEachTypeWithItsWordOrderAndScale() throws Exception {
        RegisterMap map = GenericMapParser.parse(new String[] {
                "ACTIVE_POWER;100;HOLDING;INT16;BIG_ENDIAN;10",          // -123 * 10 W
                "CURRENT_L1;101;HOLDING;UINT16;BIG_ENDIAN;0.01",         // 1234 cA
                "ACTIVE_POWER_L1;102;HOLDING;INT32;LITTLE_ENDIAN;0.001", // -1500000 mW, low word first
                "IMPORT_ENERGY;0x0200;INPUT;UINT32;BIG_ENDIAN;100",      // counted in hWh: beyond the int32 range
                "EXPORT_ENERGY;0x0202;INPUT;UINT32;LITTLE_ENDIAN;1",
                "VOLTAGE_L1;0x0300;INPUT;FLOAT32;LITTLE_ENDIAN;1"});
        try (Slave slave = Slave.start(); ModbusClient client = new ModbusClient(Settings.tcpBus("t", slave.port(), 2000))) {
            slave.holdingWord(1, 100, -123);
            slave.holdingWord(1, 101, 1234);
            int v = -1_500_000;
            slave.holdingWord(1, 102, v & 0xFFFF);
            slave.holdingWord(1, 103, v >>> 16);
            long big = 3_000_000_000L;
            slave.inputWord(1, 0x200, (int) (big >>> 16));
            slave.inputWord(1, 0x201, (int) big);
            slave.inputWord(1, 0x202, 0x5678);
            slave.inputWord(1, 0x203, 0x0001);
            int f = Float.floatToIntBits(229.75f);
            slave.inputWord(1, 0x300, f & 0xFFFF);
            slave.inputWord(1, 0x301, f >>> 16);

            MapSource source = new MapSource(map, TimeSource.SYSTEM);
            CountingReader reader = new CountingReader(client);
            Map<Channel, Double> values = new EnumMap<>(Channel.class);
            for (PollKind kind : PollKind.values())
                for (Decoded d : source.read(kind, reader, 1)) values.put(d.channel(), d.value());

            assertEquals(-1230.0, values.get(ACTIVE_POWER));
            assertEquals(12.34, values.get(CURRENT_L1), 1e-9);
            assertEquals(-1500.0, values.get(ACTIVE_POWER_L1), 1e-9);
            assertEquals(300_000_000_000.0, values.get(IMPORT_ENERGY));
            assertEquals(0x0001_5678, values.get(EXPORT_ENERGY));
            assertEquals(229.75, values.get(VOLTAGE_L1));
            // fast: holding 100..103 in one request and the float apart (no gap bridging for unknown devices);
            // slow: the two touching energy counters in one request
            assertEquals(Set.of(new Span(Table.HOLDING, 100, 4), new Span(Table.INPUT, 0x300, 2), new Span(Table.INPUT, 0x200, 4)),
                    Set.copyOf(reader.requests));
            assertEquals(3, reader.requests.size());
        }
    }
}
