package org.microsmartgrid.simulator.server;

import org.microsmartgrid.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.simulator.server.Masters.readFloat;
import static org.microsmartgrid.simulator.server.Masters.toFloat;

import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.simulator.modbus.DeviceFault;
import org.microsmartgrid.simulator.model.GridMeterValues;
import org.microsmartgrid.simulator.model.SiteSnapshot;
import org.microsmartgrid.simulator.model.SocketMeterValues;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The simulated meters read over real Modbus TCP on loopback with j2mod's master, as the meter bundle reads them. */
class ModbusOverTcpTest {
    /** A June noon in Milan: PV produces, so every device has something to say. The clock stands still. */
    private static final Instant NOON = Instant.parse("2025-06-18T11:00:00Z");

    private final SettableRelays relays = new SettableRelays();
    private final List<ModbusTCPMaster> masters = new ArrayList<>();
    private SimulatedBuildingServer sim;

    @BeforeEach
    void start() throws Exception {
        sim = SimulatedBuildingServer.start(SimulatorSettings.builder().port(0).seed(7).startTime(NOON).build(),
                relays, new ManualClock(NOON));
    }

    @AfterEach
    void stop() {
        masters.forEach(ModbusTCPMaster::disconnect);
        sim.close();
    }

    private ModbusTCPMaster master(int timeoutMs) throws Exception {
        ModbusTCPMaster m = Masters.connect(sim.port(), timeoutMs);
        masters.add(m);
        return m;
    }

    @Test
    void gridSdm630FloatsDecodeToTheModelsValues() throws Exception {
        GridMeterValues g = sim.refreshNow().grid();
        ModbusTCPMaster m = master(3000);
        InputRegister[] block = m.readInputRegisters(sim.gridUnitId(), 0x0000, 0x004C); // one read, as a poller would
        for (int phase = 1; phase <= 3; phase++) {
            int o = 2 * (phase - 1);
            assertEquals((float) g.phase(phase).voltage(), toFloat(block, o));
            assertEquals((float) g.phase(phase).current(), toFloat(block, 0x0006 + o));
            assertEquals((float) g.phase(phase).activePower(), toFloat(block, 0x000C + o));
        }
        assertEquals((float) g.totalPower(), toFloat(block, 0x0034));
        assertEquals((float) g.powerFactor(), toFloat(block, 0x003E));
        assertEquals((float) g.frequency(), toFloat(block, 0x0046));
        assertEquals((float) g.importKwh(), toFloat(block, 0x0048));
        assertEquals((float) g.exportKwh(), toFloat(block, 0x004A));
        assertEquals((float) g.totalKwh(), readFloat(m, sim.gridUnitId(), 0x0156));
        assertTrue(toFloat(block, 0) > 220 && toFloat(block, 0) < 240, "a plausible voltage");
    }

    @Test
    void eachSocketHasItsOwnSdm120() throws Exception {
        relays.close(1).close(4);
        SiteSnapshot s = sim.refreshNow();
        ModbusTCPMaster m = master(3000);
        for (SocketMeterValues socket : s.sockets()) {
            int unit = sim.socketUnitId(socket.socket());
            assertEquals(10 + socket.socket(), unit);
            assertEquals((float) socket.values().voltage(), readFloat(m, unit, 0x0000));
            assertEquals((float) socket.values().current(), readFloat(m, unit, 0x0006));
            assertEquals((float) socket.powerW(), readFloat(m, unit, 0x000C));
            assertEquals((float) socket.values().powerFactor(), readFloat(m, unit, 0x001E));
            assertEquals((float) socket.frequency(), readFloat(m, unit, 0x0046));
            assertEquals((float) socket.importKwh(), readFloat(m, unit, 0x0048));
            assertEquals(0f, readFloat(m, unit, 0x004A));
            assertEquals((float) socket.totalKwh(), readFloat(m, unit, 0x0156));
        }
        assertEquals(150f, readFloat(m, sim.socketUnitId(1), 0x000C), "the e-bike charges at 150 W");
        assertEquals(0f, readFloat(m, sim.socketUnitId(2), 0x000C), "socket 2's contact is open");
    }

    @Test
    void sunSpecInverterWalksLikeARealOne() throws Exception {
        SiteSnapshot s = sim.refreshNow();
        ModbusTCPMaster m = master(3000);
        int unit = sim.pvUnitId();
        Register[] head = m.readMultipleRegisters(unit, 40000, 4);
        assertEquals("SunS", ascii(head, 0, 2));
        assertEquals(1, head[2].getValue(), "common model first");
        int commonLength = head[3].getValue();
        assertEquals(66, commonLength);
        Register[] common = m.readMultipleRegisters(unit, 40004, commonLength);
        assertEquals("MicroSmartGrid", ascii(common, 0, 16));
        assertEquals("SIM-PV", ascii(common, 16, 16));
        assertEquals(unit, common[64].getValue(), "DA is the unit id");

        int modelAt = 40004 + commonLength;
        Register[] model = m.readMultipleRegisters(unit, modelAt, 52);
        assertEquals(103, model[0].getValue());
        assertEquals(50, model[1].getValue());
        int wSf = model[2 + 13].toShort();
        double watts = model[2 + 12].toShort() * Math.pow(10, wSf);
        assertEquals(s.pv().powerW(), watts, 1.0);
        assertTrue(watts > 1000, "a June noon produces");
        double hz = model[2 + 14].getValue() * Math.pow(10, model[2 + 15].toShort());
        assertEquals(s.pv().frequency(), hz, 0.01);
        double volts = model[2 + 8].getValue() * Math.pow(10, model[2 + 11].toShort());
        assertEquals(s.pv().phase(1).voltage(), volts, 0.1);
        long wh = ((long) model[2 + 22].getValue() << 16 | model[2 + 23].getValue()) ;
        assertEquals(s.pv().energyWh(), wh * Math.pow(10, model[2 + 24].toShort()), 1.0);
        assertEquals(4, model[2 + 36].getValue(), "St = MPPT while producing");

        Register[] end = m.readMultipleRegisters(unit, modelAt + 2 + 50, 2);
        assertEquals(0xFFFF, end[0].getValue());
        assertEquals(0, end[1].getValue());
    }

