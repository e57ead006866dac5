package org.microsmartgrid.grid.balancer.runtime;

import org.microsmartgrid.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.grid.balancer.config.BalancerConfig;
import org.microsmartgrid.grid.balancer.config.ConfigValidator;
import org.microsmartgrid.grid.balancer.config.Configs;
import org.microsmartgrid.grid.balancer.decision.Decision;
import org.microsmartgrid.grid.balancer.fakes.FakeMeter;
import org.microsmartgrid.grid.balancer.fakes.FakeRelay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The installer's commissioning pause: the loop leaves a relay checked by hand alone and switches nothing on, but
 * every safety rule still switches off, and the pause ends by itself.
 */
class PauseTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-04-08T10:00:00Z"));
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final List<Relay> relays = new CopyOnWriteArrayList<>();
    private final FakeMeter grid = new FakeMeter("grid", MeterRole.GRID, 0, clock);
    private final FakeMeter meter1 = new FakeMeter("s1", MeterRole.SOCKET, 1, clock);
    private final FakeMeter meter2 = new FakeMeter("s2", MeterRole.SOCKET, 2, clock);
    private final FakeRelay relay1 = new FakeRelay("r1", 1, clock);
    private final FakeRelay relay2 = new FakeRelay("r2", 2, clock);
    private final PauseState pause = new PauseState(clock);

    private BalancingLoop loop() {
        meters.addAll(List.of(grid, meter1, meter2));
        relays.addAll(List.of(relay1, relay2));
        BalancingLoop loop = new BalancingLoop(ConfigValidator.validate(BalancerConfig.PID,
                Configs.home("socket.rating.w", new String[] {"1=1000", "2=1000"})), clock, () -> meters, () -> relays);
        loop.usePause(pause);
        return loop;
    }

    /** The installer's check: relay 1 ON by hand for 2 minutes, relay 2 off. */
    private void manualOn() {
        relay1.command(RelayCommand.on("installer:anna", Duration.ofMinutes(2)));
        clock.advance(Duration.ofSeconds(1));
        grid.power(600);
        meter1.power(0);
        meter2.power(0);
    }

    @Test
    void withoutAPauseTheLoopTakesOverAHandSwitchedRelay() {
        BalancingLoop loop = loop();
        manualOn();
        loop.runCycle();
        assertEquals("balancer", relay1.lastCommand().source(), "why a pause is needed at all");
    }

    @Test
    void whilePausedNothingIsSwitchedOnAndTheInstallersRelayKeepsItsOwnLease() {
        BalancingLoop loop = loop();
        manualOn();
        pause.pause(Duration.ofMinutes(5), "installer:anna");
        Decision d = loop.runCycle();

        assertTrue(relay1.isOn());
        assertEquals("installer:anna", relay1.lastCommand().source());
        assertFalse(relay2.isOn(), "socket 2 has headroom and a session, but a paused loop switches nothing on");
        assertTrue(relay2.commands().isEmpty());
        assertEquals(SocketReason.PAUSED_ON, d.socket(1).orElseThrow().reason());
        assertTrue(d.socket(1).orElseThrow().text().contains("installer:anna"));
    }

    @Test
    void whilePausedAnOverloadStillShedsTheRelaySwitchedByHand() {
        BalancingLoop loop = loop();
        manualOn();
        pause.pause(Duration.ofMinutes(5), "installer:anna");
        meter1.power(2500);
        grid.power(3600); // above the 3,000 W contract's limit
        loop.runCycle();

        assertFalse(relay1.isOn());
        assertTrue(relay1.lastCommand().safety());
        assertEquals("balancer", relay1.lastCommand().source());
    }

    @Test
    void whilePausedALostGridMeterStillSwitchesEverythingOff() {
        BalancingLoop loop = loop();
        manualOn();
        meter1.power(800); // drawing: the safe state cannot prove it idle
        pause.pause(Duration.ofMinutes(5), "installer:anna");
        grid.failing = true;
        Decision d = loop.runCycle();

        assertTrue(d.safeState());
        assertFalse(relay1.isOn());
    }

    @Test
    void thePauseEndsByItselfAndTheLoopBalancesAgain() {
        BalancingLoop loop = loop();
        manualOn();
        pause.pause(Duration.ofSeconds(30), "installer:anna");
        loop.runCycle();
        assertFalse(relay2.isOn());

        clock.advance(Duration.ofSeconds(31));
        grid.power(600);
        meter1.power(0);
        meter2.power(0);
        loop.runCycle();
        assertTrue(pause.paused().isEmpty());
        assertEquals("balancer", relay2.lastCommand().source());
    }

    @Test
    void aPauseLongerThanThirtyMinutesOrWithoutActorIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> pause.pause(Duration.ofMinutes(31), "installer:anna"));
        assertThrows(IllegalArgumentException.class, () -> pause.pause(Duration.ZERO, "installer:anna"));
        assertThrows(IllegalArgumentException.class, () -> pause.pause(Duration.ofMinutes(5), " "));
        assertTrue(pause.paused().isEmpty());
    }
}
