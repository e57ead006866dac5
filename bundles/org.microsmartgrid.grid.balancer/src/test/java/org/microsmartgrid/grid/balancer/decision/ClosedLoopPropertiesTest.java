package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.microsmartgrid.api.control.PowerSource;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.grid.balancer.config.AreraSteps;
import org.microsmartgrid.grid.balancer.config.ConfigValidator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The DESIGN §5 guarantees, checked on randomized sites (1–16 sockets, ratings, priorities, modes, ARERA contract
 * powers, load and PV profiles, meter noise and failures, relay faults) with the decision function closed around a
 * small physical model ({@link SimSite}).
 */
class ClosedLoopPropertiesTest {

    private static final int CYCLES = 600;

    // --- the guarantees ------------------------------------------------------------------------------------------

    /**
     * The import never stays above the limit for more than one cycle: whenever a fresh grid reading shows it above
     * (beyond meter noise), the decision taken on it brings it back below, unless nothing is left to switch off.
     * Only the environment changing again in between (load, PV, a vehicle's draw) can make it last longer.
     */
    @Property(tries = 60)
    void theImportNeverStaysAboveTheLimitForMoreThanOneCycle(@ForAll("sites") SimSpec spec) {
        SimSite site = new SimSite(spec);
        double limit = spec.settings().limitW();
        double tolerance = spec.noiseToleranceW();
        SimSite.Step previous = null;
        boolean overSeen = false;
        for (SimSite.Step step : site.run(CYCLES)) {
            overSeen |= step.gridLive() && step.importBeforeW() > limit + tolerance;
            if (previous != null && previous.gridLive() && previous.envVersion() == step.envVersion()
                    && previous.importBeforeW() > limit + tolerance && step.importBeforeW() > limit + tolerance) {
                boolean somethingLeftToShed = false;
                for (int i = 0; i < step.closedAfter().length; i++)
                    somethingLeftToShed |= previous.closedAfter()[i] && previous.drawAfter()[i] > 0;
                if (somethingLeftToShed)
                    fail("cycle " + step.cycle() + ": import " + Math.round(previous.importBeforeW()) + " W then "
                            + Math.round(step.importBeforeW()) + " W, limit " + limit + " W; decision: "
                            + previous.decision().sockets());
            }
            previous = step;
        }
        Statistics.label("a fresh reading showed the import over the limit").collect(overSeen)
                .coverage(c -> c.check(true).percentage(p -> p >= 20));
    }

    /** Every switch the balancer asks for is one the relay can make: none is deferred, none refused. */
    @Property(tries = 60)
    void noRelayIsAskedToSwitchFasterThanItsMinimumTime(@ForAll("sites") SimSpec spec) {
        SimSite site = new SimSite(spec);
        List<SimSite.Step> steps = site.run(CYCLES);
        long safetyInsideMinOn = steps.stream().flatMap(st -> st.decision().sockets().stream()
                .filter(sd -> sd.change() && sd.safety())).count();
        Statistics.label("safety offs happened").collect(safetyInsideMinOn > 0)
                .coverage(c -> c.check(true).percentage(p -> p >= 20));
        assertEquals(0, site.deferred, "switches asked inside the minimum on/off time (non-safety)");
        assertEquals(0, site.rejected, "ON asked of a faulted relay");
        // and, read from the relays' own history: a non-safety change only after the minimum time
        for (int k = 1; k < steps.size(); k++) {
            SimSite.Step before = steps.get(k - 1);
            SimSite.Step step = steps.get(k);
            for (SocketDecision sd : step.decision().sockets()) {
                SocketSnapshot s = step.snapshot().sockets().stream().filter(x -> x.socket() == sd.socket())
                        .findFirst().orElseThrow();
                if (!sd.change() || sd.safety()) continue;
                Duration held = Duration.between(s.relay().since(), step.at());
                Duration min = s.relay().closed() ? spec.settings().minOn() : spec.settings().minOff();
                assertTrue(held.compareTo(min) >= 0, "socket " + sd.socket() + " switched after " + held + " < " + min
                        + " at cycle " + step.cycle() + " (previous " + before.cycle() + ")");
            }
        }
    }

