package org.microsmartgrid.city.people.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The people database: plain JDBC with one transaction per call. Every statement is parameterised (no text of a
 * user is ever part of SQL).
 */
public final class Db {

    /** Work inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    public Db(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Brings the database to this bundle's schema (Flyway, scripts in db/people, versions V10-V19). */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure(Db.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/people")
                .table("people_schema_history")
                .failOnMissingLocations(true)
                .load()
                .migrate().migrationsExecuted;
    }

    public <T> T tx(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
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
            throw new Failure(e);
        }
    }

    /**
     * A database failure without the database's message: H2 puts the offending values (an e-mail address in a
     * unique-key violation) into its messages, and this exception may reach a log. The stack trace is kept.
     */
    public static final class Failure extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        public final String sqlState;

        Failure(SQLException e) {
            super("people database: SQLState " + e.getSQLState() + ", error " + e.getErrorCode());
            this.sqlState = e.getSQLState();
            setStackTrace(e.getStackTrace());
        }

        /** A unique or primary key was violated (two requests raced to create the same thing). */
        public boolean duplicate() {
            return "23505".equals(sqlState);
        }
    }

    public int update(String sql, Object... args) {
        return tx(c -> update(c, sql, args));
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    public <T> List<T> list(String sql, RowReader<T> reader, Object... args) {
        return tx(c -> list(c, sql, reader, args));
    }

    public static <T> List<T> list(Connection c, String sql, RowReader<T> reader, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(reader.read(rs));
                return out;
            }
        }
    }

    public <T> Optional<T> one(String sql, RowReader<T> reader, Object... args) {
        List<T> l = list(sql, reader, args);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    public static <T> Optional<T> one(Connection c, String sql, RowReader<T> reader, Object... args) throws SQLException {
        List<T> l = list(c, sql, reader, args);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    public long count(String sql, Object... args) {
        return one(sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
    }
}
