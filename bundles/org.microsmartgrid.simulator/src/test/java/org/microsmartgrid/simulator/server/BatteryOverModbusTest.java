package org.microsmartgrid.simulator.server;

import org.microsmartgrid.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.simulator.model.SiteSnapshot;

import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/**
 * The simulated home battery through a real j2mod master: SunSpec chain 1 → 103 → 124 on its own unit, model 124
 * controls honoured (window InWRte/OutWRte, revert timer), its power in the grid balance, SoC integrating.
 */
class BatteryOverModbusTest {
    /** Noon in Milan, clear sky: 3 kWp make a surplus over the 400 W building. */
    private static final Instant NOON = Instant.parse("2025-06-21T10:00:00Z");
    private static final int UNIT = 3;
    private static final int STORAGE = 40000 + 2 + 68 + 52 + 2; // after marker, common (1), inverter 103

    private static SimulatedBuildingServer start(ManualClock wall) throws Exception {
        return SimulatedBuildingServer.start(SimulatorSettings.builder().port(0).startTime(NOON).cloudiness(0)
                .buildingBaseW(400).buildingPeakW(0).sockets().batteryCapacityWh(5000).batteryMaxChargeW(2500)
                .batteryMaxDischargeW(2500).batterySoc(50).build(), new SettableRelays(), wall);
    }

    private static int word(ModbusTCPMaster m, int offset) throws Exception {
        return m.readMultipleRegisters(UNIT, STORAGE + offset, 1)[0].getValue();
    }

    private static double soc(ModbusTCPMaster m) throws Exception {
        return word(m, 6) / 10.0; // ChaState, SF -1
    }

    private static Register[] words(int... w) {
        Register[] r = new Register[w.length];
        for (int i = 0; i < w.length; i++) r[i] = new SimpleRegister(w[i] & 0xFFFF);
        return r;
    }

    @Test
    void aSetPointHoldsUntilItsRevertTimeoutThenTheBatteryIsAutomaticAgain() throws Exception {
        ManualClock wall = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
        try (SimulatedBuildingServer sim = start(wall)) {
            ModbusTCPMaster m = Masters.connect(sim.port(), 2000);
            try {
                assertEquals(124, m.readMultipleRegisters(UNIT, STORAGE - 2, 1)[0].getValue(), "model 124 in the chain");
                assertEquals(2500, word(m, 0), "WChaMax");
                assertEquals(0, word(m, 3), "automatic at start");
                wall.advance(Duration.ofSeconds(60));
                sim.refreshNow();
                assertEquals(4, word(m, 9), "automatic: charging from the surplus (ChaSt CHARGING)");
                double socAuto = soc(m);
                assertTrue(socAuto > 50, "SoC rose: " + socAuto);

                // discharge 1000 W = 40.0 % of WChaMax: OutWRte = 400, InWRte = -400, revert after 60 s
                m.writeMultipleRegisters(UNIT, STORAGE + 10, words(400, -400, 0, 60));
                m.writeMultipleRegisters(UNIT, STORAGE + 3, words(3));
                assertEquals(3, word(m, 3));
                assertEquals(3, word(m, 9), "discharging although there is a surplus");
                SiteSnapshot s = sim.refreshNow();
                assertEquals(s.buildingW() + s.socketsW() - s.pv().powerW() - 1000, s.grid().totalPower(), 1e-6,
                        "the discharge enters the grid balance");

                wall.advance(Duration.ofSeconds(36));
                sim.refreshNow();
                assertEquals(socAuto - 1000 * 36 / 3600.0 / 5000 * 100, soc(m), 0.1, "1000 W for 36 s out of 5 kWh");

                wall.advance(Duration.ofSeconds(30)); // 66 s since the last write: past the 60 s revert timeout
                sim.refreshNow();
                assertEquals(0, word(m, 3), "back to automatic: nobody renewed the set-point");
                assertEquals(4, word(m, 9), "charging from the surplus again");
            } finally {
                m.disconnect();
            }
        }
    }

    @Test
    void measuredPointsRefuseWritesAndChangeNothing() throws Exception {
        try (SimulatedBuildingServer sim = start(new ManualClock(NOON))) {
            ModbusTCPMaster m = Masters.connect(sim.port(), 2000);
            try {
                ModbusSlaveException e = assertThrows(ModbusSlaveException.class,
                        () -> m.writeMultipleRegisters(UNIT, STORAGE + 6, words(1000)));
                assertEquals(2, e.getType(), "illegal data address");
                assertEquals(2500, word(m, 0));
                assertEquals(500, word(m, 6), "ChaState unchanged");
                assertThrows(ModbusSlaveException.class, () -> m.writeMultipleRegisters(2, 40000, words(0)),
                        "the PV inverter has no writable registers");
            } finally {
                m.disconnect();
            }
        }
    }

    @Test
    void aBatteryNeedsItsOwnUnitId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimulatorSettings.builder()
                .batteryCapacityWh(5000).batteryUnitId(1).build());
        assertTrue(e.getMessage().startsWith("battery.unit.id"), e.getMessage());
    }
}
