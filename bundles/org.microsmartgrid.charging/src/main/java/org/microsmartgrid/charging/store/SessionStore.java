package org.microsmartgrid.charging.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.type.StringDataType;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.FleetTrip;
import org.microsmartgrid.charging.session.Row;
import org.microsmartgrid.charging.trip.Trip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions and the fleet's trips in one file, {@code <path>.mvstore}, kept by H2's storage engine (MVStore) used
 * directly, without H2's SQL engine (docs/charging.md §4). Each save is one MVStore commit, written to the file before
 * it returns (survives kill -9): a session and the trip its start or end opens or closes are in the same commit, so a
 * crash keeps both or neither; starts and ends are also forced to the device (survive a power cut). Values are
 * encoded by {@link RowCodec} and {@link TripCodec}; one that cannot be read is logged at ERROR, naming the file, and
 * skipped — never deleted, never hiding the others. A database of the earlier SQL store ({@code <path>.mv.db}) is
 * imported once on open ({@link LegacySqlImport}). A failed write (a full disk) makes MVStore close the store: the
 * failed saves are kept ({@link PendingSaves}) and the store opens itself again at a later call once the disk takes
 * writes ({@link StoreReopener}, {@link StoreFile}). Used by one thread at a time.
 */
public final class SessionStore implements AutoCloseable {
    /** The store's file: {@code database.path} + this. */
    public static final String SUFFIX = ".mvstore";
    /** The file of the earlier SQL store, imported once: {@code database.path} + this. */
    public static final String OLD_SUFFIX = ".mv.db";
    /** What the old file is renamed to once imported. */
    public static final String IMPORTED_SUFFIX = ".imported";

    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
    private static final String SESSIONS = "sessions";
    private static final String TRIPS = "trips";
    static final String INFO_MAP = "info";
    /** Every map of encoded values, with its time index. */
    static final List<String> TABLE_MAPS = List.of(SESSIONS, SESSIONS + TimeOrderedMap.INDEX_SUFFIX, TRIPS,
            TRIPS + TimeOrderedMap.INDEX_SUFFIX);
    private static final String FORMAT_KEY = "format";
    /**
     * Every this many commits, live pages of chunks under {@link #COMPACT_FILL_PERCENT} % full are rewritten (at most
     * {@link #COMPACT_WRITE_BYTES}): without MVStore's background thread nobody else does it, and a chunk kept alive by
     * one old record would otherwise hold its whole 8–16 kB (measured: 2,000 sessions, 8,000 commits: 9.4 MB
     * without, 1.5 MB with).
     */
    private static final int COMPACT_EVERY = 20;
    private static final int COMPACT_FILL_PERCENT = 50;
    private static final int COMPACT_WRITE_BYTES = 256 * 1024;
    private static final String FORMAT = "1";
    private static final String IMPORTED_KEY = "imported";

    private final Path file;
    private final Path base;
    private final StoreFile opening;
    /** After a failed write MVStore closes the store: these are replaced when it is opened again. */
    private MVStore mv;
    private TimeOrderedMap sessions;
    private TimeOrderedMap trips;
    /** Store-wide facts: the format of the store, whether the old SQL database was imported. */
    private MVMap<String, String> info;
    private final StoreReopener reopener;
    private final PendingSaves pending = new PendingSaves();
    private int commitsSinceCompact;
    /** Unreadable entries already logged, so that a page refreshed every few seconds does not flood the log. */
    private final Set<String> reported = new HashSet<>();

    private SessionStore(Path base, StoreFile opening, LongSupplier nanoTime) {
        this.base = base;
        this.opening = opening;
        this.file = opening.path();
        reopener = new StoreReopener(file, nanoTime);
    }

    private void attach(MVStore opened) {
        mv = opened;
        sessions = new TimeOrderedMap(mv, SESSIONS);
        trips = new TimeOrderedMap(mv, TRIPS);
        info = mv.openMap(INFO_MAP, textByText());
    }

