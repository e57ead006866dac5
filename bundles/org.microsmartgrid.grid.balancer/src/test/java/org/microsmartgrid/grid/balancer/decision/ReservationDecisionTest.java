package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SocketReason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.grid.balancer.decision.TestSite.LONG_AGO;
import static org.microsmartgrid.grid.balancer.decision.TestSite.NOON;
import static org.microsmartgrid.grid.balancer.decision.TestSite.now;
import static org.microsmartgrid.grid.balancer.decision.TestSite.socket;

/** A reserved socket is kept for its holder: off for any other session or walk-up plug, served for the holder. */
class ReservationDecisionTest {

    private static final Reserved FOR_OTHER = new Reserved("fleet:bike-7", NOON.plus(Duration.ofHours(2)), false);
    private static final Reserved FOR_HOLDER = new Reserved("fleet:bike-7", NOON.plus(Duration.ofHours(2)), true);

    private static SocketSnapshot reserved(Reserved r, RelayView relay) {
        return new SocketSnapshot(2, 1000, PriorityClass.PUBLIC, Optional.of(MeterValue.good(0, NOON)), relay, now(),
                null, r);
    }

    @Test
    void anotherSessionOrAWalkUpPlugDoesNotGetIt() {
        Decision d = new TestSite().grid(300).add(reserved(FOR_OTHER, RelayView.open(LONG_AGO))).decide();
        assertFalse(socket(d, 2).on());
        assertEquals(SocketReason.RESERVED, socket(d, 2).reason());
        assertFalse(socket(d, 2).safety(), "a reservation is not a safety off");
        assertTrue(socket(d, 2).text().contains("reserved for fleet:bike-7 until 14:00:00"), socket(d, 2).text());
    }

    @Test
    void theHoldersOwnSessionCharges() {
        Decision d = new TestSite().grid(300).add(reserved(FOR_HOLDER, RelayView.open(LONG_AGO))).decide();
        assertTrue(socket(d, 2).on(), socket(d, 2).text());
        assertEquals(SocketReason.CHARGING_NOW, socket(d, 2).reason());
    }

    @Test
    void aSocketInsideItsMinimumOnTimeIsNotSwitchedOffByAReservation() {
        // a non-safety OFF inside the minimum on-time would be deferred by the relay: it stays on until then
        Decision d = new TestSite().grid(300).add(reserved(FOR_OTHER, RelayView.closed(NOON.minusSeconds(10)))).decide();
        assertTrue(socket(d, 2).on());
        assertEquals(SocketReason.HELD_MIN_ON, socket(d, 2).reason());
    }
}
