package org.microsmartgrid.simulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code line.delay.ms}: the simulated gateway's RS-485 line holds every request that long, one request at a time
 * over all units and connections. Only lower bounds on elapsed time are asserted: a slow machine can make the line
 * slower, never faster.
 */
class SlowLineOptionTest {
    private static final Instant NOON = Instant.parse("2026-06-21T10:00:00Z");

    @Test
    void everyRequestHoldsTheOneLineEvenFromTwoConnections() throws Exception {
        SimulatedBuildingServer sim = SimulatedBuildingServer.start(SimulatorSettings.builder().port(0).seed(7)
                .startTime(NOON).lineDelayMs(25).build(), socket -> false);
        try {
            ModbusTCPMaster a = Masters.connect(sim.port(), 2000);
            ModbusTCPMaster b = Masters.connect(sim.port(), 2000);
            try {
                long start = System.nanoTime();
                Thread other = new Thread(() -> {
                    try {
                        for (int i = 0; i < 4; i++) Masters.readFloat(b, sim.settings().socketUnitId(1), 0x000C);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                other.start();
                for (int i = 0; i < 4; i++) Masters.readFloat(a, sim.gridUnitId(), 0x0034);
                other.join();
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(ms >= 8 * 25, "8 requests on one 25 ms line take at least 200 ms, took " + ms);
            } finally {
                a.disconnect();
                b.disconnect();
            }
            assertTrue(sim.settings().describe().contains("line 25 ms per request"), sim.settings().describe());
        } finally {
            sim.close();
        }
    }

    @Test
    void theDelayIsValidatedAndReadFromTheCommandLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatorSettings.builder().lineDelayMs(5000).build());
        assertTrue(e.getMessage().contains("line.delay.ms"), e.getMessage());
        assertEquals(Duration.ofMillis(25), CommandLineSettings.parse(Map.of("line.delay.ms", "25")).lineDelay());
        assertEquals(Duration.ZERO, SimulatorSettings.defaults().lineDelay(), "answers at once unless asked");
    }
}
