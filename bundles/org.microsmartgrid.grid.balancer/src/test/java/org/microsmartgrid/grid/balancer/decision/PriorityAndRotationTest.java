package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SocketReason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.api.control.PriorityClass.MOBILITY_AID;
import static org.microsmartgrid.api.control.PriorityClass.PUBLIC;
import static org.microsmartgrid.api.control.PriorityClass.SHARED_FLEET;
import static org.microsmartgrid.grid.balancer.decision.TestSite.LONG_AGO;
import static org.microsmartgrid.grid.balancer.decision.TestSite.NOON;
import static org.microsmartgrid.grid.balancer.decision.TestSite.now;
import static org.microsmartgrid.grid.balancer.decision.TestSite.socket;
import static org.microsmartgrid.grid.balancer.decision.TestSite.waitingWithDraw;

/** Priority classes first; within a class, sessions take turns when there is not enough for all. */
class PriorityAndRotationTest {

    private static SocketSnapshot onSince(int n, PriorityClass p, Instant since, double w) {
        return new SocketSnapshot(n, 3680, p, Optional.of(MeterValue.good(w, NOON)), RelayView.closed(since), now());
    }

    @Test
    void aWaitingMobilityAidDisplacesAScooterInTheSameCycle() {
        // scooter on (PUBLIC, 1500 W), import 2500: 700 W headroom; the wheelchair needs 1200 + 100
        BalancerState mem = new BalancerState(Map.of(1, waitingWithDraw(1200, LONG_AGO)));
        Decision d = new TestSite().grid(2500).previous(mem)
                .off(1, MOBILITY_AID, now(), 3680).on(2, PUBLIC, now(), 1500).decide();

        assertTrue(socket(d, 1).on());
        assertFalse(socket(d, 2).on());
        assertEquals(SocketReason.WAITING_PRIORITY, socket(d, 2).reason());
        assertTrue(socket(d, 2).text().contains("socket 1"), socket(d, 2).text());
        assertTrue(d.predictedImportW() <= d.limitW());
    }

    @Test
    void aLowerClassInsideItsMinimumOnTimeKeepsItsPlaceUntilItEnds() {
        BalancerState mem = new BalancerState(Map.of(1, waitingWithDraw(1200, LONG_AGO)));
        Decision d = new TestSite().grid(2500).previous(mem)
                .off(1, SHARED_FLEET, now(), 3680).add(onSince(2, PUBLIC, NOON.minusSeconds(20), 1500)).decide();

        assertTrue(socket(d, 2).on(), "switched on 20 s ago: the relay could not switch it off yet");
        assertFalse(socket(d, 1).on());
        assertTrue(socket(d, 1).text().contains("socket 2 inside the minimum on-time"), socket(d, 1).text());

        // 60 s after it went on, the fleet vehicle takes its place
        Decision later = new TestSite().at(NOON.plusSeconds(41)).grid(2500).previous(d.next())
                .off(1, SHARED_FLEET, now(), 3680).add(onSince(2, PUBLIC, NOON.minusSeconds(20), 1500)).decide();
        assertTrue(socket(later, 1).on());
        assertEquals(SocketReason.WAITING_PRIORITY, socket(later, 2).reason());
    }

    @Test
    void whenATurnIsOverTheLongestWaitingSocketOfTheClassTakesOver() {
        // 1 has charged 20 min (> 15 min turn); 2 and 3 wait, 3 longer; room for one 2000 W socket only
        BalancerState mem = new BalancerState(Map.of(
                2, waitingWithDraw(2000, NOON.minus(Duration.ofMinutes(10))),
                3, waitingWithDraw(2000, NOON.minus(Duration.ofMinutes(30)))));
        Decision d = new TestSite().grid(2600).previous(mem)
                .add(onSince(1, PUBLIC, NOON.minus(Duration.ofMinutes(20)), 2000))
                .off(2, PUBLIC, now(), 3680).off(3, PUBLIC, now(), 3680).decide();

        assertTrue(socket(d, 3).on(), "longest waiting");
        assertFalse(socket(d, 1).on());
        assertEquals(SocketReason.WAITING_ROTATION, socket(d, 1).reason());
        assertEquals("turn of socket 3 in rotation", socket(d, 1).text());
        assertEquals(SocketReason.WAITING_ROTATION, socket(d, 2).reason());
        assertFalse(socket(d, 1).safety());
    }

