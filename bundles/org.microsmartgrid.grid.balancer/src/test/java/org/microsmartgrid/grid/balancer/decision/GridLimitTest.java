package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SocketReason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.api.control.PriorityClass.MOBILITY_AID;
import static org.microsmartgrid.api.control.PriorityClass.PRIVATE;
import static org.microsmartgrid.api.control.PriorityClass.PUBLIC;
import static org.microsmartgrid.grid.balancer.decision.TestSite.LONG_AGO;
import static org.microsmartgrid.grid.balancer.decision.TestSite.NOON;
import static org.microsmartgrid.grid.balancer.decision.TestSite.now;
import static org.microsmartgrid.grid.balancer.decision.TestSite.socket;

/** Shedding: over the limit, sockets go off in reverse priority in the same cycle, until the estimate fits. */
class GridLimitTest {

    @Test
    void limitIsContractPlusTenPercentMinusReserve() {
        assertEquals(3200, Settings.defaults(3000).limitW(), 1e-9);
        assertEquals(6500, Settings.defaults(6000).limitW(), 1e-9);
    }

    @Test
    void shedsTheLowestClassFirstAndOnlyAsMuchAsNeeded() {
        // building 1200 W + sockets 1000 + 800 + 600 = 3600 W: 400 W over the 3200 W limit
        Decision d = new TestSite().grid(3600)
                .on(1, MOBILITY_AID, now(), 1000).on(2, PUBLIC, now(), 800).on(3, PRIVATE, now(), 600).decide();

        assertTrue(d.shed());
        assertEquals(SocketReason.SHED_GRID_LIMIT, socket(d, 3).reason());
        assertTrue(socket(d, 3).safety(), "a shed is a safety off");
        assertTrue(socket(d, 1).on());
        assertTrue(socket(d, 2).on());
        assertTrue(d.predictedImportW() <= d.limitW());
    }

    @Test
    void keepsSheddingUpThePrioritiesUntilTheImportFits() {
        // 1200 W over: PRIVATE (600) and PUBLIC (800) must both go, the mobility aid stays
        Decision d = new TestSite().grid(4400)
                .on(1, MOBILITY_AID, now(), 1000).on(2, PUBLIC, now(), 800).on(3, PRIVATE, now(), 600).decide();

        assertFalse(socket(d, 3).on());
        assertFalse(socket(d, 2).on());
        assertTrue(socket(d, 1).on(), "the mobility aid is shed last");
        assertEquals(4400 - 1400, d.predictedImportW(), 1e-6);
    }

    @Test
    void aShedOverridesTheMinimumOnTime() {
        SocketSnapshot justOn = new SocketSnapshot(1, 3680, PUBLIC, Optional.of(MeterValue.good(2000, NOON)),
                RelayView.closed(NOON.minusSeconds(5)), now());
        Decision d = new TestSite().grid(3500).add(justOn).decide();

        assertEquals(SocketReason.SHED_GRID_LIMIT, socket(d, 1).reason());
        assertTrue(socket(d, 1).safety());
    }

    @Test
    void withinAClassTheLongestRunningTurnIsShedFirst() {
        Settings s = Settings.defaults(3000);
        SocketSnapshot old = new SocketSnapshot(1, 3680, PUBLIC, Optional.of(MeterValue.good(1000, NOON)),
                RelayView.closed(NOON.minus(Duration.ofMinutes(40))), now());
        SocketSnapshot recent = new SocketSnapshot(2, 3680, PUBLIC, Optional.of(MeterValue.good(1000, NOON)),
                RelayView.closed(NOON.minus(Duration.ofMinutes(5))), now());
        Decision d = new TestSite().settings(s).grid(3500).add(old).add(recent).decide();

        assertFalse(socket(d, 1).on(), "its turn is over: it goes first");
        assertTrue(socket(d, 2).on());
    }

    @Test
    void nothingIsSwitchedOnInACycleThatShed() {
        Decision d = new TestSite().grid(3500)
                .on(1, PRIVATE, now(), 2000).off(2, MOBILITY_AID, now(), 200).decide();

        assertFalse(socket(d, 1).on());
        assertEquals(SocketReason.WAITING_AFTER_SHED, socket(d, 2).reason(),
                "the 1.7 kW freed is not trusted until a fresh reading confirms it");
    }

    @Test
    void aSocketWithoutItsOwnMeterCountsAsFreeingNothing() {
        // socket 3 has no meter: shedding it may free nothing, so socket 2 goes too
        SocketSnapshot unmetered = new SocketSnapshot(3, 3680, PRIVATE, Optional.empty(), RelayView.closed(LONG_AGO), now());
        Decision d = new TestSite().grid(3400).on(1, MOBILITY_AID, now(), 500).on(2, PUBLIC, now(), 500)
                .add(unmetered).decide();

        assertFalse(socket(d, 3).on());
        assertFalse(socket(d, 2).on());
        assertTrue(socket(d, 1).on());
    }

    @Test
    void aSocketSwitchedOnAfterTheGridSampleCountsItsExpectedDraw() {
        // the grid value (2500 W) predates socket 2's switch; its last turn peaked at 1000 W: 3500 W expected
        SocketSnapshot justSwitched = new SocketSnapshot(2, 3680, PRIVATE, Optional.of(MeterValue.good(0, NOON)),
                RelayView.closed(NOON.minusMillis(100)), now());
        Decision d = new TestSite().grid(MeterValue.good(2500, NOON.minusMillis(200)))
                .previous(new BalancerState(Map.of(2, new SocketMemory(NOON.minusMillis(100), null, 1000, false, null))))
                .on(1, MOBILITY_AID, now(), 500).add(justSwitched).decide();

        assertTrue(d.shed());
        assertEquals(SocketReason.SHED_GRID_LIMIT, socket(d, 2).reason());
        assertTrue(socket(d, 1).on());
    }

    @Test
    void aBatteryDischargeIsNotCountedOnToContinue() {
        // import 3000 W while the battery discharges 500 W: if it stops, the import is 3500 W, over the limit
        Decision d = new TestSite().grid(3000).battery(50, 500).on(1, PRIVATE, now(), 1000).decide();

        assertEquals(SocketReason.SHED_GRID_LIMIT, socket(d, 1).reason());
    }

    @Test
    void underTheLimitNothingIsShed() {
        Decision d = new TestSite().grid(3100).on(1, PRIVATE, now(), 2000).decide();
        assertFalse(d.shed());
        assertTrue(socket(d, 1).on());
        assertEquals(SocketReason.CHARGING_NOW, socket(d, 1).reason());
    }
}
