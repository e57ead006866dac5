package org.microsmartgrid.charging.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.charging.session.Row;
import org.microsmartgrid.charging.trip.Trip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the sessions and trips of a database written by the module's earlier SQL store ({@code <path>.mv.db}, tables
 * {@code charging_session} and {@code fleet_trip}) through H2's JDBC driver. The only class of the bundle that uses
 * java.sql or H2's SQL engine: {@link SessionStore} calls it once, when such a file is there, so the engine's classes
 * are loaded only on that first start after the upgrade.
 */
final class LegacySqlImport {
    private static final Logger LOG = LoggerFactory.getLogger(LegacySqlImport.class);

    /** What the old database held; {@code unreadable}: rows that could not be turned into records (logged). */
    record Content(List<Row> sessions, List<Trip> trips, int unreadable) {
    }

    private LegacySqlImport() {
    }

    /** @param oldFile the old database file, {@code <path>.mv.db} */
    static Content read(Path oldFile) throws IOException {
        String name = oldFile.toString();
        String base = name.substring(0, name.length() - SessionStore.OLD_SUFFIX.length());
        // the driver class directly (DriverManager does not see bundle class loaders under OSGi); IFEXISTS: never
        // create an empty database by mistake; DB_CLOSE_ON_EXIT=FALSE: closed here, not by H2's shutdown hook
        try (Connection db = new org.h2.Driver().connect("jdbc:h2:file:" + base + ";IFEXISTS=TRUE;DB_CLOSE_ON_EXIT=FALSE",
                new Properties())) {
            if (db == null) throw new IOException("H2 refused the URL for " + oldFile);
            List<Row> sessions = new ArrayList<>();
            List<Trip> trips = new ArrayList<>();
            int unreadable = 0;
            if (hasTable(db, "CHARGING_SESSION")) unreadable += sessions(db, oldFile, sessions);
            if (hasTable(db, "FLEET_TRIP")) trips(db, trips);
            return new Content(sessions, trips, unreadable);
        } catch (SQLException e) {
            throw new IOException("cannot read the old sessions database " + oldFile + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasTable(Connection db, String table) throws SQLException {
        DatabaseMetaData meta = db.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    private static int sessions(Connection db, Path file, List<Row> out) throws SQLException {
        int unreadable = 0;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM charging_session")) {
            // ended_by came later: a database from before it has no such column
            boolean endedBy = hasColumn(rs.getMetaData(), "ENDED_BY");
            while (rs.next()) {
                Object id = rs.getObject("id");
                try {
                    ChargingSession s = new ChargingSession(rs.getObject("id", UUID.class), rs.getInt("socket"),
                            ChargingMode.valueOf(rs.getString("mode")), rs.getDouble("target_wh"),
                            millis(rs, "deadline_ms"), millis(rs, "started_ms"), millis(rs, "ended_ms"),
                            rs.getDouble("energy_wh"), rs.getDouble("solar_wh"), rs.getDouble("cost_eur"),
                            rs.getString("end_reason"), rs.getString("started_by"),
                            endedBy ? rs.getString("ended_by") : null);
                    double meter = rs.getDouble("meter_wh");
                    out.add(new Row(s, rs.wasNull() ? null : meter));
                } catch (IllegalArgumentException e) {
                    unreadable++;
                    LOG.error("{}: session {} not imported, its row is not valid: {}", file, id, e.getMessage());
                }
            }
        }
        return unreadable;
    }

    private static void trips(Connection db, List<Trip> out) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM fleet_trip")) {
            while (rs.next()) {
                out.add(new Trip(rs.getObject("id", UUID.class), rs.getString("vehicle"), rs.getInt("socket"),
                        millis(rs, "left_ms"), rs.getObject("out_session", UUID.class), millis(rs, "returned_ms"),
                        rs.getObject("return_session", UUID.class)));
            }
        }
    }

    private static boolean hasColumn(ResultSetMetaData meta, String column) throws SQLException {
        for (int i = 1; i <= meta.getColumnCount(); i++)
            if (meta.getColumnName(i).equalsIgnoreCase(column)) return true;
        return false;
    }

    private static Instant millis(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
