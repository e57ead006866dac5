package org.microsmartgrid.charging.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.charging.config.Settings;
import org.microsmartgrid.charging.config.Tokens;

class SessionBookTest {

    private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");
    private static final String TOKEN = "driver-42";
    private static final Settings SETTINGS = new Settings("unused", ChargingMode.NOW, 20, Duration.ofSeconds(120),
            Map.of("F1", 0.30, "F2", 0.25, "F3", 0.20), Set.of(Tokens.sha256Hex(TOKEN)));

    private final AtomicInteger n = new AtomicInteger();
    private final SessionBook book = new SessionBook(SETTINGS, () -> new UUID(0, n.incrementAndGet()), List.of());

    private static SocketSample power(int socket, long s, double w) {
        return new SocketSample(socket, T0.plusSeconds(s), w, null, true);
    }

    /** Feeds one reading per second from {@code from} to {@code to} (inclusive) at a constant power. */
    private Optional<Change> run(int socket, long from, long to, double w, Double gridW, String band) {
        Optional<Change> last = Optional.empty();
        for (long s = from; s <= to; s++) {
            Optional<Change> c = book.onSocket(power(socket, s, w), gridW, band);
            if (c.isPresent()) last = c;
        }
        return last;
    }

    @Test
    void pluggingInStartsASessionInTheDefaultModeAndUnpluggingEndsItWithTheRecord() {
        assertTrue(book.onSocket(power(1, 0, 5), -1000.0, "F1").isEmpty(), "5 W is below the plug threshold");
        Change start = book.onSocket(power(1, 1, 1000), -1000.0, "F1").orElseThrow();
        assertEquals(Change.Kind.STARTED, start.kind());
        assertEquals(ChargingMode.NOW, start.row().session().mode());
        assertEquals(ChargingSessions.PLUG, start.row().session().startedBy());
        assertEquals(T0.plusSeconds(1), start.row().session().started());

        run(1, 2, 3601, 1000, -1000.0, "F1"); // one hour at 1 kW while the site exports 1 kW
        ChargingSession open = book.active(1).orElseThrow();
        assertEquals(1000, open.energyWh(), 1e-6);
        assertEquals(1000, open.solarWh(), 1e-6, "the site exported: all of it local");
        assertEquals(0.30, open.costEur(), 1e-9, "1 kWh in F1");

        Optional<Change> end = run(1, 3602, 3602 + 120, 0, -2000.0, "F1");
        assertEquals(Change.Kind.ENDED, end.orElseThrow().kind());
        ChargingSession rec = end.get().row().session();
        assertEquals(ChargingSessions.UNPLUGGED, rec.endReason());
        assertEquals(T0.plusSeconds(3602 + 120), rec.ended());
        assertEquals(open.id(), rec.id());
        assertTrue(book.active(1).isEmpty());
    }

    @Test
    void gridImportIsCountedAgainstTheSocketFirstSoSolarIsNeverOverstated() {
        book.onSocket(power(2, 0, 2000), 500.0, "F3");
        run(2, 1, 1800, 2000, 500.0, "F3"); // half an hour at 2 kW with 500 W imported
        ChargingSession s = book.active(2).orElseThrow();
        assertEquals(1000, s.energyWh(), 1e-6);
        assertEquals(750, s.solarWh(), 1e-6, "(2000 - 500) / 2000 of each step");
        assertEquals(0.20, s.costEur(), 1e-9, "1 kWh in F3");
        run(2, 1801, 1810, 2000, null, null); // grid unknown, band unknown
        ChargingSession later = book.active(2).orElseThrow();
        assertEquals(750, later.solarWh(), 1e-6, "an untrusted grid reading counts nothing as solar");
        assertEquals(0.20 + 2000 * 10 / 3600.0 / 1000 * 0.30, later.costEur(), 1e-9, "unknown band: dearest");
    }

    @Test
    void theImportCounterGivesTheEnergyWhenTheMeterHasOne() {
        book.onSocket(new SocketSample(3, T0, 500.0, 10_000.0, true), 0.0, "F2");
        book.onSocket(new SocketSample(3, T0.plusSeconds(60), 500.0, 10_300.0, true), 0.0, "F2");
        assertEquals(300, book.active(3).orElseThrow().energyWh(), 1e-9, "counter difference, not 500 W x 60 s");
        book.onSocket(new SocketSample(3, T0.plusSeconds(61), 500.0, 2.0, true), 0.0, "F2");
        assertEquals(300, book.active(3).orElseThrow().energyWh(), 1e-9, "a reset counter adds nothing");
        book.onSocket(new SocketSample(3, T0.plusSeconds(62), 500.0, 12.0, true), 0.0, "F2");
        assertEquals(310, book.active(3).orElseThrow().energyWh(), 1e-9, "and counts on from its new base");
    }