    /**
     * Opens (creating when needed) the store of {@code path}: the file {@code path + ".mvstore"}; an earlier SQL
     * database {@code path + ".mv.db"} found next to it is imported first (once).
     */
    public static SessionStore open(String path) throws IOException {
        return open(path, -1);
    }

    /**
     * For tests: {@code retentionMs} &ge; 0 replaces MVStore's 45 s during which a chunk without live data is not
     * reused (a margin for disks that write late), so that reuse and compaction happen within a test.
     */
    static SessionStore open(String path, int retentionMs) throws IOException {
        return open(path, retentionMs, "", System::nanoTime);
    }

    /**
     * For tests: {@code fileSystem} prefixes the file's name for H2 (an H2 file system registered by the test, such
     * as one whose disk can fill up); {@code nanoTime} is the clock of the reopening tries.
     */
    static SessionStore open(String path, int retentionMs, String fileSystem, LongSupplier nanoTime)
            throws IOException {
        Path base = Path.of(path).toAbsolutePath();
        SessionStore store = new SessionStore(base, new StoreFile(Path.of(base + SUFFIX), fileSystem, retentionMs),
                nanoTime);
        store.start();
        return store;
    }

    /** Opens the file and checks and upgrades it: at a start and at each reopening after a failed write. */
    private void start() throws IOException {
        attach(opening.open());
        try {
            checkFormat();
            importOld(Path.of(base + OLD_SUFFIX));
        } catch (IOException | RuntimeException e) {
            mv.closeImmediately();
            throw e;
        }
    }

    /**
     * When MVStore has closed the store after a failed write: opens it again if a try is due (else refuses), and
     * writes the saves kept meanwhile. On the caller's thread, under the lock: a try costs one open (and after the
     * unclean close, one copy of the file), at most once every {@link StoreReopener#EVERY}.
     */
    private void ensureOpen() throws IOException {
        if (!mv.isClosed()) return;
        reopener.closed("closed outside a write");
        if (!reopener.due()) throw new IOException(reopener.refusal(pending.size()));
        try {
            start();
        } catch (IOException | RuntimeException e) {
            throw new IOException(reopener.refusal(pending.size()) + "; reopening failed: " + e.getMessage(), e);
        }
        reopener.reopened(sessions.size() + trips.size(), pending.size());
        if (!pending.isEmpty()) commit(() -> { }, true);
    }

    static MVMap.Builder<String, String> textByText() {
        return new MVMap.Builder<String, String>().keyType(StringDataType.INSTANCE).valueType(StringDataType.INSTANCE);
    }

    private void checkFormat() throws IOException {
        String format = info.get(FORMAT_KEY);
        if (format == null) {
            write(() -> info.put(FORMAT_KEY, FORMAT), true);
        } else if (!FORMAT.equals(format)) {
            throw new IOException(file + " is in store format " + format + ", this module reads format " + FORMAT
                    + " (written by a newer version?)");
        }
    }

