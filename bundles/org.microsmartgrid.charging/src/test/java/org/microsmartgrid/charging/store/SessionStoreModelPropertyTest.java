package org.microsmartgrid.charging.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.FleetTrip;
import org.microsmartgrid.charging.session.Row;
import org.microsmartgrid.charging.trip.Trip;
import org.microsmartgrid.testing.FullDisk;

/**
 * Any sequence of saves, prunes, clean restarts, kills and a disk that fills up for a while ({@link FullDisk}): the
 * store reads back what an in-memory model holds — a save that failed on the full disk included, once space returns.
 */
class SessionStoreModelPropertyTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final int IDS = 6;

    sealed interface Op permits Save, Prune, Restart, Disk {
    }

    record Save(int session, int startedMin, Integer endedMin, double wh, Double meter, boolean sync, Integer trip,
                int leftMin, Integer returnedAfter) implements Op {
    }

    record TripPart(Integer trip, int leftMin, Integer returnedAfter) {
    }

    record Prune(int beforeMin) implements Op {
    }

    record Restart(boolean kill) implements Op {
    }

    /** The disk fills up, frees up (and 10 s pass), or 10 s pass (a try to reopen is due). */
    enum Disk implements Op { FILL, FREE, TICK }

    static UUID id(String kind, int i) {
        return UUID.nameUUIDFromBytes((kind + i).getBytes());
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<TripPart> trip = Combinators.combine(Arbitraries.integers().between(0, 3).injectNull(0.6),
                Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 50).injectNull(0.4))
                .as(TripPart::new);
        Arbitrary<Op> save = Combinators.combine(Arbitraries.integers().between(0, IDS - 1),
                Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 150).injectNull(0.3),
                Arbitraries.doubles().between(0, 10_000), Arbitraries.doubles().between(0, 1e6).injectNull(0.3),
                Arbitraries.of(true, false), trip)
                .as((i, started, ended, wh, meter, sync, t) -> new Save(i, started, ended, wh, meter, sync, t.trip(),
                        t.leftMin(), t.returnedAfter()));
        Arbitrary<Op> prune = Arbitraries.integers().between(0, 160).map(Prune::new);
        Arbitrary<Op> restart = Arbitraries.of(true, false).map(Restart::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, save), net.jqwik.api.Tuple.of(1, prune), net.jqwik.api.Tuple.of(2, restart),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(Disk.class).map(d -> (Op) d)))
                .list().ofMaxSize(60);
    }

    @Property(tries = 60)
    void theStoreEqualsTheModel(@ForAll("ops") List<Op> ops) throws Exception {
        Path dir = Files.createTempDirectory("session-store-model");
        String path = dir.resolve("sessions").toString();
        Map<UUID, Row> sessions = new HashMap<>();
        Map<UUID, Trip> trips = new HashMap<>();
        AtomicLong nanos = new AtomicLong();
        // retention 0: dead chunks reused, compaction at work
        SessionStore store = SessionStore.open(path, 0, FullDisk.prefix(), nanos::get);
        boolean full = false;
        try {
            for (Op op : ops) {
                if (full && op instanceof Restart) { // a restart while full would lose the kept saves: by design
                    FullDisk.free(dir);
                    nanos.addAndGet(StoreReopener.EVERY.toNanos());
                    full = false;
                    assertMatches(store, sessions, trips);
                }
                if (op instanceof Save s) {
                    UUID sid = id("session", s.session());
                    Row row = new Row(new ChargingSession(sid, 1 + s.session(), ChargingMode.NOW, 0, null,
                            T0.plusSeconds(60L * s.startedMin()),
                            s.endedMin() == null ? null : T0.plusSeconds(60L * s.endedMin()), s.wh(), s.wh() / 2,
                            s.wh() / 3000, s.endedMin() == null ? null : "UNPLUGGED", "plug", null), s.meter());
                    Trip trip = s.trip() == null ? null : new Trip(id("trip", s.trip()), "bike-" + s.trip(), 2,
                            T0.plusSeconds(60L * s.leftMin()), sid,
                            s.returnedAfter() == null ? null : T0.plusSeconds(60L * (s.leftMin() + s.returnedAfter())),
                            s.returnedAfter() == null ? null : sid);
                    SessionStore current = store;
                    if (full) assertThrows(IOException.class, () -> current.save(row, s.sync(), trip));
                    else store.save(row, s.sync(), trip);
                    sessions.put(sid, row); // failed or not: written once space returns
                    if (trip != null) trips.put(trip.id(), trip);
                } else if (op instanceof Prune p) {
                    Instant before = T0.plusSeconds(60L * p.beforeMin());
                    long gone = sessions.values().stream()
                            .filter(r -> r.session().ended() != null && r.session().ended().isBefore(before)).count();
                    int pruned;
                    try {
                        pruned = store.prune(before);
                    } catch (IOException e) {
                        assertTrue(full, "a prune fails only on the full disk: " + e);
                        continue; // nothing deleted
                    }
                    sessions.values().removeIf(r -> r.session().ended() != null && r.session().ended().isBefore(before));
                    trips.values().removeIf(t -> t.returned() != null && t.returned().isBefore(before));
                    assertEquals(gone, pruned);
                } else if (op instanceof Restart r) {
                    if (r.kill()) store.crash();
                    else store.close();
                    store = SessionStore.open(path, 0, FullDisk.prefix(), nanos::get);
                } else if (op instanceof Disk d) {
                    if (d == Disk.FILL) FullDisk.fill(dir);
                    if (d == Disk.FREE) FullDisk.free(dir);
                    if (d != Disk.FILL) nanos.addAndGet(StoreReopener.EVERY.toNanos());
                    full = d == Disk.FILL || (full && d == Disk.TICK);
                }
                if (!full) assertMatches(store, sessions, trips); // a read reopens the store and writes what failed
            }
        } finally {
            FullDisk.free(dir);
            store.close();
            delete(dir);
        }
    }

    static void assertMatches(SessionStore store, Map<UUID, Row> sessions, Map<UUID, Trip> trips) throws IOException {
        assertEquals(sessions.values().stream().map(Row::session)
                .sorted(Comparator.comparing(ChargingSession::started).thenComparing(s -> s.id().toString()).reversed())
                .toList(), store.recent(1000));
        assertEquals(sessions.values().stream().filter(r -> r.session().open())
                .sorted(Comparator.comparing((Row r) -> r.session().started()).thenComparing(r -> r.session().id()))
                .toList(), store.openRows());
        assertEquals(trips.values().stream().filter(Trip::out)
                .sorted(Comparator.comparing(Trip::left).thenComparing(Trip::id)).toList(), store.outTrips());
        assertEquals(trips.values().stream()
                .sorted(Comparator.comparing(Trip::left).thenComparing(t -> t.id().toString()).reversed())
                .map(t -> {
                    Row back = t.returnSession() == null ? null : sessions.get(t.returnSession());
                    return new FleetTrip(t.id(), t.vehicle(), t.socket(), t.left(), t.returned(), t.returnSession(),
                            back == null ? 0 : back.session().energyWh(), back != null && !back.session().open());
                }).toList(), store.trips(1000));
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
