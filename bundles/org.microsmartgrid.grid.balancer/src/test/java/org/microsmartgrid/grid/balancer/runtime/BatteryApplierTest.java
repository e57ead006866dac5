package org.microsmartgrid.grid.balancer.runtime;

import org.microsmartgrid.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.storage.BatteryControl;
import org.microsmartgrid.api.storage.BatteryResult;
import org.microsmartgrid.grid.balancer.config.BalancerConfig;
import org.microsmartgrid.grid.balancer.config.ConfigValidator;
import org.microsmartgrid.grid.balancer.config.Configs;
import org.microsmartgrid.grid.balancer.fakes.FakeBattery;
import org.microsmartgrid.grid.balancer.fakes.FakeMeter;
import org.microsmartgrid.grid.balancer.fakes.FakeRelay;

/** The loop hands its battery set-point to the battery service every cycle, with an expiry of four cycles. */
class BatteryApplierTest {
    /** A Wednesday noon: F1, not a cheap band by default. */
    private final ManualClock clock = new ManualClock(Instant.parse("2026-04-08T10:00:00Z"));
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final List<Relay> relays = new CopyOnWriteArrayList<>();
    private final List<BatteryControl> batteries = new CopyOnWriteArrayList<>();
    private final FakeMeter grid = new FakeMeter("grid", MeterRole.GRID, 0, clock);
    private final FakeMeter battery = new FakeMeter("battery", MeterRole.BATTERY, 0, clock);

    private BalancingLoop loop(FakeBattery b, Object... config) {
        meters.add(grid);
        meters.add(battery);
        batteries.add(b);
        BalancingLoop loop = new BalancingLoop(ConfigValidator.validate(BalancerConfig.PID, Configs.home(config)), clock,
                () -> meters, () -> relays);
        loop.useBatteries(() -> batteries);
        return loop;
    }

    private void batteryReads(double socPercent, double powerW) {
        battery.set(new MeterReading("battery", MeterRole.BATTERY, 0, Quality.GOOD, clock.instant(),
                Map.of(Channel.ACTIVE_POWER, new Sample(powerW, clock.instant()),
                        Channel.STATE_OF_CHARGE, new Sample(socPercent, clock.instant())), null));
    }

    @Test
    void aSurplusChargesTheBatteryWithASetPointValidForFiveSecondsAtLeast() {
        FakeBattery b = new FakeBattery(clock, 2000, false);
        BalancingLoop loop = loop(b);
        grid.power(-1200);
        batteryReads(50, 0);
        loop.runCycle();
        assertEquals(-0.3 * 1200, b.last().setpointW(), 1e-9, "the export goes into the battery, a part per cycle");
        assertEquals(Duration.ofSeconds(5), b.last().validFor(), "4 × 250 ms is too short for an inverter: 5 s");
        assertEquals("balancer", b.last().source());
        assertEquals(BatteryResult.Outcome.APPLIED, loop.last().orElseThrow().batteryResult().outcome());
    }

    @Test
    void aSilentGridMeterHoldsTheBatteryAtZero() {
        FakeBattery b = new FakeBattery(clock, 2000, false);
        BalancingLoop loop = loop(b);
        grid.power(-1200);
        batteryReads(50, 0);
        loop.runCycle();
        clock.advance(Duration.ofSeconds(5)); // the grid reading is now stale
        batteryReads(50, -1200);
        loop.runCycle();
        assertTrue(loop.last().orElseThrow().decision().safeState());
        assertEquals(0, b.last().setpointW(), "safe state: 0 W");
    }

    @Test
    void aDischargeAllowedIntoTheGridByTheBalancerIsTakenBackWhenTheBatteryMustNotExport() {
        FakeBattery b = new FakeBattery(clock, 2000, false);
        BalancingLoop loop = loop(b, "export.limit.w", 500, "socket.rating.w", new String[] {"1=1000"},
                "socket.modes", new String[] {"1=NOW"});
        FakeMeter socket = new FakeMeter("s1", MeterRole.SOCKET, 1, clock);
        meters.add(socket);
        relays.add(new FakeRelay("r1", 1, clock));
        grid.power(300);
        socket.power(0);
        batteryReads(80, 0);
        loop.runCycle(); // the NOW session starts
        clock.advance(Duration.ofMillis(250));
        grid.power(1300);
        socket.power(1000);
        batteryReads(80, 0);
        loop.runCycle();
        double planned = loop.last().orElseThrow().decision().batterySetpointW();
        assertTrue(planned > 0, "the decision discharges for the session: " + planned);
        assertEquals(Math.max(0, planned - 500), b.last().setpointW(), 1e-9, "the export allowance is not used");
    }

    @Test
    void stoppingTheLoopGivesTheBatteryBackItsAutomaticMode() {
        FakeBattery b = new FakeBattery(clock, 2000, false);
        BalancingLoop loop = loop(b);
        grid.power(-500);
        batteryReads(50, 0);
        loop.runCycle();
        loop.stop();
        assertEquals(List.of("balancer"), b.releases);
    }
}
