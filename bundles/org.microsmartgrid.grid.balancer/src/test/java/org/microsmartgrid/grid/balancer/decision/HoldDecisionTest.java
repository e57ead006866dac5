package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.meter.Quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.grid.balancer.decision.TestSite.LONG_AGO;
import static org.microsmartgrid.grid.balancer.decision.TestSite.NOON;
import static org.microsmartgrid.grid.balancer.decision.TestSite.socket;

/**
 * An installer's manual hold is an input of the decision (issue 21, item 10): held OFF stays off, held ON is switched
 * on only within the grid limit, and every safety OFF still wins, under its own reason. A 3 kW home: limit 3,200 W.
 */
class HoldDecisionTest {

    private static final Instant UNTIL = NOON.plus(Duration.ofMinutes(15));
    private static final Held ON = new Held(true, "installer:anna", UNTIL);
    private static final Held OFF = new Held(false, "installer:anna", UNTIL);

    /** Socket {@code n}, off since long ago, no session (a test load on a socket nobody charges at), held. */
    private static SocketSnapshot idleOff(int n, double ratingW, Held hold) {
        return new SocketSnapshot(n, ratingW, PriorityClass.PUBLIC, Optional.of(MeterValue.good(0, NOON)),
                RelayView.open(LONG_AGO), Session.none(), null, null, hold);
    }

    @Test
    void aSocketHeldOnIsSwitchedOnWithoutASessionWhenTheLimitHasRoom() {
        SocketDecision s = socket(new TestSite().grid(500).add(idleOff(1, 2000, ON)).decide(), 1);
        assertTrue(s.on());
        assertEquals(SocketReason.MANUAL_HOLD_ON, s.reason());
        assertTrue(s.text().contains("installer:anna"), s.text());
        assertTrue(s.change());
    }

    @Test
    void withoutTheHoldTheSameSocketStaysOff() {
        SocketDecision s = socket(new TestSite().grid(500).add(idleOff(1, 2000, null)).decide(), 1);
        assertFalse(s.on());
        assertEquals(SocketReason.NO_SESSION, s.reason());
    }

    @Test
    void aSocketHeldOnWaitsWhenItWouldTakeTheImportOverTheLimit() {
        // 2,000 W import + 2,000 W expected > 3,200 W
        SocketDecision s = socket(new TestSite().grid(2000).add(idleOff(1, 2000, ON)).decide(), 1);
        assertFalse(s.on());
        assertEquals(SocketReason.WAITING_HEADROOM, s.reason());
        assertTrue(s.text().contains("held ON by installer:anna") && s.text().contains("available"), s.text());
    }

    @Test
    void aSocketHeldOnAndRunningIsShedWhenTheImportGoesOverTheLimit() {
        TestSite site = new TestSite().grid(3900).add(new SocketSnapshot(1, 3680, PriorityClass.PUBLIC,
                Optional.of(MeterValue.good(1500, NOON)), RelayView.closed(LONG_AGO), Session.none(), null, null, ON));
        Decision d = site.decide();
        assertFalse(socket(d, 1).on());
        assertEquals(SocketReason.SHED_GRID_LIMIT, socket(d, 1).reason(), "the limit wins over the hold");
        assertTrue(socket(d, 1).safety());
        assertTrue(d.shed());
    }

    @Test
    void aSocketHeldOnWhoseMeterIsLostIsSwitchedOffForSafety() {
        TestSite site = new TestSite().grid(500).add(new SocketSnapshot(1, 3680, PriorityClass.PUBLIC,
                Optional.of(TestSite.meter(0, Quality.FAILED, NOON)), RelayView.closed(LONG_AGO), Session.none(), null,
                null, ON));
        SocketDecision s = socket(site.decide(), 1);
        assertFalse(s.on());
        assertEquals(SocketReason.SOCKET_METER_LOST, s.reason());
        assertTrue(s.safety());
    }

    @Test
    void aLostGridMeterPutsASocketHeldOnIntoTheSafeState() {
        TestSite site = new TestSite().grid(MeterValue.failed(NOON)).add(new SocketSnapshot(1, 3680,
                PriorityClass.PUBLIC, Optional.of(MeterValue.good(900, NOON)), RelayView.closed(LONG_AGO),
                Session.none(), null, null, ON)).add(idleOff(2, 2000, ON));
        Decision d = site.decide();
        assertTrue(d.safeState());
        assertEquals(SocketReason.SAFE_STATE_GRID, socket(d, 1).reason());
        assertFalse(socket(d, 1).on());
        assertFalse(socket(d, 2).on(), "nothing is switched on in the safe state, held or not");
    }

