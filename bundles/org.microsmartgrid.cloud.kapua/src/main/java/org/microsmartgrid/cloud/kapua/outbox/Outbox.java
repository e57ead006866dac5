package org.microsmartgrid.cloud.kapua.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;
import org.microsmartgrid.telemetry.MessageClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Store and forward: every message the module sends goes through this queue and leaves it only when the broker
 * acknowledged it. The queue is an embedded MVStore (H2's storage engine used directly, without its SQL engine: the
 * module's memory budget, docs/benchmarks.md) in the file {@code <path>.mvstore}.
 *
 * <p>Every change is one MVStore commit, written to the file before the method returns (auto-commit is off: nothing
 * is ever written half-way, and a commit is one chunk appended atomically): it survives kill -9. Session records
 * and events are also forced to the device (they must survive a power cut).
 *
 * <p>Bounded by {@code maxMessages}: when full, the oldest telemetry is dropped first, then the oldest events, then
 * the oldest session records (each drop is logged; a session record dropped is an error). One map per message class
 * keeps "the oldest of a class" a first key.
 *
 * <p>{@link #addOnce} makes producers idempotent across restarts: a message with a key already seen (e.g. a session's
 * closed record) is not added again, even after it was delivered and deleted; keys are kept until {@link #forgetKeys}.
 *
 * <p>A module upgraded from a version that kept the outbox in H2's SQL tables ({@code <path>.mv.db}) has its queued
 * messages imported once at open ({@link LegacySqlOutbox}); docs/cloud.md.
 *
 * <p>A failed write (a full disk) makes MVStore close the store: calls meanwhile are held in memory
 * ({@link HeldMessages}) and the store opens itself again at a later call once the disk takes writes
 * ({@link OutboxReopener}), replaying them in its first commit.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    /** Layout of the store: one queue map per class (seq to {@link StoredMessageCodec} bytes), keys, counters. */
    static final String QUEUE_PREFIX = "queue.";
    static final String KEYS = "keys";
    static final String META = "meta";
    static final String SET_ASIDE = "unreadable";
    static final String META_FORMAT = "format";
    static final String META_NEXT_SEQ = "next.seq";
    /** Present only between an import's commit and the old file's rename: the import is not made twice. */
    static final String META_IMPORTED = "legacy.imported";
    private static final long FORMAT = 1;
    /** Rewrite chunks left mostly empty every so many commits (MVStore's background housekeeping is off). */
    private static final int COMPACT_EVERY = 100;
    private static final int CLOSE_COMPACT_MS = 200;
    private static final int FULL_COMPACT_BELOW_FILL = 50;
    private static final int PAGE_SPLIT_BYTES = 4096;
    private static final int CACHE_MB = 2;

    private final Path path;
    private final Path file;
    /** The file's name for H2: "" or, in tests only, an H2 file-system prefix such as "fulldisk:". */
    private final String fileSystem;
    /** After a failed write MVStore closes the store: these are replaced when it is opened again. */
    private MVStore store;
    private final Map<MessageClass, MVMap<Long, byte[]>> queues = new EnumMap<>(MessageClass.class);
    private MVMap<String, Long> keys;
    private MVMap<String, Long> meta;
    private MVMap<Long, byte[]> setAside;
    private final int maxMessages;
    private final OutboxReopener reopener;
    private final HeldMessages held = new HeldMessages(HeldMessages.MAX);
    private long nextSeq;
    private long count;
    private long dropped;
    private int commitsSinceCompact;

    private Outbox(Path path, String fileSystem, int maxMessages, LongSupplier nanoTime) {
        this.path = path;
        this.file = fileOf(path);
        this.fileSystem = fileSystem;
        this.maxMessages = maxMessages;
        reopener = new OutboxReopener(file, nanoTime);
    }

    private void attach(MVStore opened) {
        store = opened;
        for (MessageClass kind : MessageClass.values())
            queues.put(kind, store.openMap(QUEUE_PREFIX + kind.name(), queueType()));
        keys = store.openMap(KEYS, new MVMap.Builder<String, Long>()
                .keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE));
        meta = store.openMap(META, new MVMap.Builder<String, Long>()
                .keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE));
        setAside = store.openMap(SET_ASIDE, queueType());
    }

    static MVMap.Builder<Long, byte[]> queueType() {
        return new MVMap.Builder<Long, byte[]>().keyType(LongDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE);
    }

    /** The file of the outbox at {@code path}. */
    public static Path fileOf(Path path) {
        return path.resolveSibling(path.getFileName() + ".mvstore");
    }

    /** Where an earlier version kept the outbox at {@code path} (H2's SQL engine), and where it goes once imported. */
    static Path legacyFileOf(Path path) {
        return path.resolveSibling(path.getFileName() + ".mv.db");
    }

    static Path importedLegacyFileOf(Path path) {
        return path.resolveSibling(path.getFileName() + ".mv.db.imported");
    }

    /**
     * Opens (creating when needed) the outbox at {@code path} (the file is {@code path + ".mvstore"}); imports an
     * earlier version's {@code path + ".mv.db"} once.
     */
    public static Outbox open(Path path, int maxMessages) throws OutboxException {
        return open(path, maxMessages, "", System::nanoTime);
    }

    /**
     * For tests: {@code fileSystem} prefixes the file's name for H2 (an H2 file system registered by the test, such
     * as one whose disk can fill up); {@code nanoTime} is the clock of the reopening tries.
     */
    static Outbox open(Path path, int maxMessages, String fileSystem, LongSupplier nanoTime) throws OutboxException {
        if (maxMessages < 10) throw new IllegalArgumentException("the outbox needs room for at least 10 messages");
        Path abs = path.toAbsolutePath();
        try {
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        } catch (IOException e) {
            throw new OutboxException("cannot create the folder of " + fileOf(abs) + ": " + e.getMessage(), e);
        }
        Outbox o = new Outbox(abs, fileSystem, maxMessages, nanoTime);
        o.openFile();
        return o;
    }

    /** Opens the file and reads it: at open and at each reopening after a failed write. */
    private void openFile() throws OutboxException {
        MVStore opened;
        String name = fileSystem + file;
        try {
            // a full compaction interrupted by a crash left a temporary or a new file: finish or undo it
            MVStoreTool.compactCleanUp(name);
            // no auto-commit, neither by time nor by memory: only our commits write, so a batch is never half-stored
            // pages split at 4 kB as H2's SQL engine does: a commit rewrites the queue's last page, smaller is less disk;
            // a small page cache (MVStore's default is 16 MB of heap): the queue is written at its end and read from
            // its start once, nothing is read twice that a larger cache would keep
            opened = new MVStore.Builder().fileName(name).autoCommitDisabled().autoCommitBufferSize(0)
                    .pageSplitSize(PAGE_SPLIT_BYTES).cacheSize(CACHE_MB).open();
            opened.setVersionsToKeep(0); // no reader ever looks at an older version
        } catch (RuntimeException e) {
            throw new OutboxException("cannot open the outbox " + file + ": " + e.getMessage(), e);
        }
        try {
            attach(opened);
            start(path);
        } catch (OutboxException | RuntimeException e) {
            opened.closeImmediately();
            if (e instanceof OutboxException oe) throw oe;
            throw new OutboxException("cannot open the outbox " + file + ": " + e.getMessage(), e);
        }
    }

    private void start(Path path) throws OutboxException {
        Long format = meta.get(META_FORMAT);
        if (format != null && format > FORMAT)
            throw new OutboxException("the outbox " + file + " was written by a newer version (format " + format
                    + "); this version reads format " + FORMAT, null);
        if (format == null) {
            meta.put(META_FORMAT, FORMAT);
            store.commit();
        }
        nextSeq = meta.getOrDefault(META_NEXT_SEQ, 1L);
        for (MVMap<Long, byte[]> q : queues.values()) {
            Long last = q.lastKey();
            if (last != null && last >= nextSeq) nextSeq = last + 1; // defensive: the counter is committed with them
        }
        count = countRows();
        importLegacy(path);
    }

    /**
     * An earlier version's outbox: its messages go in after ours, in their order, with its keys, in one commit that
     * also records that the import happened; then the old file is renamed. A crash before the commit leaves nothing
     * imported (the next start imports again); after it, the next start only renames.
     */
    private void importLegacy(Path path) throws OutboxException {
        Path legacy = legacyFileOf(path);
        if (!Files.exists(legacy)) {
            if (meta.containsKey(META_IMPORTED)) { // renamed, the marker not yet removed
                meta.remove(META_IMPORTED);
                store.commit();
            }
            return;
        }
        if (!meta.containsKey(META_IMPORTED)) {
            long[] imported = {0, 0};
            long seqBefore = nextSeq;
            long countBefore = count;
            try {
                LegacySqlOutbox.readInto(path, new LegacySqlOutbox.Receiver() {
                    @Override
                    public void message(UUID id, String topic, MessageClass kind, long createdMs, byte[] payload) {
                        put(id, topic, kind, createdMs, payload);
                        imported[0]++;
                    }

                    @Override
                    public void key(String key, long addedMs) {
                        keys.putIfAbsent(key, addedMs);
                        imported[1]++;
                    }
                });
            } catch (OutboxException | RuntimeException e) {
                store.rollback();
                count = countBefore;
                nextSeq = seqBefore;
                // the old file stays where it is: nothing lost, the next start tries again
                LOG.error("outbox: the old outbox {} was not imported and is left in place: {}", legacy,
                        e.getMessage());
                return;
            }
            meta.put(META_IMPORTED, imported[0]);
            commit(true);
            LOG.info("outbox: imported {} queued message(s) and {} key(s) from the old outbox {} into {}",
                    imported[0], imported[1], legacy, file);
        }
        try {
            Files.move(legacy, importedLegacyFileOf(path), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the marker stays: the next start renames without importing again
            LOG.error("outbox: cannot rename the imported old outbox {}: {}", legacy, e.getMessage());
            return;
        }
        meta.remove(META_IMPORTED);
        store.commit();
    }

    /** A message to add. */
    public record NewMessage(UUID id, String topic, MessageClass kind, long createdMs, byte[] payload) {
    }

    /** Adds a message; it is on disk when this returns, or held in memory while the store is closed (then -1). */
    public synchronized long add(UUID id, String topic, MessageClass kind, long createdMs, byte[] payload)
            throws OutboxException {
        long[] seq = {-1};
        if (!usable() || !inCommit("add a message", kind != MessageClass.TELEMETRY, () -> {
            makeRoom(1);
            seq[0] = put(id, topic, kind, createdMs, payload);
        })) {
            held.add(List.of(new NewMessage(id, topic, kind, createdMs, payload)), null);
            return -1; // a number only once it is stored
        }
        return seq[0];
    }

    /**
     * Adds messages in one commit, in order: one chunk written to the file for the lot (MVStore appends a chunk per
     * commit, and a chunk is kept for its retention time: fewer commits, less disk).
     */
    public synchronized void addAll(List<NewMessage> messages) throws OutboxException {
        if (messages.isEmpty()) return;
        boolean sync = messages.stream().anyMatch(m -> m.kind() != MessageClass.TELEMETRY);
        if (!usable() || !inCommit("add " + messages.size() + " message(s)", sync, () -> {
            makeRoom(messages.size());
            for (NewMessage m : messages) put(m.id(), m.topic(), m.kind(), m.createdMs(), m.payload());
        })) held.add(messages, null);
    }

    /**
     * Adds a message unless one with the same key was added before (in this outbox's life of keys).
     *
     * @return false when the key was known: nothing added
     */
    public synchronized boolean addOnce(String key, UUID id, String topic, MessageClass kind, long createdMs,
                                        byte[] payload) throws OutboxException {
        if (knows(key)) return false;
        // while closed: held, and its key checked again when it is added (the store may know it)
        if (!usable() || !inCommit("add a message", kind != MessageClass.TELEMETRY, () -> {
            makeRoom(1);
            keys.put(key, createdMs);
            put(id, topic, kind, createdMs, payload);
        })) held.add(List.of(new NewMessage(id, topic, kind, createdMs, payload)), key);
        return true;
    }

    /** Whether a message with {@code key} was added; while the store is closed, as far as the held ones tell. */
    public synchronized boolean knows(String key) throws OutboxException {
        if (held.knows(key)) return true;
        if (!usable()) return false;
        try {
            return keys.containsKey(key);
        } catch (RuntimeException e) {
            throw failure("read a key", e);
        }
    }

    /**
     * The oldest messages after {@code afterSeq}, in order, at most {@code limit}. An entry that cannot be read is
     * set aside (logged as an error naming the file) and the others are returned.
     */
    public synchronized List<OutboxMessage> next(long afterSeq, int limit) throws OutboxException {
        List<OutboxMessage> out = new ArrayList<>(Math.min(limit, 64));
        if (!usable()) return out; // closed after a failed write: said once, and on /status
        try {
            // the queues are each in order: take the smallest head of the three, limit times
            List<Cursor<Long, byte[]>> cursors = new ArrayList<>(queues.size());
            List<Long> heads = new ArrayList<>(queues.size());
            for (MVMap<Long, byte[]> q : queues.values()) {
                Cursor<Long, byte[]> c = q.cursor(afterSeq + 1);
                cursors.add(c);
                heads.add(c.hasNext() ? c.next() : null);
            }
            List<Long> unreadable = new ArrayList<>();
            while (out.size() < limit) {
                int min = -1;
                for (int i = 0; i < heads.size(); i++)
                    if (heads.get(i) != null && (min < 0 || heads.get(i) < heads.get(min))) min = i;
                if (min < 0) break;
                long seq = heads.get(min);
                byte[] bytes = cursors.get(min).getValue();
                try {
                    out.add(StoredMessageCodec.decode(seq, bytes));
                } catch (StoredMessageCodec.CorruptEntry e) {
                    LOG.error("outbox {}: message {} cannot be read ({}); set aside, the others are sent", file, seq,
                            e.getMessage());
                    unreadable.add(seq);
                }
                heads.set(min, cursors.get(min).hasNext() ? cursors.get(min).next() : null);
            }
            if (!unreadable.isEmpty()) {
                inCommit("set aside unreadable messages", false, () -> {
                    for (long seq : unreadable) {
                        byte[] bytes = removeQueued(seq);
                        if (bytes != null) setAside.put(seq, bytes);
                    }
                });
            }
            return out;
        } catch (RuntimeException e) {
            throw failure("read the queue", e);
        }
    }

    /** The broker acknowledged it: it leaves the outbox. */
    public synchronized void delivered(long seq) throws OutboxException {
        delivered(List.of(seq));
    }

    /** The broker acknowledged these: they leave the outbox, in one commit. */
    public synchronized void delivered(Collection<Long> seqs) throws OutboxException {
        if (seqs.isEmpty()) return;
        if (!usable() || !inCommit("remove " + seqs.size() + " delivered message(s)", false, () -> {
            for (long seq : seqs) removeQueued(seq);
        })) held.delivered(new ArrayList<>(seqs));
    }

    /** Messages queued, those held in memory while the store is closed included. */
    public synchronized long size() {
        return count + held.size();
    }

    /** Messages dropped because the outbox was full, since it was opened. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Entries that could not be read and were set aside (kept in the file for inspection, never sent). */
    public synchronized long setAside() {
        try {
            return setAside.sizeAsLong();
        } catch (RuntimeException e) {
            return 0; // closed after a failed write: problem() says so
        }
    }

    /** While the store is closed after a failed write: what {@code /status} should say. From any thread. */
    public Optional<String> problem() {
        return reopener.problem(held.size());
    }

    /** Forgets dedup keys older than {@code olderThanMs} (epoch ms). */
    public synchronized int forgetKeys(long olderThanMs) throws OutboxException {
        int[] n = {0};
        if (!usable() || !inCommit("forget old keys", false, () -> {
            List<String> old = new ArrayList<>();
            for (Map.Entry<String, Long> e : keys.entrySet()) if (e.getValue() < olderThanMs) old.add(e.getKey());
            for (String k : old) keys.remove(k);
            n[0] = old.size();
        })) throw new OutboxException("outbox " + file + " is closed after a failed write (disk full?): old keys are "
                + "forgotten once it is back", null);
        return n[0];
    }

    /** The outbox's file (for messages and /status). */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws OutboxException {
        if (!held.isEmpty()) lastTry();
        if (store.isClosed()) return;
        try {
            // Everything is committed. A file mostly of space freed after a burst (MVStore keeps chunks for its
            // retention time, and rewriting in place leaves them sparse) is rewritten whole: its live data copied to
            // a new file that replaces it (H2's own crash-safe way, cleaned up at the next open); otherwise up to
            // 200 ms of compaction in place, as H2's SQL engine does when it closes.
            store.close(store.getFileStore().getChunksFillRate() < FULL_COMPACT_BELOW_FILL ? -1 : CLOSE_COMPACT_MS);
        } catch (RuntimeException e) {
            throw failure("close", e);
        }
    }

    /** At a clean close, what is held after a failure gets one more try, whether or not one is due. */
    private void lastTry() {
        String why;
        try {
            if (store.isClosed()) openFile();
            if (inCommit("add the held messages", true, () -> { })) return;
            why = "the disk is still full";
        } catch (OutboxException e) {
            why = e.getMessage();
        }
        LOG.error("outbox {}: closed with {} message(s) held in memory after a failed write: they are lost ({})", file,
                held.size(), why);
    }

    /**
     * Whether the store can be used now: when MVStore closed it after a failed write, it is opened again if a try is
     * due, and what was held meanwhile is added first. On the caller's thread, under the lock.
     */
    private boolean usable() throws OutboxException {
        if (!store.isClosed()) return true;
        reopener.closed("closed outside a write");
        if (!reopener.due()) return false;
        try {
            openFile();
        } catch (OutboxException e) {
            LOG.debug("outbox {}: not reopened yet: {}", file, e.getMessage());
            return false;
        }
        reopener.reopened(count, held.size());
        return held.isEmpty() || inCommit("add the held messages", true, () -> { });
    }

    /** What was held while the store was closed, in order, as if it had happened then (in the caller's commit). */
    private void replayHeld() {
        for (HeldMessages.Held h : held.calls()) {
            for (long seq : h.delivered()) removeQueued(seq);
            if (h.messages().isEmpty() || (h.key() != null && keys.containsKey(h.key()))) continue;
            if (h.key() != null) keys.put(h.key(), h.messages().get(0).createdMs());
            makeRoom(h.messages().size());
            for (NewMessage m : h.messages()) put(m.id(), m.topic(), m.kind(), m.createdMs(), m.payload());
        }
    }

    /** As kill -9 would leave it: nothing written beyond what was committed, the file not closed. For tests. */
    synchronized void crash() {
        store.closeImmediately();
    }

    private long put(UUID id, String topic, MessageClass kind, long createdMs, byte[] payload) {
        long seq = nextSeq++;
        queues.get(kind).put(seq, StoredMessageCodec.encode(id, topic, kind, createdMs, payload));
        meta.put(META_NEXT_SEQ, nextSeq);
        count++;
        return seq;
    }

    /** Removes {@code seq} from whichever class's queue holds it; its bytes, or null when none does. */
    private byte[] removeQueued(long seq) {
        for (MVMap<Long, byte[]> q : queues.values()) {
            byte[] old = q.remove(seq);
            if (old != null) {
                count--;
                return old;
            }
        }
        return null;
    }

    /**
     * Full: drops the oldest of the least valuable class present until {@code incoming} fit, at least 1% of the bound
     * at a time so that this stays rare.
     */
    private void makeRoom(int incoming) {
        while (count + incoming > maxMessages) {
            long batch = Math.max(count + incoming - maxMessages, Math.max(1, maxMessages / 100));
            boolean droppedAny = false;
            for (MessageClass kind : MessageClass.values()) {
                MVMap<Long, byte[]> q = queues.get(kind);
                int n = 0;
                for (Long seq; n < batch && (seq = q.firstKey()) != null; n++) q.remove(seq);
                if (n == 0) continue;
                count -= n;
                dropped += n;
                droppedAny = true;
                if (kind == MessageClass.SESSION) LOG.error("outbox full ({}): dropped {} session record(s)", maxMessages, n);
                else LOG.warn("outbox full ({}): dropped the {} oldest {} message(s)", maxMessages, n, kind);
                break;
            }
            if (!droppedAny) return; // more incoming than the bound: they go in, the next add makes room
        }
    }

    /**
     * Work that must be one commit, after what was held: committed whole, or rolled back to the last commit with the
     * counters read again.
     *
     * @return false when MVStore closed the store at this commit (a full disk): the caller holds its work
     */
    private boolean inCommit(String what, boolean sync, Runnable work) throws OutboxException {
        long seqBefore = nextSeq;
        long droppedBefore = dropped;
        long countBefore = count;
        try {
            replayHeld();
            work.run();
            commit(sync || !held.isEmpty());
        } catch (RuntimeException e) {
            try {
                if (!store.isClosed()) store.rollback();
            } catch (RuntimeException ignored) {
                // the store is closed (MVStore closes itself when a write fails, e.g. on a full disk): every later
                // call reports it; the counters below still say what the file holds
            }
            nextSeq = seqBefore;
            dropped = droppedBefore;
            count = countBefore;
            if (!store.isClosed()) throw failure(what, e);
            reopener.closed(e.getMessage());
            return false;
        }
        held.clear();
        return true;
    }

    private void commit(boolean sync) {
        store.commit();
        if (sync) store.sync();
        if (++commitsSinceCompact >= COMPACT_EVERY) {
            commitsSinceCompact = 0;
            // chunks mostly emptied by deliveries are rewritten so that their space is reused
            if (store.compact(50, 1024 * 1024)) store.commit();
        }
    }

    private long countRows() {
        long n = 0;
        for (MVMap<Long, byte[]> q : queues.values()) n += q.sizeAsLong();
        return n;
    }

    private OutboxException failure(String what, RuntimeException e) {
        return new OutboxException("outbox " + file + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
