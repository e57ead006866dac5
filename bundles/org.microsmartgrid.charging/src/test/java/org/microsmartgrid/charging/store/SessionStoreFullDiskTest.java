package org.microsmartgrid.charging.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.charging.store.SessionStoreTest.ended;
import static org.microsmartgrid.charging.store.SessionStoreTest.open;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.charging.session.Row;
import org.microsmartgrid.charging.trip.Trip;
import org.microsmartgrid.testing.FullDisk;
import org.microsmartgrid.testing.Stderr;

/**
 * A full disk (docs/charging.md "Disco pieno / A full disk"), with the real MVStore on a file system whose writes fail
 * while "full" ({@link FullDisk}): MVStore closes the store at the failed write; once the disk takes writes again the
 * store opens itself at the next call (at most once every 10 s) and writes what failed meanwhile — no restart.
 */
class SessionStoreFullDiskTest {
    static final long TEN_S = StoreReopener.EVERY.toNanos();
    @TempDir
    Path dir;
    final AtomicLong nanos = new AtomicLong();

    SessionStore store() throws IOException {
        return SessionStore.open(dir.resolve("sessions").toString(), -1, FullDisk.prefix(), nanos::get);
    }

    @Test
    void savesFailWhileFullAndTheFirstSaveOnceSpaceReturnsStoresEveryFailedSessionInItsLatestState() throws Exception {
        Row before = open(0);
        Row a = open(1);
        Row b = open(2);
        Trip out = new Trip(new UUID(9, 9), "bike-7", 2, SessionStoreTest.T0, b.session().id(), null, null);
        Row after = open(3);
        String log = Stderr.of(() -> {
            try (SessionStore store = store()) {
                store.save(before, true);
                FullDisk.fill(dir);
                assertThrows(IOException.class, () -> store.save(a, true), "the disk is full");
                assertThrows(IOException.class, () -> store.save(b, false, out));
                Row aEnded = ended(a, SessionStoreTest.T0.plusSeconds(600), 4200);
                IOException refused = assertThrows(IOException.class, () -> store.save(aEnded, true));
                assertTrue(refused.getMessage().contains(store.file().toString()), refused.getMessage());
                assertTrue(store.problem().orElseThrow().contains(store.file().toString()), "/status names the file");
                assertThrows(IOException.class, () -> store.recent(10), "closed: reads fail too");

                FullDisk.free(dir);
                assertThrows(IOException.class, () -> store.save(after, true), "a try at most every 10 s");
                nanos.addAndGet(TEN_S);
                store.save(after, true); // no restart

                assertEquals(List.of(after.session(), b.session(), aEnded.session(), before.session()),
                        store.recent(10), "every failed save, in its latest state");
                assertEquals(List.of(out), store.outTrips(), "and the trip saved with a failed save");
                assertTrue(store.problem().isEmpty(), "/status ok again");
            }
            try (SessionStore reopened = SessionStore.open(dir.resolve("sessions").toString())) {
                assertEquals(4, reopened.recent(10).size(), "on the disk, found by a restart");
                assertEquals(4200, reopened.recent(10).stream().filter(s -> s.id().equals(a.session().id()))
                        .findFirst().orElseThrow().energyWh());
            }
        });
        assertEquals(1, Stderr.count(log, "closed after a failed write"), log);
        assertEquals(1, Stderr.count(log, "reopened, 1 record(s); 3 session(s) kept"), log);
    }

    @Test
    void aTryWhileStillFullFailsLeavesNoHalfWrittenCopyAndOnlyOneErrorIsLogged() throws Exception {
        String log = Stderr.of(() -> {
            try (SessionStore store = store()) {
                for (int i = 0; i < 20; i++) store.save(open(i), false);
                FullDisk.fill(dir);
                Row failed = open(30);
                assertThrows(IOException.class, () -> store.save(failed, true));
                for (int i = 0; i < 3; i++) {
                    nanos.addAndGet(TEN_S);
                    IOException e = assertThrows(IOException.class, () -> store.recent(5), "still full");
                    assertTrue(e.getMessage().contains("reopening failed"), e.getMessage());
                    assertFalse(Files.exists(Path.of(store.file() + ".rewrite")), "the copy is not left behind");
                    assertTrue(store.problem().isPresent());
                }
                FullDisk.free(dir);
                nanos.addAndGet(TEN_S);
                assertEquals(21, store.recent(100).size(), "a read reopens and writes the kept save");
                assertTrue(store.problem().isEmpty());
            }
        });
        assertEquals(1, Stderr.count(log, "closed after a failed write"), log);
        assertEquals(1, Stderr.count(log, "reopened"), log);
    }

    @Test
    void aCleanStopGivesTheKeptSavesOneMoreTryAtOnce() throws Exception {
        Row kept = open(1);
        Row lost = open(2);
        try (SessionStore store = store()) {
            store.save(open(0), true);
            FullDisk.fill(dir);
            assertThrows(IOException.class, () -> store.save(kept, true));
            FullDisk.free(dir); // no try due yet: the stop makes one
        }
        String log = Stderr.of(() -> {
            try (SessionStore store = store()) {
                assertEquals(kept.session(), store.recent(10).get(0));
                FullDisk.fill(dir);
                assertThrows(IOException.class, () -> store.save(lost, true));
            } // still full: said
        });
        assertTrue(log.contains("closed with 1 session(s) whose save failed"), log);
        FullDisk.free(dir);
    }

    @Test
    void theKeptSavesAreBoundedOldestDroppedFirst() {
        PendingSaves kept = new PendingSaves();
        Row first = open(0);
        kept.keep(first, null);
        for (int i = 1; i <= PendingSaves.MAX; i++) kept.keep(open(i), null);
        assertEquals(PendingSaves.MAX, kept.size());
        assertFalse(kept.rows().stream().map(Row::session).map(ChargingSession::id).anyMatch(first.session().id()::equals));
    }
}
