package org.microsmartgrid.grid.balancer;

import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.site.SiteView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.control.LoopDecisionListener;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.grid.balancer.config.ConfigException;
import org.microsmartgrid.grid.balancer.config.Configs;
import org.microsmartgrid.grid.balancer.fakes.FakeMeter;
import org.microsmartgrid.grid.balancer.fakes.FakeRelay;
import org.microsmartgrid.testing.Waits;

/** The component constructed and activated directly (no OSGi), with fake meters and relays, on real threads. */
class BalancerComponentTest {

    private final Clock clock = Clock.systemUTC();
    private final FakeMeter grid = new FakeMeter("grid", MeterRole.GRID, 0, clock);
    private final FakeMeter socketMeter = new FakeMeter("s1", MeterRole.SOCKET, 1, clock);
    private final FakeRelay relay = new FakeRelay("r1", 1, clock);
    @TempDir
    static Path data;
    private final Balancer balancer = new Balancer(clock, data.resolve("site-control-" + System.nanoTime()));

    private static void await(BooleanSupplier condition, String what) {
        Waits.until(what, condition::getAsBoolean);
    }

    private void start(Object... config) {
        balancer.meters.add(grid);
        balancer.meters.add(socketMeter);
        balancer.relays.add(relay);
        balancer.activate(null, Configs.home(config));
    }

    @AfterEach
    void stop() {
        balancer.deactivate();
    }

    @Test
    void switchesASocketOnAndShedsItWhenAFreshGridReadingShowsAnOverload() throws Exception {
        grid.power(500);
        socketMeter.power(0);
        start("socket.rating.w", new String[] {"1=1000"}, "cycle.ms", 50, "stale.grid.ms", 5000);
        await(relay::isOn, "relay on");

        socketMeter.power(900);
        balancer.onReading(grid.power(3600));
        await(() -> !relay.isOn(), "relay shed");
        assertTrue(relay.lastCommand().safety());
        LoopDecision v = balancer.lastDecision().orElseThrow();
        assertTrue(v.shed(), "the fake grid still shows 3600 W: every cycle is over the limit");
        assertFalse(v.sockets().get(0).on());
    }

    @Test
    void aSilentGridMeterLeadsToTheSafeStateThroughTheTimer() throws Exception {
        grid.power(500);
        socketMeter.power(0);
        start("socket.rating.w", new String[] {"1=1000"}, "cycle.ms", 50, "stale.grid.ms", 300);
        await(relay::isOn, "relay on");
        // the grid meter now says nothing more; only the socket meter keeps answering
        await(() -> {
            socketMeter.power(400);
            return balancer.lastDecision().map(LoopDecision::safeState).orElse(false);
        }, "safe state");
        await(() -> !relay.isOn(), "relay off");
        assertEquals("SAFE_STATE_GRID", balancer.lastDecision().orElseThrow().sockets().get(0).reason().name());
    }

    /** Issue 21 item 11: one site view per cycle, the readings the decision was made from, for every reader. */
    @Test
    void eachCyclePublishesTheSiteViewItDecidedOn() throws Exception {
        grid.power(500);
        socketMeter.power(0);
        assertTrue(balancer.current().isEmpty(), "no view before the first cycle");
        start("socket.rating.w", new String[] {"1=1000"}, "cycle.ms", 50, "stale.grid.ms", 5000);
        await(() -> balancer.current().flatMap(v -> v.relay(1)).map(r -> r.wantedOn()).orElse(false),
                "a view with the relay on");

        SiteView view = balancer.current().orElseThrow();
        LoopDecision decision = view.decision().orElseThrow();
        assertEquals(decision.at(), view.at(), "the view is the decision's instant");
        double gridInView = view.meter(MeterRole.GRID).orElseThrow().good(Channel.ACTIVE_POWER).orElseThrow();
        assertEquals(decision.gridW().doubleValue(), gridInView, 1e-9, "the grid reading in the view is the one the loop decided on");
        assertTrue(view.relay(1).orElseThrow().wantedOn(), "the relay as the cycle left it: " + view.relays());
        assertTrue(decision.sockets().get(0).on(), "and the decision that switched it");
        assertTrue(view.socketMeter(1).isPresent());

        balancer.deactivate();
        assertTrue(balancer.current().isEmpty(), "a stopped loop publishes no view");
    }

