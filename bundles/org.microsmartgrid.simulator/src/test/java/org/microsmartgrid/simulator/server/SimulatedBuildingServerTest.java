package org.microsmartgrid.simulator.server;

import org.microsmartgrid.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.simulator.modbus.DeviceFault;
import org.microsmartgrid.simulator.model.SiteSnapshot;
import org.microsmartgrid.simulator.model.VehicleClass;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

class SimulatedBuildingServerTest {
    private static final Instant MORNING = Instant.parse("2025-06-18T06:00:00Z");

    private static SimulatedBuildingServer start(ManualClock wall, SettableRelays relays, SettingsBuilder b) throws IOException {
        return SimulatedBuildingServer.start(b.port(0).startTime(MORNING).build(), relays, wall);
    }

    @Test
    void simulatedTimeRunsAtTheConfiguredSpeed() throws Exception {
        ManualClock wall = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
        SettableRelays relays = new SettableRelays().close(1);
        try (SimulatedBuildingServer sim = start(wall, relays, SimulatorSettings.builder().timeSpeed(60))) {
            SiteSnapshot before = sim.refreshNow();
            wall.advance(Duration.ofSeconds(30));
            SiteSnapshot after = sim.refreshNow();
            assertEquals(MORNING.plus(Duration.ofMinutes(30)), after.at());
            assertEquals(0.075, after.socket(1).importKwh() - before.socket(1).importKwh(), 1e-6, "150 W for half an hour");
            assertTrue(after.grid().importKwh() > before.grid().importKwh());
        }
    }

    @Test
    void anInjectedPeakShowsOnTheGridMeterForItsDuration() throws Exception {
        ManualClock wall = new ManualClock(MORNING);
        try (SimulatedBuildingServer sim = start(wall, new SettableRelays(), SimulatorSettings.builder())) {
            double before = sim.refreshNow().grid().totalPower();
            sim.injectLoad(3000, Duration.ofMinutes(5));
            assertEquals(before + 3000, sim.snapshot().grid().totalPower(), 1e-6);
            wall.advance(Duration.ofMinutes(6));
            SiteSnapshot later = sim.refreshNow();
            assertEquals(later.buildingW() + later.socketsW() - later.pv().powerW(), later.grid().totalPower(), 1e-6);
            assertTrue(later.buildingW() < 2500, "the injected 3 kW are gone: " + later.buildingW());
        }
    }

    @Test
    void plugAndUnplugAtRuntime() throws Exception {
        SettableRelays relays = new SettableRelays().close(2);
        try (SimulatedBuildingServer sim = start(new ManualClock(MORNING), relays, SimulatorSettings.builder().sockets("1=EBIKE:30", "2="))) {
            assertEquals(0, sim.snapshot().socket(2).powerW());
            sim.plug(2, VehicleClass.WHEELCHAIR, 40);
            assertEquals(200, sim.snapshot().socket(2).powerW(), 1e-9);
            sim.unplug(2);
            assertNull(sim.snapshot().socket(2).vehicle());
            assertEquals(0, sim.snapshot().socket(2).powerW());
        }
    }

    @Test
    void liveChangesApplyWithoutARestart() throws Exception {
        SettableRelays relays = new SettableRelays().close(1).close(2);
        try (SimulatedBuildingServer sim = start(new ManualClock(MORNING), relays, SimulatorSettings.builder())) {
            int port = sim.port();
            sim.apply(SimulatorSettings.builder().port(0).startTime(MORNING).sockets("1=", "2=CAR:10", "3=WHEELCHAIR:20", "4=CAR:60")
                    .extraLoadW(1000).faults("grid=NAN").build());
            assertEquals(port, sim.port());
            assertEquals(0, sim.snapshot().socket(1).powerW(), "the e-bike was unplugged");
            assertEquals(2200, sim.snapshot().socket(2).powerW(), 1e-9, "a car was plugged into socket 2");
            assertEquals(DeviceFault.NAN, sim.fault(sim.gridUnitId()));
            assertThrows(IllegalArgumentException.class, () -> sim.apply(SimulatorSettings.builder().port(0).seed(99).build()));
        }
    }

    @Test
    void jumpingBackKeepsTheCounters() throws Exception {
        ManualClock wall = new ManualClock(MORNING);
        try (SimulatedBuildingServer sim = start(wall, new SettableRelays(), SimulatorSettings.builder())) {
            sim.jumpTo(MORNING.plus(Duration.ofDays(1)));
            SiteSnapshot dayLater = sim.snapshot();
            sim.jumpTo(MORNING);
            SiteSnapshot back = sim.snapshot();
            assertEquals(MORNING, back.at());
            assertEquals(dayLater.grid().importKwh(), back.grid().importKwh());
        }
    }

    @Test
    void aTakenPortIsReportedAndAFreedPortCanBeReused() throws Exception {
        int port;
        try (SimulatedBuildingServer first = start(new ManualClock(MORNING), new SettableRelays(), SimulatorSettings.builder())) {
            port = first.port();
            IOException e = assertThrows(IOException.class, () -> SimulatedBuildingServer.start(
                    SimulatorSettings.builder().port(port).build(), new SettableRelays()));
            assertTrue(e.getMessage().contains(Integer.toString(port)), e.getMessage());
        }
        try (SimulatedBuildingServer again = SimulatedBuildingServer.start(SimulatorSettings.builder().port(port).build(), new SettableRelays())) {
            assertEquals(port, again.port());
        }
    }

    @Test
    void consoleCommandsDriveTheBuilding() throws Exception {
        SettableRelays relays = new SettableRelays();
        try (SimulatedBuildingServer sim = start(new ManualClock(MORNING), relays, SimulatorSettings.builder())) {
            ConsoleCommands console = new ConsoleCommands(sim, relays);
            assertTrue(console.execute("close 4").contains("socket 4 ON CAR 60.0% 2200 W"), console.execute("status"));
            assertTrue(console.execute("open 4").contains("socket 4 off CAR"));
            assertEquals("unit 12 is now SILENT", console.execute("fault socket.2 silent"));
            assertEquals(DeviceFault.SILENT, sim.fault(12));
            assertTrue(console.execute("plug 9 CAR 10").startsWith("error: no socket 9"));
            assertTrue(console.execute("close x").startsWith("error:"));
            assertTrue(console.execute("frobnicate").startsWith("unknown command"));
            assertTrue(console.execute("jump 2025-12-21T12:00").startsWith("2025-12-21 12:00:00 Sun"));
        }
    }
}
