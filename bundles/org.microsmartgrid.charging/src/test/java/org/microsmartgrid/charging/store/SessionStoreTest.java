package org.microsmartgrid.charging.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.StringDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.FleetTrip;
import org.microsmartgrid.charging.session.Row;
import org.microsmartgrid.charging.trip.Trip;
import org.microsmartgrid.testing.Stderr;

/** The sessions store on MVStore: what is saved comes back, in order, after a clean stop and after a kill. */
class SessionStoreTest {
    static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    @TempDir
    Path dir;

    String path() {
        return dir.resolve("sessions").toString();
    }

    static Row full(int minute) {
        return new Row(new ChargingSession(UUID.randomUUID(), 3, ChargingMode.SOLAR_AND_CHEAP, 7500.5,
                T0.plusSeconds(36_000), T0.plusSeconds(60L * minute), T0.plusSeconds(60L * minute + 3600), 6123.25,
                4000.125, 1.875, "STOPPED", "token:1a2b3c4d", "kapua:tech-01"), 123_456.5);
    }

    static Row open(int minute) {
        return openAt(T0.plusSeconds(60L * minute));
    }

    static Row openAt(Instant started) {
        return new Row(new ChargingSession(UUID.randomUUID(), 1, ChargingMode.NOW, 0, null, started, null, 10, 0, 0.003,
                null, "plug", null), null);
    }

    static Row ended(Row r, Instant at, double wh) {
        ChargingSession s = r.session();
        return new Row(new ChargingSession(s.id(), s.socket(), s.mode(), s.targetWh(), s.deadline(), s.started(), at,
                wh, s.solarWh(), s.costEur(), "UNPLUGGED", s.startedBy(), null), r.meterWh());
    }

    @Test
    void everyFieldComesBackAfterAReopenNullsIncluded() throws Exception {
        Row all = full(0);
        Row nulls = open(1);
        try (SessionStore store = SessionStore.open(path())) {
            store.save(all, true);
            store.save(nulls, false);
        }
        try (SessionStore store = SessionStore.open(path())) {
            assertEquals(List.of(nulls.session(), all.session()), store.recent(10));
            assertEquals(List.of(nulls), store.openRows(), "the open one, its null meter, deadline, end... as saved");
        }
        assertTrue(Files.exists(dir.resolve("sessions.mvstore")));
        assertFalse(Files.exists(dir.resolve("sessions.mv.db")), "no SQL database any more");
    }

    @Test
    void aMeterCounterAndEveryRowFieldRoundTrip() throws Exception {
        Row all = full(0);
        try (SessionStore store = SessionStore.open(path())) {
            Row stillOpen = new Row(new ChargingSession(all.session().id(), 3, ChargingMode.SOLAR_AND_CHEAP, 7500.5,
                    T0.plusSeconds(36_000), T0, null, 1, 0.5, 0.25, null, "token:1a2b3c4d"), 99.75);
            store.save(stillOpen, true);
            assertEquals(List.of(stillOpen), store.openRows());
            store.save(all, true); // the same session ends: replaced, not added
            assertEquals(List.of(), store.openRows());
            assertEquals(List.of(all.session()), store.recent(5));
        }
    }

    @Test
    void everySaveSurvivesAKillSyncedOrNot() throws Exception {
        SessionStore store = SessionStore.open(path());
        Row a = open(0);
        Row b = open(1);
        Row c = full(2);
        store.save(a, true);
        store.save(b, false); // an energy update: not forced to the device, but in the file
        store.save(c, false);
        Row bLater = new Row(new ChargingSession(b.session().id(), 1, ChargingMode.NOW, 0, null, b.session().started(),
                null, 777, 11, 0.2, null, "plug", null), 4242.0);
        store.save(bLater, false);
        store.crash(); // kill -9: no clean close
        try (SessionStore again = SessionStore.open(path())) {
            assertEquals(List.of(a, bLater), again.openRows());
            assertEquals(List.of(c.session(), bLater.session(), a.session()), again.recent(10));
            again.save(ended(a, T0.plusSeconds(600), 50), true); // and it goes on writing
        }
        try (SessionStore again = SessionStore.open(path())) {
            assertEquals(List.of(bLater), again.openRows());
        }
    }

    @Test
    void aKillDuringTheRewriteAfterAKillLosesNothing() throws Exception {
        Row a = open(0);
        SessionStore store = SessionStore.open(path());
        store.save(a, true);
        store.crash();
        // the next start copies the records into a fresh file; a kill in the middle leaves this half-written copy
        Files.write(dir.resolve("sessions.mvstore.rewrite"), new byte[] {1, 2, 3});
        try (SessionStore again = SessionStore.open(path())) {
            assertEquals(List.of(a), again.openRows());
            again.save(full(1), true);
        }
        assertFalse(Files.exists(dir.resolve("sessions.mvstore.rewrite")));
        try (SessionStore again = SessionStore.open(path())) {
            assertEquals(2, again.recent(10).size());
        }
    }