    /**
     * The one-time upgrade: every session and trip of the old SQL database, in one commit together with the mark that
     * it was imported; then the old file is renamed. A crash before the commit leaves nothing imported (the next start
     * imports again); after it, the mark keeps the next start from importing twice and only the rename is redone.
     * What the store already holds is never overwritten by the old database's copy.
     */
    private void importOld(Path old) throws IOException {
        if (!Files.exists(old)) return;
        if (info.get(IMPORTED_KEY) == null) {
            LegacySqlImport.Content c;
            try {
                c = LegacySqlImport.read(old);
            } catch (IOException e) {
                // the charging must go on: the old file stays where it is, for the next start or a person to look at
                LOG.error("{}: the sessions of the earlier database were NOT imported; it is left in place and the "
                        + "import is tried again at the next start: {}", old, e.getMessage());
                return;
            }
            List<byte[]> rows = new ArrayList<>();
            for (Row r : c.sessions()) rows.add(RowCodec.encode(r));
            List<byte[]> tripValues = new ArrayList<>();
            for (Trip t : c.trips()) tripValues.add(TripCodec.encode(t));
            String mark = old + " at " + Instant.now() + ": " + c.sessions().size() + " session(s), "
                    + c.trips().size() + " trip(s), " + c.unreadable() + " unreadable";
            write(() -> {
                for (int i = 0; i < rows.size(); i++) {
                    ChargingSession s = c.sessions().get(i).session();
                    if (!sessions.contains(s.id())) sessions.put(s.id(), s.started(), rows.get(i), null);
                }
                for (int i = 0; i < tripValues.size(); i++) {
                    Trip t = c.trips().get(i);
                    if (!trips.contains(t.id())) trips.put(t.id(), t.left(), tripValues.get(i), null);
                }
                info.put(IMPORTED_KEY, mark);
            }, true);
            LOG.info("{}: imported {}", file, mark);
        }
        Path renamed = Path.of(old + IMPORTED_SUFFIX);
        if (Files.exists(renamed)) renamed = Path.of(old + IMPORTED_SUFFIX + "-" + System.currentTimeMillis());
        try {
            Files.move(old, renamed, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("{}: the earlier database is kept as {}", file, renamed);
        } catch (IOException e) {
            LOG.warn("{}: imported, but could not be renamed to {} ({}); it will not be imported again", old, renamed,
                    e.toString());
        }
    }

    /** Inserts or replaces the row of a session, in its own commit; {@code sync}: forced to the device too. */
    public synchronized void save(Row row, boolean sync) throws IOException {
        save(row, sync, null);
    }

    /**
     * Inserts or replaces the row of a session and the fleet trip its start or end opened or closed, in one commit: a
     * crash keeps both or neither, so a trip is never lost while its session's end is stored.
     *
     * @param trip null: none
     */
    public synchronized void save(Row row, boolean sync, Trip trip) throws IOException {
        // encoded before anything changes: a value that cannot be encoded changes nothing
        byte[] rowValue = RowCodec.encode(row);
        byte[] tripValue = trip == null ? null : TripCodec.encode(trip);
        try {
            write(() -> put(row, rowValue, trip, tripValue), sync);
        } catch (IOException e) {
            pending.keep(row, trip); // written by the next commit that succeeds (PendingSaves)
            throw e;
        }
    }

    private void put(Row row, byte[] rowValue, Trip trip, byte[] tripValue) {
        ChargingSession s = row.session();
        sessions.put(s.id(), s.started(), rowValue, startedOf(sessions.get(s.id())));
        if (trip != null) trips.put(trip.id(), trip.left(), tripValue, leftOf(trips.get(trip.id())));
    }

    /** Applies {@code changes} and commits them as one, with the saves kept after failures; on failure none stays. */
    private void write(Runnable changes, boolean sync) throws IOException {
        ensureOpen();
        commit(changes, sync);
    }

    private void commit(Runnable changes, boolean sync) throws IOException {
        try {
            for (Row r : pending.rows()) put(r, RowCodec.encode(r), null, null); // encoded once already: cannot fail
            for (Trip t : pending.trips()) trips.put(t.id(), t.left(), TripCodec.encode(t), leftOf(trips.get(t.id())));
            changes.run();
            mv.commit(); // the new chunk is written to the file before commit returns (no background writer)
            if (sync || !pending.isEmpty()) mv.sync(); // FileChannel.force
        } catch (MVStoreException e) {
            try {
                if (!mv.isClosed()) mv.rollback();
            } catch (MVStoreException ignored) {
                // the store is broken: the next call reports it
            }
            if (mv.isClosed()) reopener.closed(e.getMessage());
            throw new IOException("cannot write to the sessions store " + file + ": " + e.getMessage()
                    + " (the session is kept in memory and stored once the store takes writes again)", e);
        }
        pending.clear();
        compactNowAndThen();
    }

    /** Now and then, after a write has been committed: its failure is not the write's. */
    private void compactNowAndThen() {
        if (++commitsSinceCompact < COMPACT_EVERY) return;
        commitsSinceCompact = 0;
        try {
            // moves live pages only, in a commit of its own: the records are the same before and after
            mv.compact(COMPACT_FILL_PERCENT, COMPACT_WRITE_BYTES);
            mv.commit();
        } catch (MVStoreException e) {
            LOG.warn("{}: compacting the sessions store failed: {}", file, e.getMessage());
            if (mv.isClosed()) reopener.closed(e.getMessage());
        }
    }

    /** The fleet trips that were out when the module stopped (or died): to be resumed; earliest departure first. */
    public synchronized List<Trip> outTrips() throws IOException {
        List<Trip> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : read(trips::all)) {
            Trip t = trip(e.getKey(), e.getValue());
            if (t != null && t.out()) out.add(t);
        }
        out.sort(Comparator.comparing(Trip::left).thenComparing(Trip::id));
        return out;
    }