    @Test
    void noPowerWithTheRelayOpenSaysNothingAboutThePlug() {
        book.onSocket(power(4, 0, 100), 0.0, "F1");
        for (long s = 1; s <= 600; s++)
            assertTrue(book.onSocket(new SocketSample(4, T0.plusSeconds(s), 0.0, null, false), 0.0, "F1")
                    .filter(c -> c.kind() == Change.Kind.ENDED).isEmpty(), "the balancer holds it off: waiting");
        assertTrue(book.active(4).isPresent());
        book.onSocket(new SocketSample(4, T0.plusSeconds(601), null, null, true), 0.0, "F1"); // meter FAILED
        assertEquals(Change.Kind.ENDED, run(4, 602, 602 + 120, 0, 0.0, "F1").orElseThrow().kind(),
                "relay closed and still nothing drawn for 120 s: unplugged");
    }

    @Test
    void aTokenStartsASessionTakesOverAPlugOneAndCannotTakeAnotherDriversSocket() {
        Instant deadline = T0.plusSeconds(8 * 3600);
        Change c = book.start(1, ChargingMode.SOLAR_AND_CHEAP, 6000, deadline, TOKEN, T0);
        assertEquals(Change.Kind.STARTED, c.kind());
        assertEquals("token:" + Tokens.sha256Hex(TOKEN).substring(0, 8), c.row().session().startedBy());
        assertEquals(deadline, c.row().session().deadline());
        assertThrows(IllegalStateException.class, () -> book.start(1, ChargingMode.NOW, 0, null, TOKEN, T0));

        book.onSocket(power(2, 0, 800), 0.0, "F1");
        run(2, 1, 3600, 800, 0.0, "F1");
        UUID plugged = book.active(2).orElseThrow().id();
        ChargingSession taken = book.start(2, ChargingMode.SOLAR_ONLY, 0, null, TOKEN, T0.plusSeconds(3600))
                .row().session();
        assertEquals(plugged, taken.id(), "the plug session is taken over, not duplicated");
        assertEquals(ChargingMode.SOLAR_ONLY, taken.mode());
        assertEquals(800, taken.energyWh(), 1e-6, "its energy so far is kept");
    }

    @Test
    void startsAreRefusedWithoutAnAuthorizedTokenOrWithABadRequest() {
        assertThrows(SecurityException.class, () -> book.start(1, ChargingMode.NOW, 0, null, "guess", T0));
        assertThrows(SecurityException.class, () -> book.start(1, ChargingMode.NOW, 0, null, null, T0));
        assertThrows(SecurityException.class,
                () -> book.start(1, ChargingMode.NOW, 0, null, Tokens.sha256Hex(TOKEN), T0), "the hash is no token");
        assertThrows(IllegalArgumentException.class, () -> book.start(0, ChargingMode.NOW, 0, null, TOKEN, T0));
        assertThrows(IllegalArgumentException.class,
                () -> book.start(1, ChargingMode.SOLAR_AND_CHEAP, 5000, T0.minusSeconds(1), TOKEN, T0));
        assertThrows(IllegalArgumentException.class,
                () -> book.start(1, ChargingMode.SOLAR_AND_CHEAP, 0, T0.plusSeconds(60), TOKEN, T0));
        assertTrue(book.active(1).isEmpty());
    }

    @Test
    void aRemoteStartNeedsNoTokenButAnActorAndNeverTakesADriversSocket() {
        ChargingSession s = book.startRemote(3, ChargingMode.NOW, 0, null, " kapua:tech-01 ", T0).row().session();
        assertEquals("remote:kapua:tech-01", s.startedBy());
        assertThrows(IllegalStateException.class,
                () -> book.start(3, ChargingMode.NOW, 0, null, TOKEN, T0), "the remote session makes it busy");
        book.start(4, ChargingMode.NOW, 0, null, TOKEN, T0);
        assertThrows(IllegalStateException.class,
                () -> book.startRemote(4, ChargingMode.NOW, 0, null, "kapua:tech-01", T0), "a driver's socket stays theirs");
        assertThrows(IllegalArgumentException.class, () -> book.startRemote(5, ChargingMode.NOW, 0, null, " ", T0));
        assertThrows(IllegalArgumentException.class, () -> book.startRemote(0, ChargingMode.NOW, 0, null, "x", T0));
        assertTrue(book.active(5).isEmpty());
    }

    @Test
    void stopEndsTheSessionAsStoppedWithWhoDidItApart() {
        book.start(5, ChargingMode.NOW, 0, null, TOKEN, T0);
        ChargingSession rec = book.stop(5, " kapua:tech-01 ", T0.plusSeconds(60)).orElseThrow().row().session();
        assertEquals(ChargingSessions.STOPPED, rec.endReason());
        assertEquals("kapua:tech-01", rec.endedBy());
        assertEquals(T0.plusSeconds(60), rec.ended());
        assertTrue(book.stop(5, null, T0.plusSeconds(61)).isEmpty(), "nothing open any more");
        book.start(5, ChargingMode.NOW, 0, null, TOKEN, T0.plusSeconds(62));
        assertEquals(ChargingSessions.STOPPED, book.stop(5, "", T0.plusSeconds(63)).orElseThrow().row().session()
                .endReason());
    }

