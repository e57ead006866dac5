package org.microsmartgrid.city.stats.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.microsmartgrid.city.stats.sessions.SessionHour;

/**
 * Adds one point's sessions of one hour to {@code stats_session_hour} and to the levels above it (V5: per point and
 * month, the whole city per hour, points per day; V7: per point and Italian day) on the caller's connection, inside
 * the caller's transaction: all levels are committed or rolled back together, so they never disagree.
 */
final class SessionRollup {

    static final long DAY_MS = 86_400_000L;

    private SessionRollup() {
    }

    /** UTC hour of the day as a bit of {@code hours_mask}. */
    static int hourBit(long hourStart) {
        return 1 << (int) Math.floorMod(hourStart / 3_600_000L, 24L);
    }

    static void add(Connection c, SessionHour s) throws SQLException {
        // the month row takes the dimensions of the hourly row it sums: those of the hour's first sessions
        String[] dims = null;
        try (PreparedStatement p = c.prepareStatement("SELECT area, district, operator_type, vehicle_class "
                + "FROM stats_session_hour WHERE location_id = ? AND hour_start = ?")) {
            set(p, s.locationId(), s.hourStart());
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) dims = new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4)};
            }
        }
        boolean newHour = dims == null;
        if (newHour) {
            dims = new String[] {s.area(), s.district(), s.operatorType(), s.vehicleClass()};
            exec(c, "INSERT INTO stats_session_hour (location_id, hour_start, area, district, operator_type, "
                            + "vehicle_class, sessions, energy_wh, solar_wh) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    s.locationId(), s.hourStart(), dims[0], dims[1], dims[2], dims[3], s.sessions(), s.energyWh(),
                    s.solarWh());
        } else {
            exec(c, "UPDATE stats_session_hour SET sessions = sessions + ?, energy_wh = energy_wh + ?, "
                            + "solar_wh = solar_wh + ? WHERE location_id = ? AND hour_start = ?",
                    s.sessions(), s.energyWh(), s.solarWh(), s.locationId(), s.hourStart());
        }

        int bit = hourBit(s.hourStart());
        long month = ItalianMonths.start(s.hourStart());
        // OR of the hour's bit, written with MOD and division: both databases run it (no common bitwise operator)
        upsert(c, "UPDATE stats_session_month SET sessions = sessions + ?, energy_wh = energy_wh + ?, "
                        + "solar_wh = solar_wh + ?, hours_mask = hours_mask + CASE WHEN MOD(hours_mask / " + bit
                        + ", 2) = 0 THEN " + bit + " ELSE 0 END WHERE location_id = ? AND month_start = ? AND area = ? "
                        + "AND district = ? AND operator_type = ? AND vehicle_class = ?",
                new Object[] {(long) s.sessions(), s.energyWh(), s.solarWh(), s.locationId(), month, dims[0], dims[1],
                        dims[2], dims[3]},
                "INSERT INTO stats_session_month (sessions, energy_wh, solar_wh, location_id, month_start, area, "
                        + "district, operator_type, vehicle_class, hours_mask) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " + bit + ")");
        long day = ItalianDays.start(s.hourStart());
        upsert(c, "UPDATE stats_session_point_day SET sessions = sessions + ?, energy_wh = energy_wh + ?, "
                        + "solar_wh = solar_wh + ?, hours_mask = hours_mask + CASE WHEN MOD(hours_mask / " + bit
                        + ", 2) = 0 THEN " + bit + " ELSE 0 END WHERE location_id = ? AND day_start = ? AND area = ? "
                        + "AND district = ? AND operator_type = ? AND vehicle_class = ?",
                new Object[] {(long) s.sessions(), s.energyWh(), s.solarWh(), s.locationId(), day, dims[0], dims[1],
                        dims[2], dims[3]},
                "INSERT INTO stats_session_point_day (sessions, energy_wh, solar_wh, location_id, day_start, area, "
                        + "district, operator_type, vehicle_class, hours_mask) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " + bit + ")");
        upsert(c, "UPDATE stats_session_city_hour SET sessions = sessions + ?, energy_wh = energy_wh + ?, "
                        + "solar_wh = solar_wh + ? WHERE hour_start = ?",
                new Object[] {(long) s.sessions(), s.energyWh(), s.solarWh(), s.hourStart()},
                "INSERT INTO stats_session_city_hour (sessions, energy_wh, solar_wh, hour_start) VALUES (?, ?, ?, ?)");
        if (newHour) countPointOfDay(c, s.locationId(), s.hourStart());
    }

    /**
     * One more point in the hour's UTC day if this new hour is the point's only one that day. The day's row is locked
     * before counting: another instance adding another hour of the same point and day waits for this commit, then
     * counts this hour too (PostgreSQL's read committed takes a new snapshot per statement); two instances inserting
     * the day's first row at once collide on its key and one flush fails whole, as for the hourly rows.
     */
    private static void countPointOfDay(Connection c, String location, long hourStart) throws SQLException {
        long day = hourStart / DAY_MS;
        boolean dayRow;
        try (PreparedStatement lock = c.prepareStatement("UPDATE stats_session_day SET points = points WHERE day_number = ?")) {
            lock.setLong(1, day);
            dayRow = lock.executeUpdate() > 0;
        }
        if (!firstHourOfItsDay(c, location, hourStart)) return;
        if (dayRow) exec(c, "UPDATE stats_session_day SET points = points + 1 WHERE day_number = ?", day);
        else exec(c, "INSERT INTO stats_session_day (day_number, points) VALUES (?, 1)", day);
    }

    /** The hour just inserted is the point's only one in its UTC day (this transaction's rows included). */
    private static boolean firstHourOfItsDay(Connection c, String location, long hourStart) throws SQLException {
        long day = hourStart / DAY_MS * DAY_MS;
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM stats_session_hour "
                + "WHERE location_id = ? AND hour_start >= ? AND hour_start < ?")) {
            set(p, location, day, day + DAY_MS);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1) == 1;
            }
        }
    }

    private static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            set(p, params);
            p.executeUpdate();
        }
    }

    /** UPDATE the row; none: INSERT it (same parameters, in the same order). */
    private static void upsert(Connection c, String update, Object[] params, String insert) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(update)) {
            set(u, params);
            if (u.executeUpdate() > 0) return;
        }
        exec(c, insert, params);
    }

    private static void set(PreparedStatement p, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) p.setObject(i + 1, params[i]);
    }
}
