package org.microsmartgrid.cloud.kapua.outbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.microsmartgrid.telemetry.MessageClass;

/**
 * Store and forward: every message the module sends goes through this table (embedded H2 on disk) and leaves it only
 * when the broker acknowledged it. Each insert is its own committed transaction written at commit (WRITE_DELAY 0: it
 * survives kill -9); session records and events are also forced to the device (they must survive a power cut).
 *
 * <p>Bounded by {@code maxMessages}: when full, the oldest telemetry is dropped first, then the oldest events, then
 * the oldest session records (each drop is logged; a session record dropped is an error).
 *
 * <p>{@link #addOnce} makes producers idempotent across restarts: a message with a key already seen (e.g. a session's
 * closed record) is not added again, even after it was delivered and deleted; keys are kept for {@code keyDays}.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final Connection db;
    private final int maxMessages;
    private long count;
    private long dropped;

    private Outbox(Connection db, int maxMessages) throws SQLException {
        this.db = db;
        this.maxMessages = maxMessages;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM outbox")) {
            rs.next();
            count = rs.getLong(1);
        }
    }

    /** Opens (creating when needed) the outbox at {@code path} (the file is {@code path + ".mv.db"}). */
    public static Outbox open(Path path, int maxMessages) throws SQLException {
        if (maxMessages < 10) throw new IllegalArgumentException("the outbox needs room for at least 10 messages");
        Path file = path.toAbsolutePath();
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        // The driver class directly: DriverManager does not see bundle class loaders under OSGi.
        Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", new Properties());
        if (c == null) throw new SQLException("H2 refused the URL for " + file);
        try (Statement st = c.createStatement()) {
            st.execute("SET WRITE_DELAY 0");
            st.execute("CREATE TABLE IF NOT EXISTS outbox (seq BIGINT AUTO_INCREMENT PRIMARY KEY, id UUID NOT NULL, "
                    + "topic VARCHAR(1024) NOT NULL, kind TINYINT NOT NULL, created_ms BIGINT NOT NULL, "
                    + "payload VARBINARY NOT NULL)");
            st.execute("CREATE INDEX IF NOT EXISTS outbox_kind ON outbox(kind, seq)");
            st.execute("CREATE TABLE IF NOT EXISTS outbox_key (k VARCHAR(200) PRIMARY KEY, added_ms BIGINT NOT NULL)");
            c.setAutoCommit(true);
            return new Outbox(c, maxMessages);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** A message to add. */
    public record NewMessage(UUID id, String topic, MessageClass kind, long createdMs, byte[] payload) {
    }

    /** Adds a message; it is on disk when this returns. */
    public synchronized long add(UUID id, String topic, MessageClass kind, long createdMs, byte[] payload)
            throws SQLException {
        makeRoom(1);
        long seq = insert(id, topic, kind, createdMs, payload);
        if (kind != MessageClass.TELEMETRY) sync();
        return seq;
    }

    /**
     * Adds messages in one transaction, in order: one write to the file for the lot (MVStore appends a chunk per
     * commit, and a chunk is kept for H2's retention time: fewer commits, less disk).
     */
    public synchronized void addAll(List<NewMessage> messages) throws SQLException {
        if (messages.isEmpty()) return;
        makeRoom(messages.size());
        boolean sync = messages.stream().anyMatch(m -> m.kind() != MessageClass.TELEMETRY);
        inTransaction(() -> {
            for (NewMessage m : messages) insert(m.id(), m.topic(), m.kind(), m.createdMs(), m.payload());
        });
        if (sync) sync();
    }

    /**
     * Adds a message unless one with the same key was added before (in this outbox's life of keys).
     *
     * @return false when the key was known: nothing added
     */
    public synchronized boolean addOnce(String key, UUID id, String topic, MessageClass kind, long createdMs,
                                        byte[] payload) throws SQLException {
        if (knows(key)) return false;
        makeRoom(1);
        inTransaction(() -> {
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO outbox_key (k, added_ms) VALUES (?, ?)")) {
                ps.setString(1, key);
                ps.setLong(2, createdMs);
                ps.executeUpdate();
            }
            insert(id, topic, kind, createdMs, payload);
        });
        if (kind != MessageClass.TELEMETRY) sync();
        return true;
    }

    public synchronized boolean knows(String key) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT 1 FROM outbox_key WHERE k = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The oldest messages after {@code afterSeq}, in order, at most {@code limit}. */
    public synchronized List<OutboxMessage> next(long afterSeq, int limit) throws SQLException {
        List<OutboxMessage> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT seq, id, topic, kind, created_ms, payload FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next())
                    out.add(new OutboxMessage(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            MessageClass.values()[rs.getInt(4)], rs.getLong(5), rs.getBytes(6)));
            }
        }
        return out;
    }

    /** The broker acknowledged it: it leaves the outbox. */
    public synchronized void delivered(long seq) throws SQLException {
        delivered(List.of(seq));
    }

    /** The broker acknowledged these: they leave the outbox, in one transaction. */
    public synchronized void delivered(Collection<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) return;
        inTransaction(() -> {
            try (PreparedStatement ps = db.prepareStatement("DELETE FROM outbox WHERE seq = ?")) {
                for (long seq : seqs) {
                    ps.setLong(1, seq);
                    ps.addBatch();
                }
                for (int n : ps.executeBatch()) count -= Math.max(0, n);
            }
        });
    }

    public synchronized long size() {
        return count;
    }

    /** Messages dropped because the outbox was full, since it was opened. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Forgets dedup keys older than {@code olderThanMs} (epoch ms). */
    public synchronized int forgetKeys(long olderThanMs) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM outbox_key WHERE added_ms < ?")) {
            ps.setLong(1, olderThanMs);
            return ps.executeUpdate();
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }

    private long insert(UUID id, String topic, MessageClass kind, long createdMs, byte[] payload) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO outbox (id, topic, kind, created_ms, payload) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setObject(1, id);
            ps.setString(2, topic);
            ps.setInt(3, kind.ordinal());
            ps.setLong(4, createdMs);
            ps.setBytes(5, payload);
            ps.executeUpdate();
            count++;
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Full: drops the oldest of the least valuable class present until {@code incoming} fit, at least 1% of the bound
     * at a time so that this stays rare.
     */
    private void makeRoom(int incoming) throws SQLException {
        while (count + incoming > maxMessages) {
            long batch = Math.max(count + incoming - maxMessages, Math.max(1, maxMessages / 100));
            boolean droppedAny = false;
            for (MessageClass kind : MessageClass.values()) {
                int n;
                try (PreparedStatement ps = db.prepareStatement("DELETE FROM outbox WHERE seq IN "
                        + "(SELECT seq FROM outbox WHERE kind = ? ORDER BY seq LIMIT ?)")) {
                    ps.setInt(1, kind.ordinal());
                    ps.setLong(2, batch);
                    n = ps.executeUpdate();
                }
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

    private void sync() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        }
    }

    /** Work that must be one transaction: committed whole, or rolled back with the count read again. */
    private interface SqlWork {
        void run() throws SQLException;
    }

    private void inTransaction(SqlWork work) throws SQLException {
        db.setAutoCommit(false);
        try {
            work.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            count = countRows();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private long countRows() throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
