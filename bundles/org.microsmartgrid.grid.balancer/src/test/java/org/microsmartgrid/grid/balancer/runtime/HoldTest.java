package org.microsmartgrid.grid.balancer.runtime;

import org.microsmartgrid.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.SocketHold;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.relay.Relay;
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
 * The installer's manual hold with the loop running: the two writers no longer fight — the loop itself switches a
 * held socket, in the installer's name, renews it with its own short lease, and lets it go when the hold ends.
 * Socket 1 has no session (mode NONE: only a hold can switch it on), socket 2 charges NOW.
 */
class HoldTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-04-08T10:00:00Z"));
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final List<Relay> relays = new CopyOnWriteArrayList<>();
    private final FakeMeter grid = new FakeMeter("grid", MeterRole.GRID, 0, clock);
    private final FakeMeter meter1 = new FakeMeter("s1", MeterRole.SOCKET, 1, clock);
    private final FakeMeter meter2 = new FakeMeter("s2", MeterRole.SOCKET, 2, clock);
    private final FakeRelay relay1 = new FakeRelay("r1", 1, clock);
    private final FakeRelay relay2 = new FakeRelay("r2", 2, clock);
    private final HoldBook holds = new HoldBook(clock);

    private BalancingLoop loop() {
        meters.addAll(List.of(grid, meter1, meter2));
        relays.addAll(List.of(relay1, relay2));
        BalancingLoop loop = new BalancingLoop(ConfigValidator.validate(BalancerConfig.PID,
                Configs.home("socket.rating.w", new String[] {"1=1000", "2=1000"},
                        "socket.modes", new String[] {"1=NONE"})), clock, () -> meters, () -> relays);
        loop.useHolds(holds);
        holds.setKnownSockets(s -> s == 1 || s == 2);
        return loop;
    }

    /** The next reading, a second later. */
    private void read(double gridW, double socket1W, double socket2W) {
        clock.advance(Duration.ofSeconds(1));
        grid.power(gridW);
        meter1.power(socket1W);
        meter2.power(socket2W);
    }

    /** The loop cycling once a second for {@code d}, the meters unchanged. */
    private void cycleFor(BalancingLoop loop, Duration d, double gridW, double socket1W, double socket2W) {
        for (long s = 0; s < d.toSeconds(); s++) {
            read(gridW, socket1W, socket2W);
            loop.runCycle();
        }
    }

    @Test
    void aHoldOnIsSwitchedByTheLoopInTheInstallersNameAndRenewedWithTheLoopsShortLease() {
        BalancingLoop loop = loop();
        read(300, 0, 0);
        loop.runCycle();
        assertFalse(relay1.isOn(), "no session on socket 1: the loop alone leaves it off");

        holds.hold(1, true, Duration.ofMinutes(15), "installer:anna");
        read(300, 0, 0);
        Decision d = loop.runCycle();
        assertTrue(relay1.isOn());
        assertEquals(SocketReason.MANUAL_HOLD_ON, d.socket(1).orElseThrow().reason());
        assertEquals("installer:anna", relay1.lastCommand().source(), "the relay shows who holds it");
        assertTrue(relay1.lastCommand().lease().compareTo(loop.config().lease()) <= 0,
                "renewed every cycle with the loop's lease, not the hold's 15 min: a dead loop leaves it off");

        read(1100, 800, 0);
        loop.runCycle();
        assertTrue(relay1.isOn(), "the next cycles keep it on instead of sending OFF");
        assertEquals("installer:anna", relay1.lastCommand().source());
    }

    @Test
    void aHoldEndsByItselfAndTheLoopDecidesAgain() {
        BalancingLoop loop = loop();
        holds.hold(1, true, Duration.ofMinutes(2), "installer:anna");
        read(300, 0, 0);
        loop.runCycle();
        assertTrue(relay1.isOn());

        cycleFor(loop, Duration.ofSeconds(118), 1100, 800, 0);
        assertTrue(relay1.isOn(), "held on for its two minutes");
        read(1100, 800, 0);
        Decision d = loop.runCycle();
        assertTrue(holds.holds().isEmpty(), "an expired hold is not in force");
        assertFalse(relay1.isOn());
        assertEquals(SocketReason.NO_SESSION, d.socket(1).orElseThrow().reason());
        assertEquals("balancer", relay1.lastCommand().source());
    }

    @Test
    void aReleasedHoldGivesTheSocketBackToTheLoop() {
        BalancingLoop loop = loop();
        holds.hold(1, true, Duration.ofMinutes(15), "installer:anna");
        read(300, 0, 0);
        loop.runCycle();
        cycleFor(loop, Duration.ofMinutes(2), 1100, 800, 0); // past the minimum on-time

        assertTrue(holds.release(1, "installer:anna"));
        assertFalse(holds.release(1, "installer:anna"), "nothing left to release");
        read(1100, 800, 800);
        loop.runCycle();
        assertFalse(relay1.isOn());
    }

    @Test
    void aHoldOffKeepsASocketWithASessionAndRoomOff() {
        BalancingLoop loop = loop();
        read(300, 0, 0);
        loop.runCycle();
        assertTrue(relay2.isOn(), "socket 2 charges NOW");

        holds.hold(2, false, Duration.ofMinutes(15), "installer:anna");
        read(1100, 0, 800);
        Decision d = loop.runCycle();
        assertFalse(relay2.isOn());
        assertTrue(relay2.lastCommand().safety(), "at once, like a disabled socket");
        assertEquals("installer:anna", relay2.lastCommand().source());
        assertEquals(SocketReason.MANUAL_HOLD_OFF, d.socket(2).orElseThrow().reason());

        cycleFor(loop, Duration.ofMinutes(5), 300, 0, 0);
        assertFalse(relay2.isOn(), "still held off with all the room it needs");
    }

    @Test
    void aHoldOnThatWouldOverloadTheGridIsNotSwitchedAndALostGridMeterSwitchesItOff() {
        BalancingLoop loop = loop();
        holds.hold(1, true, Duration.ofMinutes(15), "installer:anna");
        read(3000, 0, 0); // a 3 kW home at 3,000 W: no room for 1,000 W more
        Decision d = loop.runCycle();
        assertFalse(relay1.isOn());
        assertEquals(SocketReason.WAITING_HEADROOM, d.socket(1).orElseThrow().reason());

        read(300, 0, 0);
        loop.runCycle();
        assertTrue(relay1.isOn(), "room again: the hold is honoured");

        cycleFor(loop, Duration.ofMinutes(2), 1100, 800, 0);
        assertTrue(relay1.isOn());
        grid.failing = true;
        meter1.power(700);
        d = loop.runCycle();
        assertTrue(d.safeState());
        assertFalse(relay1.isOn(), "the safe state wins over the hold");
        assertEquals("balancer", relay1.lastCommand().source());
    }

    @Test
    void aBadHoldIsRefusedAndChangesNothing() {
        loop();
        assertThrows(IllegalArgumentException.class, () -> holds.hold(7, true, Duration.ofMinutes(5), "installer:anna"));
        assertThrows(IllegalArgumentException.class, () -> holds.hold(1, true, Duration.ofHours(5), "installer:anna"));
        assertThrows(IllegalArgumentException.class, () -> holds.hold(1, true, Duration.ZERO, "installer:anna"));
        assertThrows(IllegalArgumentException.class, () -> holds.hold(1, true, Duration.ofMinutes(5), " "));
        assertTrue(holds.holds().isEmpty());

        SocketHold h = holds.hold(1, false, Duration.ofMinutes(5), " installer:anna ");
        assertEquals("installer:anna", h.actor());
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), h.until());
        assertEquals(List.of(h), holds.holds());
    }
}
