package org.microsmartgrid.grid.balancer.decision;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SocketReason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.api.control.PriorityClass.PUBLIC;
import static org.microsmartgrid.grid.balancer.decision.TestSite.LONG_AGO;
import static org.microsmartgrid.grid.balancer.decision.TestSite.now;
import static org.microsmartgrid.grid.balancer.decision.TestSite.socket;
import static org.microsmartgrid.grid.balancer.decision.TestSite.waitingWithDraw;

/** Adding a socket back needs headroom for its expected draw plus the hysteresis; keeping it needs only its draw. */
class AddBackTest {

    private static BalancerState drewBefore(int socket, double w) {
        return new BalancerState(Map.of(socket, waitingWithDraw(w, LONG_AGO)));
    }

    @Test
    void staysOffWhenTheHeadroomCoversTheDrawButNotTheHysteresis() {
        // limit 3200, import 2150: 1050 W headroom; the socket drew 1000 W in its last turn, needs 1000 + 100
        Decision d = new TestSite().grid(2150).previous(drewBefore(1, 1000)).off(1, PUBLIC, now(), 3680).decide();

        assertFalse(socket(d, 1).on());
        assertEquals(SocketReason.WAITING_HEADROOM, socket(d, 1).reason());
        assertTrue(socket(d, 1).text().contains("needs 1100 W"), socket(d, 1).text());
    }

    @Test
    void goesOnWhenTheHeadroomCoversDrawPlusHysteresis() {
        Decision d = new TestSite().grid(2100).previous(drewBefore(1, 1000)).off(1, PUBLIC, now(), 3680).decide();

        assertTrue(socket(d, 1).on());
        assertTrue(socket(d, 1).change());
        assertEquals(3100, d.predictedImportW(), 1e-6);
    }

    @Test
    void aRunningSocketStaysWhileItsOwnDrawFitsInsideTheHysteresisBand() {
        // import 3150 with the socket drawing 1000: 50 W left, less than the hysteresis, but it stays on
        Decision d = new TestSite().grid(3150).on(1, PUBLIC, now(), 1000).decide();

        assertTrue(socket(d, 1).on());
        assertEquals(SocketReason.CHARGING_NOW, socket(d, 1).reason());
    }

    @Test
    void aSocketNeverMeasuredIsExpectedToDrawItsRating() {
        // 2000 W headroom: a 3680 W Schuko rating does not fit, a socket rated 1000 W (an e-bike socket) does
        Decision d = new TestSite().grid(1200).off(1, PUBLIC, now(), 3680).off(2, PUBLIC, now(), 1000).decide();

        assertFalse(socket(d, 1).on());
        assertTrue(socket(d, 2).on());
    }

    @Test
    void minimumOffTimeHoldsASocketOffEvenWithHeadroom() {
        SocketSnapshot justOff = new SocketSnapshot(1, 500, PUBLIC,
                java.util.Optional.of(MeterValue.good(0, TestSite.NOON)), RelayView.open(TestSite.NOON.minusSeconds(10)),
                now());
        Decision d = new TestSite().grid(200).add(justOff).decide();

        assertFalse(socket(d, 1).on());
        assertEquals(SocketReason.HELD_MIN_OFF, socket(d, 1).reason());
        assertFalse(socket(d, 1).change(), "no switch is asked that the relay would defer");
    }

    @Test
    void minimumOnTimeHoldsASocketOnWhenItsSessionEnds() {
        SocketSnapshot justOn = new SocketSnapshot(1, 500, PUBLIC,
                java.util.Optional.of(MeterValue.good(300, TestSite.NOON)), RelayView.closed(TestSite.NOON.minusSeconds(10)),
                Session.none());
        Decision d = new TestSite().grid(800).add(justOn).decide();

        assertTrue(socket(d, 1).on());
        assertEquals(SocketReason.HELD_MIN_ON, socket(d, 1).reason());
    }

    @Test
    void withoutASessionASocketGoesOff() {
        Decision d = new TestSite().grid(800).on(1, PUBLIC, Session.none(), 0).decide();
        assertFalse(socket(d, 1).on());
        assertEquals(SocketReason.NO_SESSION, socket(d, 1).reason());
        assertFalse(socket(d, 1).safety());
    }
}