    @Test
    void monthsOfSessionsKeepTheFileSmall() throws Exception {
        // 2,000 sessions (a busy building's months), each started, updated twice and ended: 8,000 commits. Without
        // compaction each old record would keep its whole chunk alive (measured 9.4 MB here).
        try (SessionStore store = SessionStore.open(path(), 0)) { // retention 0: as after the 45 s a real day has
            for (int i = 0; i < 2000; i++) {
                Row r = open(i);
                store.save(r, true);
                store.save(new Row(r.session(), 100.0), false);
                store.save(new Row(r.session(), 200.0), false);
                store.save(ended(r, r.session().started().plusSeconds(3600), 7000), true);
            }
            assertEquals(2000, store.recent(5000).size());
        }
        long kb = Files.size(dir.resolve("sessions.mvstore")) / 1024;
        assertTrue(kb < 3 * 1024, "2,000 sessions in " + kb + " kB");
        try (SessionStore store = SessionStore.open(path())) {
            assertEquals(2000, store.recent(5000).size());
            assertEquals(List.of(), store.openRows());
        }
    }

    @Test
    void recentIsNewestStartFirstAndStopsAtTheLimit() throws Exception {
        try (SessionStore store = SessionStore.open(path())) {
            for (int m : new int[] {5, 1, 9, 3, 7}) store.save(open(m), false);
            List<ChargingSession> three = store.recent(3);
            assertEquals(List.of(T0.plusSeconds(540), T0.plusSeconds(420), T0.plusSeconds(300)),
                    three.stream().map(ChargingSession::started).toList());
            assertEquals(5, store.recent(100).size());
            assertEquals(List.of(), store.recent(0));
            assertEquals(List.of(T0.plusSeconds(60), T0.plusSeconds(180), T0.plusSeconds(300), T0.plusSeconds(420),
                    T0.plusSeconds(540)), store.openRows().stream().map(r -> r.session().started()).toList(),
                    "open rows to resume: earliest start first");
        }
    }

    @Test
    void aSessionWhoseStartMovesIsListedOnceAtItsNewStart() throws Exception {
        try (SessionStore store = SessionStore.open(path())) {
            Row a = open(1);
            Row b = open(5);
            store.save(a, false);
            store.save(b, false);
            Row aMoved = new Row(new ChargingSession(a.session().id(), 1, ChargingMode.NOW, 0, null,
                    T0.plusSeconds(600), null, 1, 0, 0, null, "plug", null), null);
            store.save(aMoved, false);
            assertEquals(List.of(aMoved.session(), b.session()), store.recent(10));
        }
    }

    @Test
    void aTripIsStoredWithItsSessionAndShowsTheReturnSessionsEnergy() throws Exception {
        Row leaving = ended(open(0), T0.plusSeconds(3600), 900);
        Trip out = new Trip(UUID.randomUUID(), "bike-7", 2, T0.plusSeconds(3600), leaving.session().id(), null, null);
        Row back = open(120);
        Trip returned = new Trip(out.id(), "bike-7", 2, out.left(), leaving.session().id(), T0.plusSeconds(7200),
                back.session().id());
        Trip older = new Trip(UUID.randomUUID(), "bike-9", 4, T0.minusSeconds(86_400), UUID.randomUUID(),
                T0.minusSeconds(80_000), UUID.randomUUID()); // its return session pruned long ago
        SessionStore store = SessionStore.open(path());
        store.save(leaving, true, out);
        store.save(open(1), true, older);
        store.crash();
        store = SessionStore.open(path());
        assertEquals(List.of(out), store.outTrips());
        assertEquals(List.of(new FleetTrip(out.id(), "bike-7", 2, out.left(), null, null, 0, false),
                new FleetTrip(older.id(), "bike-9", 4, older.left(), older.returned(), older.returnSession(), 0,
                        false)), store.trips(10));
        store.save(back, true, returned);
        Row charged = new Row(new ChargingSession(back.session().id(), 1, ChargingMode.NOW, 0, null,
                back.session().started(), null, 321.5, 0, 0.1, null, "plug", null), null);
        store.save(charged, false);
        assertEquals(List.of(new FleetTrip(out.id(), "bike-7", 2, out.left(), returned.returned(), back.session().id(),
                321.5, false)), store.trips(1), "while it charges: the energy so far, not final");
        store.save(ended(charged, T0.plusSeconds(9000), 400), true);
        assertEquals(new FleetTrip(out.id(), "bike-7", 2, out.left(), returned.returned(), back.session().id(), 400,
                true), store.trips(1).get(0));
        assertEquals(List.of(), store.outTrips());
        store.close();
    }