    /** The latest fleet trips, newest departure first, with the return session's energy as stored. */
    public synchronized List<FleetTrip> trips(int limit) throws IOException {
        List<FleetTrip> out = new ArrayList<>();
        ensureOpen();
        try {
            Iterator<String> keys = trips.newestFirst();
            while (out.size() < limit && keys.hasNext()) {
                String key = keys.next();
                String id = TimeOrderedMap.idOf(key);
                Trip t = trip(id, trips.get(UUID.fromString(id)));
                if (t == null || !TimeOrderedMap.indexed(key, t.left(), t.id())) continue;
                // the return session as stored: its energy, and whether it has ended (gone or unreadable: 0, open)
                Row back = t.returnSession() == null ? null
                        : row(t.returnSession().toString(), sessions.get(t.returnSession()));
                out.add(new FleetTrip(t.id(), t.vehicle(), t.socket(), t.left(), t.returned(), t.returnSession(),
                        back == null ? 0 : back.session().energyWh(), back != null && !back.session().open()));
            }
        } catch (MVStoreException e) {
            throw readFailure(e);
        }
        return out;
    }

    /** The sessions that were open when the module stopped (or died): to be resumed; earliest start first. */
    public synchronized List<Row> openRows() throws IOException {
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : read(sessions::all)) {
            Row r = row(e.getKey(), e.getValue());
            if (r != null && r.session().open()) out.add(r);
        }
        out.sort(Comparator.comparing((Row r) -> r.session().started()).thenComparing(r -> r.session().id()));
        return out;
    }

    /** The latest sessions, newest start first. */
    public synchronized List<ChargingSession> recent(int limit) throws IOException {
        List<ChargingSession> out = new ArrayList<>();
        ensureOpen();
        try {
            Iterator<String> keys = sessions.newestFirst();
            while (out.size() < limit && keys.hasNext()) {
                String key = keys.next();
                String id = TimeOrderedMap.idOf(key);
                Row r = row(id, sessions.get(UUID.fromString(id)));
                if (r != null && TimeOrderedMap.indexed(key, r.session().started(), r.session().id()))
                    out.add(r.session());
            }
        } catch (MVStoreException e) {
            throw readFailure(e);
        }
        return out;
    }

    /**
     * Deletes closed sessions that ended before {@code before}, and trips that came back before it, in one commit;
     * open sessions, trips still out and unreadable entries are never deleted.
     *
     * @return how many sessions were deleted
     */
    public synchronized int prune(Instant before) throws IOException {
        List<ChargingSession> oldSessions = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : read(sessions::all)) {
            Row r = row(e.getKey(), e.getValue());
            if (r != null && r.session().ended() != null && r.session().ended().isBefore(before))
                oldSessions.add(r.session());
        }
        List<Trip> oldTrips = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : read(trips::all)) {
            Trip t = trip(e.getKey(), e.getValue());
            if (t != null && t.returned() != null && t.returned().isBefore(before)) oldTrips.add(t);
        }
        if (oldSessions.isEmpty() && oldTrips.isEmpty()) return 0;
        write(() -> {
            for (Trip t : oldTrips) trips.remove(t.id(), t.left());
            for (ChargingSession s : oldSessions) sessions.remove(s.id(), s.started());
        }, false);
        return oldSessions.size();
    }

    /** A snapshot of the entries (MVStore maps read without locks, at the version current now). */
    private List<Map.Entry<String, byte[]>> read(Supplier<Iterable<Map.Entry<String, byte[]>>> map)
            throws IOException {
        List<Map.Entry<String, byte[]>> out = new ArrayList<>();
        ensureOpen();
        try {
            for (Map.Entry<String, byte[]> e : map.get()) out.add(Map.entry(e.getKey(), e.getValue()));
        } catch (MVStoreException e) {
            throw readFailure(e);
        }
        return out;
    }

    private IOException readFailure(MVStoreException e) {
        if (mv.isClosed()) reopener.closed(e.getMessage());
        return new IOException("cannot read the sessions store " + file + ": " + e.getMessage(), e);
    }

    /** The row stored under {@code key}; null (and logged once) when it cannot be read. */
    private Row row(String key, byte[] value) {
        if (value == null) return null;
        try {
            Row r = RowCodec.decode(value);
            if (!r.session().id().toString().equals(key)) throw new CorruptEntryException("holds session " + r.session().id());
            return r;
        } catch (CorruptEntryException e) {
            reportOnce("session", key, e);
            return null;
        }
    }

    private Trip trip(String key, byte[] value) {
        if (value == null) return null;
        try {
            Trip t = TripCodec.decode(value);
            if (!t.id().toString().equals(key)) throw new CorruptEntryException("holds trip " + t.id());
            return t;
        } catch (CorruptEntryException e) {
            reportOnce("trip", key, e);
            return null;
        }
    }

    private void reportOnce(String what, String key, CorruptEntryException e) {
        if (reported.add(what + key))
            LOG.error("{}: the stored {} {} cannot be read ({}); it is skipped and left in the file, the other records "
                    + "are unaffected", file, what, key, e.getMessage());
    }

    private static Instant startedOf(byte[] value) {
        try {
            return value == null ? null : RowCodec.decode(value).session().started();
        } catch (CorruptEntryException e) {
            return null; // its index entry, if any, is skipped on reading: its value no longer matches
        }
    }

    private static Instant leftOf(byte[] value) {
        try {
            return value == null ? null : TripCodec.decode(value).left();
        } catch (CorruptEntryException e) {
            return null;
        }
    }

    /** While the store is closed after a failed write: what {@code /status} should say. From any thread. */
    public Optional<String> problem() {
        return reopener.problem(pending.size());
    }

    /** The store's file. */
    public Path file() {
        return file;
    }

    /**
     * Closes the store cleanly (everything is committed already). No compaction on close: H2 2.1.214's (the H2 of
     * Kura 5, which this bundle also runs on) loses the data of a store reopened after a crash; space of dead chunks
     * is reused at each commit anyway.
     */
    @Override
    public synchronized void close() throws IOException {
        if (!pending.isEmpty()) lastTry();
        try {
            if (!mv.isClosed()) mv.close();
        } catch (MVStoreException e) {
            throw new IOException("cannot close the sessions store " + file + ": " + e.getMessage(), e);
        }
    }

    /** At a clean stop, the saves kept after a failure get one more try, whether or not one is due. */
    private void lastTry() {
        try {
            if (mv.isClosed()) start();
            commit(() -> { }, true);
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: closed with {} session(s) whose save failed (disk full?): their latest state is lost ({})",
                    file, pending.size(), e.getMessage());
        }
    }

    /**
     * For tests: stops the store the way a crash does — the file closed with no final commit and no compaction, as
     * after kill -9 (every save was committed before it returned: nothing of them is lost).
     */
    public synchronized void crash() {
        mv.closeImmediately();
    }
}
