package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
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

    private static final Reserved HOLDING = new Reserved("fleet:bike-7", NOON.plus(Duration.ofHours(2)), false, true);

    @Test
    void waitingForItsHolderTheReservationKeepsThePowerItWillNeed() {
        // 3200 W limit, 300 W imported: 2900 W free. A 2 kW car would start (2000 + 100 W hysteresis)...
        Decision free = new TestSite().grid(300).off(1, PriorityClass.PUBLIC, TestSite.now(), 2000)
                .add(reserved(FOR_OTHER, RelayView.open(LONG_AGO))).decide();
        assertTrue(socket(free, 1).on(), "without holding power the car starts: " + socket(free, 1).text());

        // ...but not when the reserved socket keeps its 1 kW for the holder on the way
        Decision held = new TestSite().grid(300).off(1, PriorityClass.PUBLIC, TestSite.now(), 2000)
                .add(reserved(HOLDING, RelayView.open(LONG_AGO))).decide();
        assertFalse(socket(held, 1).on());
        assertEquals(SocketReason.WAITING_HEADROOM, socket(held, 1).reason(), socket(held, 1).text());
        assertEquals(SocketReason.RESERVED, socket(held, 2).reason());
        assertTrue(socket(held, 2).text().contains("kept for the holder"), socket(held, 2).text());
        assertEquals(300, held.predictedImportW(), 1e-9, "held power is not drawn: the prediction leaves it out");
    }

    @Test
    void aHoldNeverSwitchesOffAVehicleAlreadyCharging() {
        // 2800 W imported, 2500 W of it a car: the hold takes only the 400 W left free
        Decision d = new TestSite().grid(2800).on(1, PriorityClass.PUBLIC, TestSite.now(), 2500)
                .add(reserved(HOLDING, RelayView.open(LONG_AGO))).decide();
        assertTrue(socket(d, 1).on(), socket(d, 1).text());
        assertEquals(SocketReason.CHARGING_NOW, socket(d, 1).reason());
        assertTrue(socket(d, 2).text().contains("400 W kept for the holder"), socket(d, 2).text());
    }

    @Test
    void theHolderArrivingStartsAtOnceInThePowerKeptForThem() {
        Decision d = new TestSite().grid(300).on(1, PriorityClass.PUBLIC, TestSite.now(), 1800)
                .add(reserved(new Reserved("fleet:bike-7", NOON.plus(Duration.ofHours(2)), true, false),
                        RelayView.open(LONG_AGO))).decide();
        assertTrue(socket(d, 2).on(), socket(d, 2).text());
        assertTrue(socket(d, 1).on(), "the car that charged meanwhile goes on");
    }

    /**
     * Whatever else waits: sockets switched on while a reservation holds power fit in the headroom left after the hold,
     * and the prediction never counts the hold as drawn.
     */
    @Property(tries = 300)
    void othersStartOnlyInWhatTheHoldLeaves(@ForAll @DoubleRange(min = 0, max = 3100) double gridW,
                                            @ForAll @DoubleRange(min = 100, max = 3000) double reservedRatingW,
                                            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 100, max = 3000) Integer> waiting) {
        TestSite site = new TestSite().grid(gridW);
        for (int i = 0; i < waiting.size(); i++) site.off(3 + i, PriorityClass.PUBLIC, TestSite.now(), waiting.get(i));
        site.add(new SocketSnapshot(2, reservedRatingW, PriorityClass.PUBLIC, Optional.of(MeterValue.good(0, NOON)),
                RelayView.open(LONG_AGO), TestSite.now(), null, HOLDING));
        Decision d = site.decide();
        double limit = Settings.defaults(3000).limitW();
        double hold = Math.min(reservedRatingW, Math.max(0, limit - gridW));
        double started = d.sockets().stream().filter(s -> s.socket() >= 3 && s.on()).mapToDouble(SocketDecision::drawW).sum();
        assertTrue(started <= limit - gridW - hold + 1e-6, "started " + started + " W with " + (limit - gridW)
                + " W free and " + hold + " W held");
        assertFalse(socket(d, 2).on());
        assertEquals(gridW + started, d.predictedImportW(), 1e-6);
    }

    @Test
    void aSocketInsideItsMinimumOnTimeIsNotSwitchedOffByAReservation() {
        // a non-safety OFF inside the minimum on-time would be deferred by the relay: it stays on until then
        Decision d = new TestSite().grid(300).add(reserved(FOR_OTHER, RelayView.closed(NOON.minusSeconds(10)))).decide();
        assertTrue(socket(d, 2).on());
        assertEquals(SocketReason.HELD_MIN_ON, socket(d, 2).reason());
    }
}
