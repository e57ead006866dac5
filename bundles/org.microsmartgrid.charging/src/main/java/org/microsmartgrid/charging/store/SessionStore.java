package org.microsmartgrid.charging.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.FleetTrip;
import org.microsmartgrid.charging.session.Row;
import org.microsmartgrid.charging.trip.Trip;

/**
 * The sessions in an embedded H2 database (file mode, MVStore engine), one row per session, and the fleet's trips
 * ({@link TripTable}). Every save is its own transaction, written to the file at commit (WRITE_DELAY 0: survives
 * kill -9); starts and ends are also forced to the device (CHECKPOINT SYNC: survive a power cut). One connection,
 * used by one thread at a time.
 */
public final class SessionStore implements AutoCloseable {

    private static final String COLUMNS = "id, socket, mode, target_wh, deadline_ms, started_ms, ended_ms, energy_wh, "
            + "solar_wh, cost_eur, end_reason, started_by, meter_wh, ended_by";

    private final Connection db;

    private SessionStore(Connection db) {
        this.db = db;
    }

    /** Opens (creating when needed) the database at {@code path} (the file is {@code path + ".mv.db"}). */
    public static SessionStore open(String path) throws SQLException {
        Path file = Path.of(path).toAbsolutePath();
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        // The driver class directly, not DriverManager: DriverManager does not see bundle class loaders under OSGi.
        // DB_CLOSE_ON_EXIT=FALSE: the component closes it; H2's shutdown hook would race with deactivation.
        Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", new Properties());
        if (c == null) throw new SQLException("H2 refused the URL for " + file);
        try (Statement st = c.createStatement()) {
            st.execute("SET WRITE_DELAY 0");
            st.execute("CREATE TABLE IF NOT EXISTS charging_session (id UUID PRIMARY KEY, socket INT NOT NULL, "
                    + "mode VARCHAR(20) NOT NULL, target_wh DOUBLE PRECISION NOT NULL, deadline_ms BIGINT, "
                    + "started_ms BIGINT NOT NULL, ended_ms BIGINT, energy_wh DOUBLE PRECISION NOT NULL, "
                    + "solar_wh DOUBLE PRECISION NOT NULL, cost_eur DOUBLE PRECISION NOT NULL, end_reason VARCHAR(200), "
                    + "started_by VARCHAR(80) NOT NULL, meter_wh DOUBLE PRECISION)");
            // added with ended_by: a database from before gets the column, its old rows none
            st.execute("ALTER TABLE charging_session ADD COLUMN IF NOT EXISTS ended_by VARCHAR(200)");
            st.execute("CREATE INDEX IF NOT EXISTS charging_session_started ON charging_session(started_ms)");
            TripTable.create(st);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        c.setAutoCommit(true);
        return new SessionStore(c);
    }

    /** Inserts or replaces the row of a session, in its own transaction; {@code sync}: forced to the device too. */
    public synchronized void save(Row row, boolean sync) throws SQLException {
        save(row, sync, null);
    }

    /**
     * Inserts or replaces the row of a session and the fleet trip its start or end opened or closed, in one
     * transaction: a crash keeps both or neither, so a trip is never lost while its session's end is stored.
     *
     * @param trip null: none
     */
    public synchronized void save(Row row, boolean sync, Trip trip) throws SQLException {
        if (trip == null) {
            merge(row);
        } else {
            db.setAutoCommit(false);
            try {
                merge(row);
                TripTable.merge(db, trip);
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
        if (sync) {
            try (Statement st = db.createStatement()) {
                st.execute("CHECKPOINT SYNC");
            }
        }
    }

    private void merge(Row row) throws SQLException {
        ChargingSession s = row.session();
        try (PreparedStatement ps = db.prepareStatement(
                "MERGE INTO charging_session (" + COLUMNS + ") KEY(id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setObject(1, s.id());
            ps.setInt(2, s.socket());
            ps.setString(3, s.mode().name());
            ps.setDouble(4, s.targetWh());
            setMillis(ps, 5, s.deadline());
            setMillis(ps, 6, s.started());
            setMillis(ps, 7, s.ended());
            ps.setDouble(8, s.energyWh());
            ps.setDouble(9, s.solarWh());
            ps.setDouble(10, s.costEur());
            ps.setString(11, s.endReason());
            ps.setString(12, s.startedBy());
            if (row.meterWh() == null) ps.setNull(13, Types.DOUBLE);
            else ps.setDouble(13, row.meterWh());
            ps.setString(14, s.endedBy());
            ps.executeUpdate();
        }
    }

    /** The fleet trips that were out when the module stopped (or died): to be resumed. */
    public synchronized List<Trip> outTrips() throws SQLException {
        return TripTable.out(db);
    }

    /** The latest fleet trips, newest departure first, with the return session's energy as stored. */
    public synchronized List<FleetTrip> trips(int limit) throws SQLException {
        return TripTable.recent(db, limit);
    }

    /** The sessions that were open when the module stopped (or died): to be resumed. */
    public synchronized List<Row> openRows() throws SQLException {
        return query("SELECT " + COLUMNS + " FROM charging_session WHERE ended_ms IS NULL ORDER BY started_ms", -1);
    }

    /** The latest sessions, newest start first. */
    public synchronized List<ChargingSession> recent(int limit) throws SQLException {
        List<ChargingSession> out = new ArrayList<>();
        for (Row r : query("SELECT " + COLUMNS + " FROM charging_session ORDER BY started_ms DESC LIMIT ?", limit))
            out.add(r.session());
        return out;
    }

    private List<Row> query(String sql, int limit) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            if (limit >= 0) ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
        }
        return out;
    }

    private static Row row(ResultSet rs) throws SQLException {
        ChargingSession s = new ChargingSession(rs.getObject("id", UUID.class), rs.getInt("socket"),
                ChargingMode.valueOf(rs.getString("mode")), rs.getDouble("target_wh"), millis(rs, "deadline_ms"),
                millis(rs, "started_ms"), millis(rs, "ended_ms"), rs.getDouble("energy_wh"), rs.getDouble("solar_wh"),
                rs.getDouble("cost_eur"), rs.getString("end_reason"), rs.getString("started_by"),
                rs.getString("ended_by"));
        double meter = rs.getDouble("meter_wh");
        return new Row(s, rs.wasNull() ? null : meter);
    }

    private static void setMillis(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) ps.setNull(i, Types.BIGINT);
        else ps.setLong(i, t.toEpochMilli());
    }

    private static Instant millis(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /**
     * Deletes closed sessions that ended before {@code before}, and trips that came back before it; open sessions and
     * trips still out are never deleted.
     *
     * @return how many sessions were deleted
     */
    public synchronized int prune(Instant before) throws SQLException {
        TripTable.prune(db, before);
        try (PreparedStatement ps = db.prepareStatement(
                "DELETE FROM charging_session WHERE ended_ms IS NOT NULL AND ended_ms < ?")) {
            ps.setLong(1, before.toEpochMilli());
            return ps.executeUpdate();
        }
    }

    /** Closes the database cleanly. */
    @Override
    public synchronized void close() throws SQLException {
        if (!db.isClosed()) db.close();
    }

    /**
     * For tests: stops the database the way a crash does — files closed without the clean shutdown's final write
     * and compaction ({@code SHUTDOWN IMMEDIATELY}).
     */
    public synchronized void crash() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException e) {
            // H2 reports the connection it just closed under our feet: that is the point
        }
    }
}
