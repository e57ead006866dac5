package org.microsmartgrid.grid.balancer.runtime;

import org.microsmartgrid.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One cycle at a time, with a hand-moved clock: gather, decide, apply, record. */
class BalancingLoopTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-04-08T10:00:00Z"));
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final List<Relay> relays = new CopyOnWriteArrayList<>();
    private final FakeMeter grid = new FakeMeter("grid", MeterRole.GRID, 0, clock);
    private final FakeMeter meter1 = new FakeMeter("s1", MeterRole.SOCKET, 1, clock);
    private final FakeRelay relay1 = new FakeRelay("r1", 1, clock);

    private BalancingLoop loop(Object... config) {
        meters.add(grid);
        meters.add(meter1);
        relays.add(relay1);
        return new BalancingLoop(ConfigValidator.validate(BalancerConfig.PID, Configs.home(config)), clock,
                () -> meters, () -> relays);
    }

    @Test
    void aSocketWithHeadroomIsSwitchedOnWithALeaseOfFourCycles() {
        BalancingLoop loop = loop("socket.rating.w", new String[] {"1=1000"});
        grid.power(500);
        meter1.power(0);
        loop.runCycle();

        assertTrue(relay1.isOn());
        RelayCommand c = relay1.lastCommand();
        assertEquals(Duration.ofMillis(1000), c.lease(), "4 × 250 ms");
        assertEquals("balancer", c.source());
    }

    @Test
    void aDriversSessionFromTheSessionsServiceReplacesTheSocketsDefaultMode() {
        meters.add(grid);
        meters.add(meter1);
        relays.add(relay1);
        org.microsmartgrid.api.charging.ChargingSession solarOnly = new org.microsmartgrid.api.charging.ChargingSession(
                java.util.UUID.randomUUID(), 1, org.microsmartgrid.api.charging.ChargingMode.SOLAR_ONLY, 0, null,
                clock.instant(), null, 0, 0, 0, null, "token:abcd1234");
        java.util.concurrent.atomic.AtomicReference<org.microsmartgrid.api.charging.ChargingSession> open =
                new java.util.concurrent.atomic.AtomicReference<>(solarOnly);
        org.microsmartgrid.api.charging.ChargingSessions service = new org.microsmartgrid.api.charging.ChargingSessions() {
            public java.util.Optional<org.microsmartgrid.api.charging.ChargingSession> active(int socket) {
                return socket == 1 ? java.util.Optional.ofNullable(open.get()) : java.util.Optional.empty();
            }

            public org.microsmartgrid.api.charging.ChargingSession start(int socket,
                    org.microsmartgrid.api.charging.ChargingMode mode, double targetWh, Instant deadline, String token) {
                throw new UnsupportedOperationException();
            }

            public org.microsmartgrid.api.charging.ChargingSession startRemote(int socket,
                    org.microsmartgrid.api.charging.ChargingMode mode, double targetWh, Instant deadline, String actor) {
                throw new UnsupportedOperationException();
            }

            public java.util.Optional<org.microsmartgrid.api.charging.ChargingSession> stop(int socket, String reason) {
                return java.util.Optional.empty();
            }

            public List<org.microsmartgrid.api.charging.ChargingSession> recent(int limit) {
                return List.of();
            }
        };
        BalancingLoop loop = new BalancingLoop(ConfigValidator.validate(BalancerConfig.PID,
                Configs.home("socket.rating.w", new String[] {"1=1000"})), clock, () -> meters, () -> relays,
                () -> java.util.Optional.of(service), null);
        grid.power(500); // importing: no surplus
        meter1.power(0);
        Decision d = loop.runCycle();
        assertFalse(relay1.isOn(), "the driver chose solar only; the default (NOW) would switch it on");
        assertEquals(SocketReason.WAITING_SURPLUS, d.socket(1).orElseThrow().reason());

        open.set(null); // session ended: the socket follows its default again
        clock.advance(Duration.ofMillis(250));
        grid.power(500);
        meter1.power(0);
        assertEquals(SocketReason.CHARGING_NOW, loop.runCycle().socket(1).orElseThrow().reason());
        assertTrue(relay1.isOn());
    }

    @Test
    void theLeaseRunsOutWhenTheLoopStops() {
        BalancingLoop loop = loop("socket.rating.w", new String[] {"1=1000"});
        grid.power(500);
        meter1.power(0);
        loop.runCycle();
        assertTrue(relay1.isOn());
        clock.advance(Duration.ofMillis(1100));
        assertFalse(relay1.isOn(), "no renewal for more than 4 cycles: the relay is off by itself");
    }

    @Test
    void anOverloadShedsWithASafetyOffInTheSameCycle() {
        BalancingLoop loop = loop("socket.rating.w", new String[] {"1=1000"});
        grid.power(500);
        meter1.power(0);
        loop.runCycle();
        clock.advance(Duration.ofMillis(250));
        meter1.power(900);
        grid.power(3600);
        Decision d = loop.runCycle();

        assertFalse(relay1.isOn());
        assertTrue(relay1.lastCommand().safety(), "sent as a safety off: it overrides the minimum on-time");
        assertEquals(SocketReason.SHED_GRID_LIMIT, d.socket(1).orElseThrow().reason());
    }

    @Test
    void aSilentGridMeterLeadsToTheSafeStateOnceItsValueIsOlderThanTheBound() {
        BalancingLoop loop = loop("socket.rating.w", new String[] {"1=1000"});
        grid.power(500);
        meter1.power(0);
        loop.runCycle();
        assertTrue(relay1.isOn());
        for (int i = 0; i < 2; i++) { // 500 ms: still within the 700 ms bound
            clock.advance(Duration.ofMillis(250));
            meter1.power(400);
            assertFalse(loop.runCycle().safeState());
        }
        clock.advance(Duration.ofMillis(250));
        meter1.power(400);
        Decision d = loop.runCycle();
        assertTrue(d.safeState(), "750 ms without a new grid value: within one cycle of the 700 ms bound");
        assertFalse(relay1.isOn());
        assertTrue(relay1.lastCommand().safety());
    }

    @Test
    void withoutAnyGridMeterNothingIsSwitchedOn() {
        BalancingLoop loop = loop();
        meters.remove(grid);
        Decision d = loop.runCycle();
        assertTrue(d.safeState());
        assertFalse(relay1.isOn());
        assertTrue(relay1.commands().isEmpty(), "an OFF relay is left alone: no needless commands");
    }

    @Test
    void aGridMeterThatThrowsCountsAsFailed() {
        BalancingLoop loop = loop();
        grid.failing = true;
        assertTrue(loop.runCycle().safeState());
    }

    @Test
    void aGoodReadingWithoutAPowerValueCountsAsFailed() {
        BalancingLoop loop = loop();
        grid.set(new MeterReading("grid", MeterRole.GRID, 0, Quality.GOOD, clock.instant(),
                Map.of(Channel.FREQUENCY, new Sample(50, clock.instant())), null));
        assertTrue(loop.runCycle().safeState());
    }

    @Test
    void aSocketWithoutARelayIsReportedAndTwoRelaysOnOneSocketAreBothKeptOff() {
        BalancingLoop loop = loop("socket.priorities", new String[] {"2=PUBLIC"});
        FakeRelay second = new FakeRelay("r1b", 1, clock);
        relays.add(second);
        grid.power(200);
        meter1.power(0);
        Decision d = loop.runCycle();

        assertEquals(SocketReason.RELAY_FAULT, d.socket(1).orElseThrow().reason());
        assertTrue(d.socket(1).orElseThrow().text().contains("2 relays claim socket 1"));
        assertEquals(SocketReason.RELAY_FAULT, d.socket(2).orElseThrow().reason());
        assertTrue(d.socket(2).orElseThrow().text().contains("no relay"));
        assertFalse(relay1.isOn());
        assertFalse(second.isOn());
    }

    @Test
    void theStatusViewShowsReasonsAndWhatTheRelayAnswered() {
        BalancingLoop loop = loop("socket.rating.w", new String[] {"1=1000"});
        grid.power(500);
        meter1.power(0);
        loop.runCycle();
        LoopDecision v = StatusViews.view(loop.last().orElseThrow());

        assertEquals(1, v.cycle());
        assertEquals("F1", v.band().name());
        assertEquals(3200, v.limitW(), 0);
        SocketAllocation s = v.sockets().get(0);
        assertEquals("CHARGING_NOW", s.reason().name());
        assertEquals("APPLIED", s.relayOutcome().name());
        assertEquals("PUBLIC", s.priority().name());
        assertEquals("NOW", s.mode().name());
        assertEquals(1000, s.drawW(), 0, "never measured: its rating");
        assertEquals(2700, v.headroomW(), 0);

        grid.failing = true;
        clock.advance(Duration.ofMillis(250));
        loop.runCycle();
        LoopDecision safe = StatusViews.view(loop.last().orElseThrow());
        assertTrue(safe.safeState());
        assertNull(safe.gridW(), "unknown, not NaN: the view goes to JSON");
        assertNull(safe.headroomW());
        assertNull(safe.spareW());
        assertNull(safe.predictedImportW());
        assertEquals(2, safe.cycle());
        assertEquals("SAFE_STATE_GRID", safe.sockets().get(0).reason().name());
        assertTrue(safe.sockets().get(0).safety());
    }

    @Test
    void aNewConfigurationAppliesFromTheNextCycle() {
        BalancingLoop loop = loop("socket.rating.w", new String[] {"1=1000"});
        grid.power(500);
        assertEquals(3200, loop.runCycle().limitW(), 0);
        loop.reconfigure(ConfigValidator.validate(BalancerConfig.PID, Configs.home("contract.power.w", 6000)));
        clock.advance(Duration.ofMillis(250));
        grid.power(500);
        assertEquals(6500, loop.runCycle().limitW(), 0);
    }
}
