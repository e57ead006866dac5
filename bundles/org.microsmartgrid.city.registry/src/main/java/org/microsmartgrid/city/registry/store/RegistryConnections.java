package org.microsmartgrid.city.registry.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

/**
 * How the registry reaches its database: a write in its own transaction or in the {@link Batch} running on this
 * thread, a write retried once when another instance inserted the same row first, reads that see the batch's own
 * writes, and snapshots for reads that must agree. Shared by {@link JdbcRegistry}'s writes and {@link RegistryQueries}.
 */
final class RegistryConnections {

    /**
     * One open batch: its connection; the locations it changed, to tell after the commit; the newest time each module
     * was heard, written once before the commit (a status every few milliseconds would otherwise write it each time);
     * the modules it found (a module is never deleted, so one look-up per batch is enough).
     */
    record Batch(Connection connection, Set<String> changed, Map<List<String>, Long> heard,
            Set<List<String>> modules) {
    }

    private final DataSource db;
    /** The batch running on this thread, if any: its writes and reads share its connection and transaction. */
    private final ThreadLocal<Batch> batch = new ThreadLocal<>();

    RegistryConnections(DataSource db) {
        this.db = db;
    }

    DataSource db() {
        return db;
    }

    /** The batch running on this thread, or null. */
    Batch batch() {
        return batch.get();
    }

    void enter(Batch b) {
        batch.set(b);
    }

    void leave() {
        batch.remove();
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T tx(Work<T> work) {
        Batch b = batch.get();
        if (b != null) return onBatch(b, work); // a write of the batch: its transaction, committed or rolled back by it
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("registry database: " + e.getMessage(), e);
        }
    }

    /**
     * Several instances on one database can both find a row missing and both insert it (the first BIRTH of a module,
     * a new socket, a session record delivered twice): the loser's transaction fails on the key and is run once more,
     * now seeing the winner's row. Not inside a batch (on PostgreSQL a failed statement spoils the whole
     * transaction): the batch fails, and its caller applies the writes one by one, each retried here.
     */
    <T> T txRetryingOnConflict(Work<T> work) {
        try {
            return tx(work);
        } catch (IllegalStateException e) {
            if (batch.get() == null && e.getCause() instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return tx(work);
            }
            throw e;
        }
    }

    /**
     * Several reads that must agree (a page and its total): one read-only transaction at REPEATABLE READ, a snapshot on
     * PostgreSQL and on H2's MVStore, so a write committed between them is seen by neither or by both.
     */
    <T> T snapshot(Work<T> work) {
        if (batch.get() != null) return read(work); // inside a batch: its own connection, its own view
        try (Connection c = db.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            try {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setTransactionIsolation(isolation); // a pooled connection goes back as it came
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("registry database: " + e.getMessage(), e);
        }
    }

    <T> T read(Work<T> work) {
        Batch b = batch.get();
        if (b != null) return onBatch(b, work); // sees the batch's own writes, takes no second connection from the pool
        try (Connection c = db.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("registry database: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on the batch's connection (its transaction). */
    private static <T> T onBatch(Batch b, Work<T> work) {
        try {
            return work.run(b.connection());
        } catch (SQLException e) {
            throw new IllegalStateException("registry database: " + e.getMessage(), e);
        }
    }
}