    @Test
    void aPluggedInSessionRecordsTheModeTheLoopServesTheSocketIn() {
        // socket 4 is configured SOLAR_AND_CHEAP in the balancer; charging's own default mode is NOW
        Change opened = book.onSocket(new SocketSample(4, T0, 900.0, null, true), null, "F3",
                ChargingMode.SOLAR_AND_CHEAP).orElseThrow();
        assertEquals(ChargingMode.SOLAR_AND_CHEAP, opened.row().session().mode());
        // opened before the loop said: follows it as soon as it does
        Change other = book.onSocket(new SocketSample(2, T0, 900.0, null, true), null, "F3").orElseThrow();
        assertEquals(ChargingMode.NOW, other.row().session().mode(), "default.mode while the loop has not said");
        book.onSocket(new SocketSample(2, T0.plusSeconds(1), 900.0, null, true), null, "F3", ChargingMode.SOLAR_ONLY);
        assertEquals(ChargingMode.SOLAR_ONLY, book.active(2).orElseThrow().mode());
    }

    @Test
    void energyIsHandedToTheStoreAtMostEveryFiveSeconds() {
        book.onSocket(power(1, 0, 1000), 0.0, "F1");
        long updates = 0;
        for (long s = 1; s <= 60; s++)
            updates += book.onSocket(power(1, s, 1000), 0.0, "F1").stream()
                    .filter(c -> c.kind() == Change.Kind.UPDATED).count();
        assertEquals(12, updates, "60 s of readings every second: one write per 5 s");
        book.onSocket(power(1, 61, 1000), 0.0, "F1");
        List<Change> pending = book.pending();
        assertEquals(1, pending.size(), "the last second's energy is written when the component stops");
        assertEquals(61 * 1000 / 3600.0, pending.get(0).row().session().energyWh(), 1e-9);
        assertTrue(book.pending().isEmpty());
    }

    @Test
    void openSessionsFoundInTheDatabaseAreResumedNotStartedAgain() {
        ChargingSession stored = new ChargingSession(UUID.randomUUID(), 7, ChargingMode.SOLAR_ONLY, 0, null, T0,
                null, 1500, 1500, 0.3, null, ChargingSessions.PLUG);
        SessionBook resumed = new SessionBook(SETTINGS, UUID::randomUUID, List.of(new Row(stored, 42_000.0)));
        assertEquals(stored.id(), resumed.active(7).orElseThrow().id());
        assertTrue(resumed.onSocket(new SocketSample(7, T0.plusSeconds(900), 300.0, 42_100.0, true), -500.0, "F1")
                .map(c -> c.kind() != Change.Kind.STARTED).orElse(true), "no second session");
        ChargingSession s = resumed.active(7).orElseThrow();
        assertEquals(1600, s.energyWh(), 1e-9, "the energy drawn while the module was down is counted once");
        assertNull(s.ended());
    }

    @Test
    void aStoppedSocketIsHeldSoThePluggedVehicleDoesNotStartANewSessionUntilTheHoldEnds() {
        SessionBook held = new SessionBook(new Settings("unused", ChargingMode.NOW, 20, Duration.ofSeconds(120),
                Map.of("F1", 0.30, "F2", 0.25, "F3", 0.20), Set.of(Tokens.sha256Hex(TOKEN)), Duration.ofSeconds(600),
                Duration.ZERO), () -> new UUID(0, n.incrementAndGet()), List.of());
        held.start(2, ChargingMode.NOW, 0, null, TOKEN, T0);
        held.stop(2, "driver", T0.plusSeconds(60));
        assertTrue(held.held(2, T0.plusSeconds(61)));
        assertTrue(held.onSocket(power(2, 62, 900), null, "F1").isEmpty(), "still drawing: no new plug session");
        assertTrue(held.active(2).isEmpty());
        assertFalse(held.held(2, T0.plusSeconds(661)), "the hold ends after stop.hold.s");
        assertEquals(Change.Kind.STARTED, held.onSocket(power(2, 662, 900), null, "F1").orElseThrow().kind());

        held.stop(2, "driver", T0.plusSeconds(700));
        held.start(2, ChargingMode.SOLAR_ONLY, 0, null, TOKEN, T0.plusSeconds(710));
        assertFalse(held.held(2, T0.plusSeconds(711)), "a new start ends the hold");

        held.stop(3, ChargingSessions.UNPLUGGED, T0);
        assertFalse(held.held(3, T0.plusSeconds(1)), "nothing to hold when nothing is there");
        assertFalse(book.held(2, T0), "no hold configured: none");
    }
}