    /**
     * A higher class never waits while a lower one charges when the lower one's power (plus what is left) would
     * serve it: for every waiting H and charging lower-class L, H needs more than L's draw plus the spare power
     * of the pool H may use. Excluded: sockets held by their minimum times, and cycles that shed.
     */
    @Property(tries = 60)
    void aHigherClassNeverWaitsBehindALowerOneHoldingEnoughPower(@ForAll("sites") SimSpec spec) {
        SimSite site = new SimSite(spec);
        Settings st = spec.settings();
        int pairs = 0;
        for (SimSite.Step step : site.run(CYCLES)) {
            Decision d = step.decision();
            if (d.safeState() || d.shed()) continue;
            for (SocketDecision h : d.sockets()) {
                SocketSnapshot hs = snapshotOf(step, h.socket());
                boolean hLockedOff = !hs.relay().closed() && step.at().isBefore(hs.relay().since().plus(st.minOff()));
                if (h.on() || h.source() == PowerSource.NONE || h.reason().safety() || hLockedOff) continue;
                double need = h.drawW() + (hs.relay().closed() ? 0 : st.hysteresisW());
                for (SocketDecision l : d.sockets()) {
                    SocketSnapshot ls = snapshotOf(step, l.socket());
                    boolean lLockedOn = ls.relay().closed() && step.at().isBefore(ls.relay().since().plus(st.minOn()));
                    if (!l.on() || lLockedOn || !h.priority().above(l.priority())) continue;
                    pairs++;
                    if (h.source() == PowerSource.GRID) {
                        assertTrue(need > l.drawW() + d.spareW() - 1e-6, "socket " + h.socket() + " (" + h.priority()
                                + ", needs " + need + " W) waits while socket " + l.socket() + " (" + l.priority()
                                + ", " + l.drawW() + " W) charges with " + d.spareW() + " W spare; " + h.text());
                    } else if (l.source() == PowerSource.SURPLUS && !spec.battery()) {
                        double spare = Math.min(d.spareSurplusW(), d.spareW());
                        assertTrue(need > l.drawW() + spare - 1e-6, "solar socket " + h.socket() + " waits behind "
                                + l.socket() + " with " + spare + " W surplus spare; " + h.text());
                    }
                }
            }
        }
        Statistics.label("a higher class waited while a lower one charged").collect(pairs > 0)
                .coverage(c -> c.check(true).percentage(p -> p >= 10));
    }

    /**
     * A grid reading that is not GOOD, or older than the stale bound (a silent meter), puts the site in the safe
     * state in that very cycle: after it, only sockets whose own meter proves them idle are still on.
     */
    @Property(tries = 60)
    void aLostGridReadingLeadsToTheSafeStateWithinTheBound(@ForAll("sites") SimSpec spec) {
        SimSite site = new SimSite(spec);
        Settings st = spec.settings();
        int safeCycles = 0;
        for (SimSite.Step step : site.run(CYCLES)) {
            MeterValue g = step.gridSeen();
            boolean lost = !g.isGood() || g.age(step.at()).compareTo(st.staleGrid()) > 0;
            if (!lost) continue;
            safeCycles++;
            assertTrue(step.decision().safeState(), "cycle " + step.cycle() + ": grid " + g + " but no safe state");
            for (int i = 0; i < step.closedAfter().length; i++) {
                if (step.closedAfter()[i])
                    assertTrue(step.drawAfter()[i] == 0, "socket " + spec.sockets().get(i).socket()
                            + " stays on drawing " + step.drawAfter()[i] + " W without a grid reading");
            }
            assertEquals(0, step.decision().batterySetpointW(), 0);
        }
        Statistics.label("the grid reading was lost").collect(safeCycles > 0)
                .coverage(c -> c.check(true).percentage(p -> p >= 50));
    }

    /**
     * Rotation: sockets of one class share too little power for all of them; over a long enough horizon every one
     * of them charges, none waits longer than one round of turns (k sockets × (turn + minimum times)), and none
     * chatters (it starts at most about once per turn).
     */
    @Property(tries = 40)
    void everyWaitingSessionOfAClassGetsChargingTime(@ForAll("rotationSites") SimSpec spec) {
        SimSite site = new SimSite(spec);
        Settings st = spec.settings();
        int k = spec.sockets().size();
        Duration round = st.rotationPeriod().plus(st.minOn()).plus(st.minOff()).plus(spec.cycle().multipliedBy(3))
                .multipliedBy(k);
        int cycles = (int) (round.multipliedBy(3).toMillis() / spec.cycle().toMillis());
        Instant[] waitingSince = new Instant[k];
        Duration[] longestWait = new Duration[k];
        Duration[] charged = new Duration[k];
        for (int i = 0; i < k; i++) {
            waitingSince[i] = spec.start();
            longestWait[i] = Duration.ZERO;
            charged[i] = Duration.ZERO;
        }
        int maxOn = 0;
        int[] switchOns = new int[k];
        boolean[] wasOn = new boolean[k];
        for (SimSite.Step step : site.run(cycles)) {
            int on = 0;
            for (int i = 0; i < k; i++) {
                if (step.closedAfter()[i] && !wasOn[i]) switchOns[i]++;
                wasOn[i] = step.closedAfter()[i];
                if (step.closedAfter()[i]) {
                    on++;
                    charged[i] = charged[i].plus(spec.cycle());
                    waitingSince[i] = null;
                } else {
                    if (waitingSince[i] == null) waitingSince[i] = step.at();
                    Duration w = Duration.between(waitingSince[i], step.at());
                    if (w.compareTo(longestWait[i]) > 0) longestWait[i] = w;
                }
            }
            maxOn = Math.max(maxOn, on);
        }
        assertTrue(maxOn < k, "the scenario must not fit everyone at once");
        // no chattering: in a steady building a socket starts at most about once per turn
        long turns = Duration.ofSeconds(cycles).dividedBy(st.rotationPeriod());
        for (int i = 0; i < k; i++)
            assertTrue(switchOns[i] <= turns + 2, "socket " + (i + 1) + " switched on " + switchOns[i]
                    + " times in " + turns + " turns");
        for (int i = 0; i < k; i++) {
            assertTrue(charged[i].compareTo(st.minOn()) >= 0, "socket " + (i + 1) + " never charged: " + charged[i]);
            assertTrue(longestWait[i].compareTo(round) <= 0, "socket " + (i + 1) + " waited " + longestWait[i]
                    + " > one round " + round);
        }
    }

