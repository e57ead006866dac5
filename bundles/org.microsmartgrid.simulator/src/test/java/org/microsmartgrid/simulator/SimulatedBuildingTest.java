package org.microsmartgrid.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.util.ModbusUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayState;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.microsmartgrid.testing.Waits;
import org.microsmartgrid.testing.ComponentConfigs;

/** The DS component driven as SCR would drive it, with relay services that the test switches. */
class SimulatedBuildingTest {
    private final SimulatedBuilding component = new SimulatedBuilding();

    @AfterEach
    void stop() {
        component.deactivate();
    }

    /** A free port and a fixed start, plus the given properties. */
    private static SimulatedBuildingConfig config(Object... properties) {
        Map<String, Object> m = ComponentConfigs.properties("port", 0, "start.time", "2025-06-18T08:00");
        m.putAll(ComponentConfigs.properties(properties));
        return ComponentConfigs.of(SimulatedBuildingConfig.class, m);
    }

    @Test
    void aSocketDrawsOnlyWhileItsRelayReportsTheContactClosed() throws Exception {
        FakeRelay relay1 = new FakeRelay("r1", 1);
        component.addRelay(relay1);
        component.addRelay(new FakeRelay("r9", 9));
        component.activate(config(), null);
        int port = component.server().port();
        ModbusTCPMaster master = new ModbusTCPMaster("127.0.0.1", port, 3000, false);
        master.connect();
        try {
            assertEquals(0f, power(master, 11));
            relay1.output = true;
            await(() -> power(master, 11) == 150f);
            relay1.feedback = false; // the contactor's auxiliary contact says open: feedback wins over the output
            await(() -> power(master, 11) == 0f);
        } finally {
            master.disconnect();
        }
    }

    @Test
    void contactStateComesFromTheRelayOfThatSocket() {
        FakeRelay open = new FakeRelay("a", 1);
        FakeRelay closed = new FakeRelay("b", 2);
        closed.output = true;
        FakeRelay broken = new FakeRelay("c", 3);
        broken.broken = true;
        component.addRelay(open);
        component.addRelay(closed);
        component.addRelay(broken);
        assertFalse(component.contactClosed(1));
        assertTrue(component.contactClosed(2));
        assertFalse(component.contactClosed(3), "a relay that cannot tell counts as open");
        assertFalse(component.contactClosed(4), "no relay, no power");
        component.removeRelay(closed);
        assertFalse(component.contactClosed(2));
    }

    @Test
    void badConfigurationKeepsTheComponentFromStarting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> component.activate(config("cloudiness", 2.0), null));
        assertTrue(e.getMessage().contains(SimulatedBuilding.PID), e.getMessage());
        assertTrue(e.getMessage().contains("cloudiness: must be within 0..1"), e.getMessage());
        assertNull(component.server());
    }

    @Test
    void modifiedAppliesLiveChangesAndRestartsForStructuralOnes() throws Exception {
        component.activate(config(), null);
        var first = component.server();
        component.modified(config("load.extra.w", 2000.0, "faults", new String[] {"grid=SILENT"}));
        assertEquals(first, component.server(), "same server");
        assertEquals(2000, first.settings().site().extraLoadW());
        component.modified(config("seed", 7L));
        assertNotEquals(first, component.server(), "a new seed is a new building");
        assertRefused(first.port());
        assertEquals(7, component.server().settings().seed());
    }

    @Test
    void deactivateStopsListening() throws Exception {
        component.activate(config(), null);
        int port = component.server().port();
        component.deactivate();
        assertRefused(port);
    }

    private static void assertRefused(int port) {
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }

    private static float power(ModbusTCPMaster m, int unit) {
        try {
            var regs = m.readInputRegisters(unit, 0x000C, 2);
            byte[] b = new byte[4];
            System.arraycopy(regs[0].toBytes(), 0, b, 0, 2);
            System.arraycopy(regs[1].toBytes(), 0, b, 2, 2);
            return ModbusUtil.registersToFloat(b);
        } catch (Exception e) {
            return Float.NaN;
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Waits.until("the condition", condition::getAsBoolean);
    }

    /** A relay as the GPIO bundle would register it; the test flips its output and feedback. */
    private static final class FakeRelay implements Relay {
        private final String id;
        private final int socket;
        volatile boolean output;
        volatile Boolean feedback;
        volatile boolean broken;

        FakeRelay(String id, int socket) {
            this.id = id;
            this.socket = socket;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int socket() {
            return socket;
        }

        @Override
        public RelayState state() {
            if (broken) throw new IllegalStateException("GPIO chip gone");
            return new RelayState(id, socket, output, output, feedback, null, Instant.EPOCH, "test", null);
        }

        @Override
        public RelayResult command(RelayCommand command) {
            throw new UnsupportedOperationException();
        }
    }
}