    @Test
    void aFaultedOrDisabledSocketStaysOffWhateverTheHold() {
        TestSite site = new TestSite().grid(0)
                .add(new SocketSnapshot(1, 2000, PriorityClass.PUBLIC, Optional.of(MeterValue.good(0, NOON)),
                        new RelayView(false, LONG_AGO, "stuck open"), Session.none(), null, null, ON))
                .add(new SocketSnapshot(2, 2000, PriorityClass.PUBLIC, Optional.of(MeterValue.good(0, NOON)),
                        RelayView.open(LONG_AGO), Session.none(), "coap:bms-1", null, ON));
        Decision d = site.decide();
        assertEquals(SocketReason.RELAY_FAULT, socket(d, 1).reason());
        assertEquals(SocketReason.DISABLED, socket(d, 2).reason());
        assertFalse(socket(d, 1).on() || socket(d, 2).on());
    }

    @Test
    void aSocketHeldOnWaitsForItsMinimumOffTime() {
        TestSite site = new TestSite().grid(0).add(new SocketSnapshot(1, 2000, PriorityClass.PUBLIC,
                Optional.of(MeterValue.good(0, NOON)), RelayView.open(NOON.minusSeconds(10)), Session.none(), null,
                null, ON));
        SocketDecision s = socket(site.decide(), 1);
        assertFalse(s.on(), "the relay would defer it: the loop asks again once it may");
        assertEquals(SocketReason.HELD_MIN_OFF, s.reason());
        assertTrue(s.text().contains("installer:anna"), s.text());
    }

    @Test
    void aSocketHeldOffGoesOffAtOnceEvenInsideItsMinimumOnTimeAndWithASessionAndRoom() {
        TestSite site = new TestSite().grid(1200).add(new SocketSnapshot(1, 3680, PriorityClass.MOBILITY_AID,
                Optional.of(MeterValue.good(1000, NOON)), RelayView.closed(NOON.minusSeconds(10)), TestSite.now(),
                null, null, OFF));
        SocketDecision s = socket(site.decide(), 1);
        assertFalse(s.on());
        assertEquals(SocketReason.MANUAL_HOLD_OFF, s.reason());
        assertTrue(s.safety(), "sent as a safety OFF: the installer's OFF is not deferred by the minimum on-time");
        assertTrue(s.text().contains("held OFF by installer:anna"), s.text());
    }

    @Test
    void aSocketHeldOffIsNotSwitchedOnForItsSession() {
        TestSite site = new TestSite().grid(0).add(new SocketSnapshot(1, 2000, PriorityClass.PUBLIC,
                Optional.of(MeterValue.good(0, NOON)), RelayView.open(LONG_AGO), TestSite.now(), null, null, OFF));
        SocketDecision s = socket(site.decide(), 1);
        assertFalse(s.on());
        assertEquals(SocketReason.MANUAL_HOLD_OFF, s.reason());
    }

    @Test
    void aHoldOnGoesBeforeAHigherClassSessionButNeverBeyondTheLimit() {
        // room for one 2,000 W socket: the installer's held socket takes it, the mobility aid waits
        TestSite site = new TestSite().grid(500)
                .off(1, PriorityClass.MOBILITY_AID, TestSite.now(), 2000)
                .add(idleOff(2, 2000, ON));
        Decision d = site.decide();
        assertTrue(socket(d, 2).on());
        assertFalse(socket(d, 1).on());
        assertTrue(d.predictedImportW() <= d.limitW(), "predicted " + d.predictedImportW());
    }

    @Test
    void aSocketHeldOnWithoutItsOwnMeterIsCountedAtItsRating() {
        TestSite site = new TestSite().grid(500).add(new SocketSnapshot(1, 2000, PriorityClass.PUBLIC,
                Optional.empty(), RelayView.open(LONG_AGO), Session.solarOnly(LONG_AGO), null, null, ON));
        Decision d = site.decide();
        assertEquals(SocketReason.MANUAL_HOLD_ON, socket(d, 1).reason(), "a hold is not a solar session");
        assertEquals(2000, socket(d, 1).drawW(), 1e-9);
    }

    @Test
    void whilePausedAHoldOnIsStillHonouredAndAHoldOffStillSwitchesOff() {
        TestSite site = new TestSite().grid(500).add(idleOff(1, 2000, ON))
                .add(new SocketSnapshot(2, 3680, PriorityClass.PUBLIC, Optional.of(MeterValue.good(800, NOON)),
                        RelayView.closed(LONG_AGO), TestSite.now(), null, null, OFF));
        SiteSnapshot snap = site.snapshot();
        Decision d = Pausing.hold(Balancing.decide(snap), snap, "installer:bruno", NOON.plusSeconds(600),
                snap.tariff().zone());
        assertEquals(SocketReason.MANUAL_HOLD_ON, socket(d, 1).reason());
        assertTrue(socket(d, 1).on());
        assertEquals(SocketReason.MANUAL_HOLD_OFF, socket(d, 2).reason());
        assertFalse(Pausing.leftAlone(socket(d, 1)) || Pausing.leftAlone(socket(d, 2)));
    }
}
