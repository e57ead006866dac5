package org.microsmartgrid.charging.trip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.charging.session.Change;
import org.microsmartgrid.charging.session.Row;

/** Leaving the home socket opens a trip; the next plug-in there closes it. */
class TripBookTest {
    static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    final AtomicInteger n = new AtomicInteger();
    final TripBook book = new TripBook(Map.of(2, "bike-7"), () -> new UUID(1, n.incrementAndGet()), List.of());

    static Change started(int socket, long minute, String by) {
        return new Change(Change.Kind.STARTED, new Row(session(socket, minute, null, null, by), null));
    }

    static Change ended(int socket, long minute, String reason) {
        return new Change(Change.Kind.ENDED, new Row(session(socket, minute - 30, minute, reason, "plug"), null));
    }

    static ChargingSession session(int socket, long startMinute, Long endMinute, String reason, String by) {
        UUID id = new UUID(2, socket * 100_000L + startMinute);
        return new ChargingSession(id, socket, ChargingMode.NOW, 0, null, T0.plusSeconds(startMinute * 60),
                endMinute == null ? null : T0.plusSeconds(endMinute * 60), 500, 0, 0.1, reason, by,
                ChargingSessions.STOPPED.equals(reason) ? "console:anna" : null);
    }

    @Test
    void unpluggingAtHomeOpensATripAndTheNextPlugInThereClosesIt() {
        Trip out = book.onSession(ended(2, 60, ChargingSessions.UNPLUGGED)).orElseThrow();
        assertTrue(out.out());
        assertEquals("bike-7", out.vehicle());
        assertEquals(T0.plusSeconds(3600), out.left());

        assertTrue(book.onSession(started(3, 90, "plug")).isEmpty(), "a plug-in at another socket is not its return");
        Change back = started(2, 150, "plug");
        Trip closed = book.onSession(back).orElseThrow();
        assertEquals(out.id(), closed.id());
        assertEquals(T0.plusSeconds(150 * 60), closed.returned());
        assertEquals(back.row().session().id(), closed.returnSession());
        assertEquals(Duration.ofMinutes(90), Duration.between(closed.left(), closed.returned()));
        assertTrue(book.out().isEmpty());
        assertTrue(book.onSession(started(2, 151, "token:1a2b3c4d")).isEmpty(),
                "a driver taking over the plug session is not a second return");
    }

    @Test
    void aStoppedSessionAnotherSocketOrAnUpdateOpensNothing() {
        assertTrue(book.onSession(ended(2, 60, ChargingSessions.STOPPED)).isEmpty(),
                "stopped: the vehicle may still be plugged in");
        assertTrue(book.onSession(ended(3, 60, ChargingSessions.UNPLUGGED)).isEmpty(), "not a home socket");
        assertTrue(book.onSession(new Change(Change.Kind.UPDATED,
                new Row(session(2, 10, null, null, "plug"), null))).isEmpty());
        assertTrue(book.onSession(started(2, 70, "plug")).isEmpty(), "a plug-in with no trip out closes nothing");
        assertTrue(book.out().isEmpty());
    }

    @Test
    void aResumedTripIsClosedByTheReturnAfterARestart() {
        Trip out = new Trip(new UUID(9, 9), "bike-7", 2, T0, new UUID(9, 1), null, null);
        TripBook resumed = new TripBook(Map.of(2, "bike-7"), () -> new UUID(1, 1), List.of(out));
        assertEquals(List.of(out), resumed.out());
        assertTrue(resumed.onSession(ended(2, 60, ChargingSessions.UNPLUGGED)).isEmpty(),
                "out already: one trip at a time");
        Optional<Trip> closed = resumed.onSession(started(2, 120, "plug"));
        assertEquals(out.id(), closed.orElseThrow().id());
        assertEquals(out.outSession(), closed.get().outSession(), "the trip keeps the session it left after");
    }
}