    // --- generators ----------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<SimSpec> sites() {
        Arbitrary<SimSpec.SimSocket> socket = Combinators.combine(
                Arbitraries.of(250.0, 500.0, 1000.0, 2300.0, 3680.0),
                Arbitraries.of(PriorityClass.class),
                Arbitraries.of(SessionMode.class),
                Arbitraries.of(true, true, true, true, false),
                Arbitraries.doubles().between(0.1, 1.0))
                .as((rating, prio, mode, metered, frac) -> new SimSpec.SimSocket(0, rating, prio, mode, metered, frac));
        Arbitrary<List<SimSpec.SimSocket>> sockets = socket.list().ofMinSize(1).ofMaxSize(16).map(ClosedLoopPropertiesTest::number);
        Arbitrary<Settings> settings = Combinators.combine(
                Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(30, 120), Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 500))
                .as((on, off, rot, hyst, export) -> Tuple.of(on, off, rot, hyst, export))
                .flatMap(t -> contract().map(c -> new Settings(c, 10, 100, t.get5(), Duration.ofSeconds(t.get1()),
                        Duration.ofSeconds(t.get2()), t.get4(), Duration.ofSeconds(t.get3()), Duration.ofSeconds(1),
                        10, BatteryLimits.DEFAULT)))
                // a building system's temporary import cap (SiteControl) on a third of the sites
                .flatMap(st -> Arbitraries.of(1.0, 1.0, 0.5, 0.8).map(f -> f < 1 ? st.withImportCap(st.limitW() * f) : st))
                // selling and buying by the hour's price on half of the sites (the battery charges from the grid too)
                .flatMap(st -> BatteryTradingPropertiesTest.rules().injectNull(0.5)
                        .map(rules -> rules == null ? st : st.withTrading(rules)));
        return Combinators.combine(Arbitraries.longs(), sockets, settings, Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 365 * 24))
                .as((seed, list, st, battery, gridNoise, socketNoise, hour) -> new SimSpec(seed,
                        (int) st.contractPowerW(), list, battery, gridNoise, socketNoise, true, true,
                        Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(hour)), Duration.ofMillis(250), st,
                        Double.NaN));
    }

    /**
     * k sockets of one class, all NOW, drawing close to their rating, beside a steady 200 W building load; room for
     * at least one of them (rating + hysteresis) and not for all; no failures.
     */
    @Provide
    Arbitrary<SimSpec> rotationSites() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(2, 8),
                        Arbitraries.of(PriorityClass.class), Arbitraries.of(300.0, 500.0, 1000.0, 2000.0),
                        Arbitraries.doubles().between(0.8, 1.0), Arbitraries.integers().between(0, 10),
                        Arbitraries.integers().between(ConfigValidator.MIN_HYSTERESIS_W, 300), contract())
                .as((seed, k, prio, rating, frac, minTimes, hyst, c) -> {
                    double room = c * 1.1 - 100 - ROTATION_BASE_W;
                    if (room < rating + hyst || k * rating * frac <= room + 50) return null; // not a rotation case
                    List<SimSpec.SimSocket> list = new ArrayList<>();
                    for (int i = 0; i < k; i++) list.add(new SimSpec.SimSocket(i + 1, rating, prio, SessionMode.NOW, true, frac));
                    Settings st = new Settings(c, 10, 100, 0, Duration.ofSeconds(minTimes), Duration.ofSeconds(minTimes),
                            hyst, Duration.ofSeconds(60), Duration.ofSeconds(3), 10, BatteryLimits.DEFAULT);
                    return new SimSpec(seed, c, list, false, 5, 1, false, false,
                            Instant.parse("2026-04-08T10:00:00Z"), Duration.ofSeconds(1), st, ROTATION_BASE_W);
                })
                .filter(java.util.Objects::nonNull);
    }

    private static final double ROTATION_BASE_W = 200;

    private static Arbitrary<Integer> contract() {
        return Arbitraries.of(java.util.stream.IntStream.of(AreraSteps.DOMESTIC_W).boxed().toList());
    }

    private static List<SimSpec.SimSocket> number(List<SimSpec.SimSocket> list) {
        List<SimSpec.SimSocket> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            SimSpec.SimSocket s = list.get(i);
            result.add(new SimSpec.SimSocket(i + 1, s.ratingW(), s.priority(), s.mode(), s.metered(), s.drawFraction()));
        }
        return result;
    }

    private static SocketSnapshot snapshotOf(SimSite.Step step, int socket) {
        return step.snapshot().sockets().stream().filter(s -> s.socket() == socket).findFirst().orElseThrow();
    }
}
