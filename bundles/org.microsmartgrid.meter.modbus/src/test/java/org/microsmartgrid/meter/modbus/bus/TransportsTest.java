package org.microsmartgrid.meter.modbus.bus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.meter.modbus.config.BusSettings;
import org.microsmartgrid.meter.modbus.config.ModbusBusConfig;
import org.microsmartgrid.meter.modbus.registers.Table;
import org.microsmartgrid.testing.ComponentConfigs;
import org.microsmartgrid.meter.modbus.testing.Slave;

/** The transports that can be exercised on loopback: Modbus TCP and RTU framing over TCP. */
class TransportsTest {
    private static BusSettings bus(String transport, int port) {
        return BusSettings.from(ComponentConfigs.of(ModbusBusConfig.class, Map.of("bus.id", "t", "transport", transport,
                "host", "127.0.0.1", "port", port, "timeout.ms", 2000)));
    }

    @Test
    void rtuFramesOverTcpReachAnRtuOverTcpDevice() throws Exception {
        try (Slave slave = Slave.startRtuOverTcp(); ModbusClient client = new ModbusClient(bus("RTU_OVER_TCP", slave.port()))) {
            slave.holdingWord(9, 40000, 0x5375);
            slave.holdingWord(9, 40001, 0x6E53);
            slave.inputWord(9, 3, 0xBEEF);
            assertArrayEquals(new int[] {0x5375, 0x6E53}, client.read(9, Table.HOLDING, 40000, 2));
            assertArrayEquals(new int[] {0, 0xBEEF}, client.read(9, Table.INPUT, 2, 2));
        }
    }

    @Test
    void aClientReconnectsWhenTheDeviceComesBack() throws Exception {
        Slave slave = Slave.start();
        int port = slave.port();
        try (ModbusClient client = new ModbusClient(bus("TCP", port))) {
            slave.inputWord(1, 0, 7);
            assertArrayEquals(new int[] {7}, client.read(1, Table.INPUT, 0, 1));
            slave.close();
            assertThrows(ReadFailure.class, () -> client.read(1, Table.INPUT, 0, 1));
            slave = Slave.startOn(port);
            slave.inputWord(1, 0, 8);
            // the old connection may still deliver its last words (j2mod's slave closes it lazily): the client drops
            // it on the first bad reply and the next request reaches the restarted device
            int[] words = null;
            for (int attempt = 0; attempt < 3 && words == null; attempt++) {
                try {
                    words = client.read(1, Table.INPUT, 0, 1);
                } catch (ReadFailure expectedWhileTheOldConnectionDies) {
                    // try again
                }
            }
            assertArrayEquals(new int[] {8}, words);
        } finally {
            slave.close();
        }
    }
}
