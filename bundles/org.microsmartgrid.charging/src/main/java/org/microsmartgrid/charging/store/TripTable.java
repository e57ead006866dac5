package org.microsmartgrid.charging.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.microsmartgrid.api.charging.FleetTrip;
import org.microsmartgrid.charging.trip.Trip;

/**
 * The fleet's trips, a table next to the sessions in the same H2 database (so a session's end and the trip it opens
 * are one transaction). The energy charged on return is not copied: it is the return session's, read by a join.
 * Called by {@link SessionStore} under its lock, on its connection.
 */
final class TripTable {
    private static final String COLUMNS = "id, vehicle, socket, left_ms, out_session, returned_ms, return_session";

    private TripTable() {
    }

    static void create(Statement st) throws SQLException {
        st.execute("CREATE TABLE IF NOT EXISTS fleet_trip (id UUID PRIMARY KEY, vehicle VARCHAR(32) NOT NULL, "
                + "socket INT NOT NULL, left_ms BIGINT NOT NULL, out_session UUID NOT NULL, returned_ms BIGINT, "
                + "return_session UUID)");
        st.execute("CREATE INDEX IF NOT EXISTS fleet_trip_left ON fleet_trip(left_ms)");
    }

    static void merge(Connection db, Trip t) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "MERGE INTO fleet_trip (" + COLUMNS + ") KEY(id) VALUES (?,?,?,?,?,?,?)")) {
            ps.setObject(1, t.id());
            ps.setString(2, t.vehicle());
            ps.setInt(3, t.socket());
            ps.setLong(4, t.left().toEpochMilli());
            ps.setObject(5, t.outSession());
            if (t.returned() == null) ps.setNull(6, Types.BIGINT);
            else ps.setLong(6, t.returned().toEpochMilli());
            ps.setObject(7, t.returnSession());
            ps.executeUpdate();
        }
    }

    /** The trips that were out when the module stopped. */
    static List<Trip> out(Connection db) throws SQLException {
        List<Trip> result = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT " + COLUMNS + " FROM fleet_trip WHERE returned_ms IS NULL ORDER BY left_ms");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Long returned = millis(rs, "returned_ms");
                result.add(new Trip(rs.getObject("id", UUID.class), rs.getString("vehicle"), rs.getInt("socket"),
                        Instant.ofEpochMilli(rs.getLong("left_ms")), rs.getObject("out_session", UUID.class),
                        returned == null ? null : Instant.ofEpochMilli(returned),
                        rs.getObject("return_session", UUID.class)));
            }
        }
        return result;
    }

    /** The latest trips, newest departure first, with the return session's energy as stored. */
    static List<FleetTrip> recent(Connection db, int limit) throws SQLException {
        List<FleetTrip> result = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT t.id, t.vehicle, t.socket, t.left_ms, t.returned_ms, "
                + "t.return_session, s.energy_wh, s.ended_ms FROM fleet_trip t LEFT JOIN charging_session s "
                + "ON s.id = t.return_session ORDER BY t.left_ms DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Long returned = millis(rs, "returned_ms");
                    double wh = rs.getDouble("energy_wh");
                    Long ended = millis(rs, "ended_ms");
                    result.add(new FleetTrip(rs.getObject("id", UUID.class), rs.getString("vehicle"),
                            rs.getInt("socket"), Instant.ofEpochMilli(rs.getLong("left_ms")),
                            returned == null ? null : Instant.ofEpochMilli(returned),
                            rs.getObject("return_session", UUID.class), wh, ended != null));
                }
            }
        }
        return result;
    }

    /** Deletes trips that came back before {@code before}; a trip still out is never deleted. */
    static int prune(Connection db, Instant before) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "DELETE FROM fleet_trip WHERE returned_ms IS NOT NULL AND returned_ms < ?")) {
            ps.setLong(1, before.toEpochMilli());
            return ps.executeUpdate();
        }
    }

    private static Long millis(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