    @Test
    void pruneKeepsOpenSessionsAndTripsStillOutHoweverOld() throws Exception {
        Instant now = T0.plus(Duration.ofDays(500));
        Row oldClosed = ended(open(0), T0.plusSeconds(3600), 5);
        Row oldOpen = open(1);
        Row recent = ended(openAt(now.minusSeconds(3600)), now.minusSeconds(60), 5);
        Trip oldBack = new Trip(UUID.randomUUID(), "bike-7", 2, T0, UUID.randomUUID(), T0.plusSeconds(60), null);
        Trip oldOut = new Trip(UUID.randomUUID(), "bike-8", 3, T0, UUID.randomUUID(), null, null);
        try (SessionStore store = SessionStore.open(path())) {
            store.save(oldClosed, true, oldBack);
            store.save(oldOpen, true, oldOut);
            store.save(recent, true);
            assertEquals(1, store.prune(now.minus(Duration.ofDays(400))));
            assertEquals(0, store.prune(now.minus(Duration.ofDays(400))), "nothing left to prune");
        }
        try (SessionStore store = SessionStore.open(path())) {
            assertEquals(List.of(recent.session(), oldOpen.session()), store.recent(10));
            assertEquals(List.of(oldOut), store.outTrips());
            assertEquals(1, store.trips(10).size());
        }
    }

    @Test
    void aCorruptEntryIsLoggedNamingTheFileAndTheOthersStayReadable() throws Exception {
        Row good = full(0);
        Row open = open(5);
        try (SessionStore store = SessionStore.open(path())) {
            store.save(good, true);
            store.save(open, true);
        }
        Path file = dir.resolve("sessions.mvstore");
        String bad = UUID.randomUUID().toString();
        try (MVStore raw = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<String, byte[]> sessions = raw.openMap("sessions", bytesByText());
            byte[] flipped = sessions.get(good.session().id().toString()).clone();
            flipped[20] ^= 0x10; // a flipped bit in the socket number of a stored session
            sessions.put(good.session().id().toString(), flipped);
            sessions.put(bad, new byte[] {9, 1, 2, 3, 4, 5, 6}); // an entry of an unknown format
            MVMap<String, byte[]> index = raw.openMap("sessions.byTime", bytesByText());
            index.put(TimeOrderedMap.timeKey(T0.plusSeconds(1), UUID.fromString(bad)), new byte[0]);
        }
        String log = Stderr.of(() -> {
            try (SessionStore store = SessionStore.open(path())) {
                assertEquals(List.of(open.session()), store.recent(10));
                assertEquals(List.of(open), store.openRows());
                assertEquals(0, store.prune(T0.plus(Duration.ofDays(1000))), "an unreadable entry is never pruned");
            }
        });
        assertTrue(log.contains(file.toString()) && log.contains(good.session().id().toString())
                && log.contains("check sum"), log);
        assertTrue(log.contains(bad), log);
        try (MVStore raw = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertTrue(raw.openMap("sessions", bytesByText()).containsKey(bad), "left in the file for a person to look at");
        }
    }

    @Test
    void aSecondInstanceOnTheSameFileIsRefusedAndTheFirstGoesOn() throws Exception {
        try (SessionStore store = SessionStore.open(path())) {
            IOException e = assertThrows(IOException.class, () -> SessionStore.open(path()));
            assertTrue(e.getMessage().contains(dir.resolve("sessions.mvstore").toString()), e.getMessage());
            Row r = open(0);
            store.save(r, true);
            assertEquals(List.of(r), store.openRows());
        }
    }

    @Test
    void aStoreOfANewerFormatIsRefusedWithAClearErrorAndLeftAlone() throws Exception {
        try (SessionStore store = SessionStore.open(path())) {
            store.save(open(0), true);
        }
        Path file = dir.resolve("sessions.mvstore");
        try (MVStore raw = new MVStore.Builder().fileName(file.toString()).open()) {
            raw.openMap("info", new MVMap.Builder<String, String>().keyType(StringDataType.INSTANCE)
                    .valueType(StringDataType.INSTANCE)).put("format", "2");
        }
        IOException e = assertThrows(IOException.class, () -> SessionStore.open(path()));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("format 2"), e.getMessage());
    }

    /** The types the store opens its maps with (MVStore does not keep them in the file). */
    static MVMap.Builder<String, byte[]> bytesByText() {
        return new MVMap.Builder<String, byte[]>().keyType(StringDataType.INSTANCE)
                .valueType(ByteArrayDataType.INSTANCE);
    }

}