    @Test
    void aBadConfigurationIsRefusedAtActivation() {
        balancer.relays.add(relay);
        ConfigException e = assertThrows(ConfigException.class,
                () -> balancer.activate(null, Configs.home("contract.power.w", 3100)));
        assertTrue(e.getMessage().contains("contract.power.w"));
        assertTrue(balancer.lastDecision().isEmpty());
    }

    @Test
    void aChangedConfigurationIsAppliedLive() throws Exception {
        grid.power(500);
        start("cycle.ms", 50, "stale.grid.ms", 5000);
        await(() -> balancer.lastDecision().isPresent(), "a first cycle");
        assertEquals(3200, balancer.lastDecision().orElseThrow().limitW(), 0);

        balancer.modified(Configs.home("contract.power.w", 4500, "cycle.ms", 100, "stale.grid.ms", 5000));
        await(() -> {
            grid.power(500);
            return balancer.lastDecision().orElseThrow().limitW() == 4850;
        }, "the new limit");
    }

    @Test
    void aRefusedChangeKeepsThePreviousConfiguration() throws Exception {
        grid.power(500);
        start("cycle.ms", 50, "stale.grid.ms", 5000);
        assertThrows(ConfigException.class, () -> balancer.modified(Configs.home("margin.percent", 50.0)));
        await(() -> balancer.lastDecision().isPresent(), "cycles go on");
        assertEquals(3200, balancer.lastDecision().orElseThrow().limitW(), 0);
    }

    @Test
    void stoppingSwitchesOffWhatItSwitchedOn() throws Exception {
        grid.power(500);
        socketMeter.power(0);
        start("socket.rating.w", new String[] {"1=1000"}, "cycle.ms", 50, "stale.grid.ms", 5000, "min.on.s", 0);
        await(relay::isOn, "relay on");
        balancer.deactivate();
        assertFalse(relay.isOn());
        int commands = relay.commands().size();
        // the cycles run on the balancer's own thread: once it has ended, no later cycle can come
        Waits.until("the balancing thread to end", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("msg-balancer") && t.isAlive()));
        assertEquals(commands, relay.commands().size(), "no cycle after deactivation");
    }

    @Test
    void readingsOfOtherMetersDoNotDisturbIt() throws Exception {
        grid.power(500);
        start("cycle.ms", 50, "stale.grid.ms", 5000);
        balancer.onReading(socketMeter.power(100));
        balancer.onReading(null);
        await(() -> balancer.lastDecision().isPresent(), "cycles");
        assertFalse(balancer.lastDecision().orElseThrow().safeState());
    }

    @Test
    void aSocketDisabledThroughSiteControlGoesOffAndListenersSeeWhy() throws Exception {
        List<LoopDecision> seen = new CopyOnWriteArrayList<>();
        LoopDecisionListener listener = seen::add;
        balancer.listeners.add(listener);
        grid.power(500);
        socketMeter.power(0);
        start("socket.rating.w", new String[] {"1=1000"}, "cycle.ms", 50, "stale.grid.ms", 5000, "min.on.s", 60);
        await(relay::isOn, "relay on");

        balancer.setSocketEnabled(1, false, "coap:bms-1");
        await(() -> !relay.isOn(), "relay off inside its minimum on-time");
        await(() -> !seen.isEmpty() && seen.get(seen.size() - 1).sockets().get(0).reason() == SocketReason.DISABLED,
                "a listener told why");

        balancer.setSocketEnabled(1, true, "coap:bms-1");
        balancer.capPower(1500, Instant.now().plusSeconds(600), "coap:bms-1");
        await(() -> balancer.lastDecision().orElseThrow().limitW() == 1500, "the cap is the limit");
        balancer.clearPowerCap("coap:bms-1");
        await(() -> balancer.lastDecision().orElseThrow().limitW() == 3200, "back to the contract limit");
    }
}