    @Test
    void closingARelayRaisesTheSocketMetersPowerAndTheGrids() throws Exception {
        ModbusTCPMaster m = master(3000);
        sim.refreshNow();
        float socketBefore = readFloat(m, sim.socketUnitId(4), 0x000C);
        float gridBefore = readFloat(m, sim.gridUnitId(), 0x0034);
        assertEquals(0f, socketBefore);

        relays.close(4); // the refresher notices within one period
        Masters.await("socket 4 draws", () -> floatOrNaN(m, sim.socketUnitId(4), 0x000C) > 0);
        float socketAfter = readFloat(m, sim.socketUnitId(4), 0x000C);
        float gridAfter = readFloat(m, sim.gridUnitId(), 0x0034);
        assertEquals(2200f, socketAfter, "a car on a Schuko socket");
        assertEquals(gridBefore + socketAfter, gridAfter, 1.0f, "the grid meter sees the car too");
    }

    @Test
    void aSilentDeviceTimesOutWhileTheOthersAnswer() throws Exception {
        sim.setFault(sim.gridUnitId(), DeviceFault.SILENT);
        ModbusTCPMaster m = master(300);
        assertThrows(ModbusIOException.class, () -> m.readInputRegisters(sim.gridUnitId(), 0x0000, 2));

        ModbusTCPMaster other = master(3000);
        assertTrue(readFloat(other, sim.socketUnitId(1), 0x0000) > 200, "the socket meters still answer");

        sim.setFault(sim.gridUnitId(), DeviceFault.NONE);
        Masters.await("the grid meter answers again", () -> floatOrNaN(m, sim.gridUnitId(), 0x0000) > 200);
    }

    @Test
    void aNanFaultReadsNaNAndHeals() throws Exception {
        ModbusTCPMaster m = master(3000);
        sim.setFault(sim.socketUnitId(2), DeviceFault.NAN);
        assertTrue(Float.isNaN(readFloat(m, sim.socketUnitId(2), 0x0000)));
        assertTrue(Float.isNaN(readFloat(m, sim.socketUnitId(2), 0x000C)));
        assertTrue(readFloat(m, sim.socketUnitId(1), 0x0000) > 200, "only the faulty meter is affected");
        sim.setFault(sim.socketUnitId(2), DeviceFault.NONE);
        assertTrue(readFloat(m, sim.socketUnitId(2), 0x0000) > 200);
    }

    @Test
    void anExceptionFaultAnswersIllegalDataAddress() throws Exception {
        ModbusTCPMaster m = master(3000);
        sim.setFault(sim.pvUnitId(), DeviceFault.EXCEPTION);
        ModbusSlaveException e = assertThrows(ModbusSlaveException.class, () -> m.readMultipleRegisters(sim.pvUnitId(), 40000, 2));
        assertEquals(2, e.getType());
    }

    @Test
    void unknownUnitsAndUnmappedAddressesAreIllegalDataAddresses() throws Exception {
        ModbusTCPMaster m = master(3000);
        ModbusSlaveException unknownUnit = assertThrows(ModbusSlaveException.class, () -> m.readInputRegisters(99, 0, 2));
        assertEquals(2, unknownUnit.getType());
        ModbusSlaveException pastTheEnd = assertThrows(ModbusSlaveException.class, () -> m.readInputRegisters(sim.gridUnitId(), 0x0156, 4));
        assertEquals(2, pastTheEnd.getType());
        ModbusSlaveException wrongFunction = assertThrows(ModbusSlaveException.class, () -> m.readMultipleRegisters(sim.gridUnitId(), 0, 2));
        assertEquals(2, wrongFunction.getType(), "Eastron measurements are input registers (FC04) only");
    }

    private static float floatOrNaN(ModbusTCPMaster m, int unit, int address) {
        try {
            return readFloat(m, unit, address);
        } catch (Exception e) {
            return Float.NaN;
        }
    }

    private static String ascii(Register[] regs, int from, int count) {
        byte[] b = new byte[count * 2];
        for (int i = 0; i < count; i++) System.arraycopy(regs[from + i].toBytes(), 0, b, 2 * i, 2);
        return new String(b, StandardCharsets.US_ASCII).replace("\0", "");
    }
}