    @Test
    void aTurnThatIsNotOverIsNotInterrupted() {
        BalancerState mem = new BalancerState(Map.of(2, waitingWithDraw(2000, NOON.minus(Duration.ofMinutes(60)))));
        Decision d = new TestSite().grid(2600).previous(mem)
                .add(onSince(1, PUBLIC, NOON.minus(Duration.ofMinutes(5)), 2000)).off(2, PUBLIC, now(), 3680).decide();

        assertTrue(socket(d, 1).on());
        assertEquals(SocketReason.WAITING_ROTATION, socket(d, 2).reason());
    }

    @Test
    void rotationHappensOnlyWhenThereIsNotEnoughForAll() {
        BalancerState mem = new BalancerState(Map.of(2, waitingWithDraw(500, NOON.minus(Duration.ofMinutes(60)))));
        Decision d = new TestSite().grid(2600).previous(mem)
                .add(onSince(1, PUBLIC, NOON.minus(Duration.ofMinutes(50)), 2000)).off(2, PUBLIC, now(), 3680).decide();

        assertTrue(socket(d, 1).on());
        assertTrue(socket(d, 2).on());
    }

    /**
     * Socket 2's draw is unknown (rated 2000 W): it does not fit the 2000 W gap beside socket 1 (needs 2100).
     * Socket 3, known to draw 1000 W, may use the gap meanwhile — in a borrowed turn, queued behind socket 2 — so
     * when socket 1's turn ends, socket 2 is served before socket 3. Were socket 3's turn an ordinary one, it would
     * be served first, socket 2 would again find only 2000 W, and it could starve for ever.
     */
    @Test
    void aSocketUsingAGapTooSmallForTheHeadOfTheQueueDoesNotKeepItWaiting() {
        Instant t0 = NOON;
        Instant head = t0.minus(Duration.ofMinutes(30));
        BalancerState mem = new BalancerState(Map.of(
                1, new SocketMemory(t0.minus(Duration.ofMinutes(5)), null, 1000, true, null),
                3, waitingWithDraw(1000, t0.minus(Duration.ofMinutes(10)))));
        Decision first = new TestSite().grid(1200).previous(mem)
                .add(onSince(1, PUBLIC, t0.minus(Duration.ofMinutes(5)), 1000))
                .add(new SocketSnapshot(2, 2000, PUBLIC, Optional.of(MeterValue.good(0, t0)), RelayView.open(LONG_AGO),
                        Session.now(head)))
                .off(3, PUBLIC, now(), 3680).decide();
        assertFalse(socket(first, 2).on());
        assertTrue(socket(first, 3).on(), "the gap is not wasted");
        assertEquals(head, first.next().memory(3).queuedBehind(), "a borrowed turn, queued behind socket 2");

        Instant t1 = t0.plus(Duration.ofMinutes(11)); // socket 1's 15-minute turn is over
        Decision later = new TestSite().at(t1).grid(2200).previous(first.next())
                .add(new SocketSnapshot(1, 3680, PUBLIC, Optional.of(MeterValue.good(1000, t1)),
                        RelayView.closed(t0.minus(Duration.ofMinutes(5))), now()))
                .add(new SocketSnapshot(2, 2000, PUBLIC, Optional.of(MeterValue.good(0, t1)), RelayView.open(LONG_AGO),
                        Session.now(head)))
                .add(new SocketSnapshot(3, 3680, PUBLIC, Optional.of(MeterValue.good(1000, t1)), RelayView.closed(t0),
                        now())).decide();
        assertTrue(socket(later, 2).on(), "the head of the queue gets its turn");
        assertFalse(socket(later, 1).on(), "its turn is over");
        assertEquals(SocketReason.WAITING_ROTATION, socket(later, 1).reason());
        assertTrue(socket(later, 3).on(), "behind socket 2 there is still room for it");
    }

    @Test
    void theNextStateRemembersTurnsWaitsAndThePeakDraw() {
        BalancerState mem = new BalancerState(Map.of(
                1, new SocketMemory(NOON.minus(Duration.ofMinutes(20)), null, 2100, true, null),
                3, waitingWithDraw(2000, NOON.minus(Duration.ofMinutes(30)))));
        Decision d = new TestSite().grid(2600).previous(mem)
                .add(onSince(1, PUBLIC, NOON.minus(Duration.ofMinutes(20)), 2000)).off(3, PUBLIC, now(), 3680).decide();

        SocketMemory one = d.next().memory(1);
        assertEquals(NOON, one.waitingSince(), "switched off now: waits from now, at the back of the queue");
        assertEquals(2100, one.expectedDrawW(), 1e-9, "the peak of its turn, not its last value");
        SocketMemory three = d.next().memory(3);
        assertEquals(NOON, three.turnStart());
        assertEquals(2000, three.expectedDrawW(), 1e-9);
    }
}
