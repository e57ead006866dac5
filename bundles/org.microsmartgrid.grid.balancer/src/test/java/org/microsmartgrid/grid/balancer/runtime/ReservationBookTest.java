package org.microsmartgrid.grid.balancer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.control.Reservation;
import org.microsmartgrid.grid.balancer.decision.Reserved;

/** Reservations: overlaps refused with a clear error and nothing changed, kept across a restart, expiry. */
class ReservationBookTest {

    private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @TempDir
    Path dir;

    private ReservationBook book(Instant now) {
        ReservationBook b = new ReservationBook(dir.resolve("reservations.properties"), Clock.fixed(now, ZoneOffset.UTC),
                Duration.ofMinutes(15), ROME);
        b.setKnownSockets(s -> s >= 1 && s <= 4);
        return b;
    }

    @Test
    void anOverlappingReservationIsRefusedNamingTheOtherAndNothingChanges() throws Exception {
        ReservationBook b = book(NOW);
        Reservation first = b.reserve(2, NOW.plusSeconds(3600), NOW.plusSeconds(3 * 3600), "fleet:bike-7", "coap:bms");
        String before = Files.readString(dir.resolve("reservations.properties"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.reserve(2, NOW.plusSeconds(2 * 3600), NOW.plusSeconds(4 * 3600), "token:ab12", "console:anna"));
        assertTrue(e.getMessage().contains("socket 2 is already reserved 2026-12-07T17:00–2026-12-07T19:00"),
                e.getMessage());
        assertTrue(e.getMessage().contains(first.id()) && e.getMessage().contains("già prenotata"), e.getMessage());
        assertEquals(1, b.reservations().size());
        assertEquals(before, Files.readString(dir.resolve("reservations.properties")), "the file is untouched");
        // back to back is not an overlap, and another socket is free
        b.reserve(2, NOW.plusSeconds(3 * 3600), NOW.plusSeconds(4 * 3600), "token:ab12", "console:anna");
        b.reserve(3, NOW.plusSeconds(3600), NOW.plusSeconds(2 * 3600), "token:ab12", "console:anna");
        assertEquals(3, b.reservations().size());
    }

    @Test
    void badWindowsSocketsAndMissingNamesAreRefused() {
        ReservationBook b = book(NOW);
        assertRefused(() -> b.reserve(9, NOW, NOW.plusSeconds(60), "h", "a"), "not a socket");
        assertRefused(() -> b.reserve(1, NOW.plusSeconds(60), NOW, "h", "a"), "ends before it starts");
        assertRefused(() -> b.reserve(1, NOW.minusSeconds(7200), NOW.minusSeconds(60), "h", "a"), "in the past");
        assertRefused(() -> b.reserve(1, NOW, NOW.plus(Duration.ofHours(25)), "h", "a"), "24 h");
        assertRefused(() -> b.reserve(1, NOW.plus(Duration.ofDays(15)), NOW.plus(Duration.ofDays(15)).plusSeconds(60),
                "h", "a"), "14 days");
        assertRefused(() -> b.reserve(1, NOW, NOW.plusSeconds(60), " ", "a"), "holder");
        assertRefused(() -> b.reserve(1, NOW, NOW.plusSeconds(60), "h", null), "actor");
        assertTrue(b.reservations().isEmpty());
        assertFalse(Files.exists(dir.resolve("reservations.properties")), "nothing written");
    }

    @Test
    void reservationsSurviveARestartAndACancelToo() {
        ReservationBook b = book(NOW);
        Reservation kept = b.reserve(1, NOW.plusSeconds(600), NOW.plusSeconds(7200), "fleet:bike-7", "coap:bms");
        Reservation cancelled = b.reserve(2, NOW.plusSeconds(600), NOW.plusSeconds(7200), "token:ab12", "coap:bms");
        assertTrue(b.cancel(cancelled.id(), "console:anna"));
        assertFalse(b.cancel(cancelled.id(), "console:anna"), "already cancelled");

        ReservationBook restarted = book(NOW);
        assertEquals(1, restarted.reservations().size());
        assertEquals(kept, restarted.reservations().get(0));
    }

    @Test
    void anUnusedReservationExpiresAfterItsGraceAUsedOneLastsItsWindow() {
        ReservationBook b = book(NOW);
        Reservation unused = b.reserve(1, NOW, NOW.plusSeconds(7200), "fleet:bike-7", "coap:bms");
        Reservation used = b.reserve(2, NOW, NOW.plusSeconds(7200), "token:ab12", "coap:bms");

        Map<Integer, Reserved> inForce = b.inForce(NOW.plusSeconds(60), Map.of(2, "token:ab12", 1, "plug"));
        assertFalse(inForce.get(1).holderHere(), "a walk-up plug is not the holder");
        assertTrue(inForce.get(2).holderHere());

        inForce = b.inForce(NOW.plus(Duration.ofMinutes(15)), Map.of());
        assertFalse(inForce.containsKey(1), "expired unused after 15 min");
        assertTrue(inForce.containsKey(2), "used: kept for its window even while the vehicle is away");
        assertEquals(used.id(), book(NOW).reservations().get(0).id(), "the expiry is stored");
        assertTrue(b.inForce(NOW.plusSeconds(7200), Map.of()).isEmpty(), "ended");
        assertTrue(b.reservations().isEmpty());
        assertFalse(unused.used());
    }

    @Test
    void powerIsHeldOnlyUntilTheHolderFirstComes() {
        ReservationBook b = book(NOW);
        b.reserve(2, NOW, NOW.plusSeconds(7200), "token:ab12", "coap:bms");
        assertFalse(b.inForce(NOW.plusSeconds(10), Map.of()).get(2).holdsPower(), "off unless configured");
        b.setHoldPower(true);
        assertTrue(b.inForce(NOW.plusSeconds(20), Map.of(2, "plug")).get(2).holdsPower(), "waiting for the holder");
        b.inForce(NOW.plusSeconds(30), Map.of(2, "token:ab12"));
        Reserved away = b.inForce(NOW.plusSeconds(40), Map.of()).get(2);
        assertFalse(away.holdsPower(), "once the holder came, a moment away does not hold the others back");
        assertFalse(away.holderHere());
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable call, String mention) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(mention), "'" + mention + "' not in: " + e.getMessage());
    }
}
