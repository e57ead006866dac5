package org.microsmartgrid.grid.balancer.decision;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.meter.Quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.api.control.PriorityClass.MOBILITY_AID;
import static org.microsmartgrid.api.control.PriorityClass.PUBLIC;
import static org.microsmartgrid.grid.balancer.decision.TestSite.LONG_AGO;
import static org.microsmartgrid.grid.balancer.decision.TestSite.NOON;
import static org.microsmartgrid.grid.balancer.decision.TestSite.now;
import static org.microsmartgrid.grid.balancer.decision.TestSite.socket;

/** Lost or doubtful readings and faulted relays lead to OFF at once, as safety offs. */
class SafetyTest {

    private static TestSite threeSockets(MeterValue grid) {
        return new TestSite().grid(grid)
                .on(1, MOBILITY_AID, now(), 900)                 // charging
                .on(2, PUBLIC, now(), 3)                         // on, but its meter proves it idle
                .add(new SocketSnapshot(3, 3680, PUBLIC, Optional.empty(), RelayView.closed(LONG_AGO), now()));
    }

    @Test
    void aFailedGridMeterTurnsOffEverySocketNotProvenIdle() {
        Decision d = threeSockets(MeterValue.failed(NOON)).decide();

        assertTrue(d.safeState());
        assertEquals(SocketReason.SAFE_STATE_GRID, socket(d, 1).reason());
        assertTrue(socket(d, 1).safety(), "even the mobility aid: nothing protects the limit now");
        assertTrue(socket(d, 2).on(), "idle (3 W) by its own meter: may stay on");
        assertEquals(SocketReason.SAFE_STATE_IDLE, socket(d, 2).reason());
        assertFalse(socket(d, 3).on(), "no meter of its own: cannot be proven idle");
        assertEquals(0, d.batterySetpointW(), 0);
    }

    @Test
    void aStaleGridReadingIsTreatedAsLost() {
        Decision d = threeSockets(TestSite.meter(1000, Quality.STALE, NOON)).decide();
        assertTrue(d.safeState());
        assertFalse(socket(d, 1).on());
    }

    @Test
    void aSilentGridMeterIsNoticedByTheAgeOfItsLastValue() {
        // GOOD, but captured 1.2 s ago with a 1 s bound: the meter stopped answering and nobody marked it yet
        Decision d = threeSockets(MeterValue.good(1000, NOON.minusMillis(1200))).decide();
        assertTrue(d.safeState());
        assertTrue(d.safeStateWhy().contains("silent"), d.safeStateWhy());
        assertFalse(socket(d, 1).on());

        Decision fresh = threeSockets(MeterValue.good(1000, NOON.minusMillis(900))).decide();
        assertFalse(fresh.safeState());
        assertTrue(socket(fresh, 1).on());
    }

    @Test
    void anImplausibleGridValueIsTreatedAsLost() {
        Decision d = threeSockets(MeterValue.good(5e7, NOON)).decide();
        assertTrue(d.safeState());
    }

    @Test
    void nothingIsSwitchedOnInTheSafeState() {
        Decision d = new TestSite().grid(MeterValue.failed(NOON)).off(1, MOBILITY_AID, now(), 100).decide();
        assertFalse(socket(d, 1).on());
        assertFalse(socket(d, 1).change());
    }

    @Test
    void aSocketWhoseOwnMeterFailsGoesOffAloneWithSafety() {
        SocketSnapshot lost = new SocketSnapshot(2, 3680, PUBLIC, Optional.of(TestSite.meter(0, Quality.FAILED, NOON)),
                RelayView.closed(NOON.minusSeconds(5)), now());
        Decision d = new TestSite().grid(1500).on(1, PUBLIC, now(), 1000).add(lost).decide();

        assertFalse(d.safeState());
        assertTrue(socket(d, 1).on());
        assertEquals(SocketReason.SOCKET_METER_LOST, socket(d, 2).reason());
        assertTrue(socket(d, 2).safety(), "inside its minimum on-time, but a safety off");
    }

    @Test
    void aFaultedRelayIsOff() {
        SocketSnapshot stuck = new SocketSnapshot(1, 3680, PUBLIC, Optional.of(MeterValue.good(0, NOON)),
                new RelayView(false, LONG_AGO, "feedback contact disagrees with output"), now());
        Decision d = new TestSite().grid(500).add(stuck).decide();
        assertFalse(socket(d, 1).on());
        assertEquals(SocketReason.RELAY_FAULT, socket(d, 1).reason());
        assertTrue(socket(d, 1).text().contains("feedback"));
    }
}
