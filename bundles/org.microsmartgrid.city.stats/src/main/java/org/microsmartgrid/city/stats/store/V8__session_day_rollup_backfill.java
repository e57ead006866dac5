package org.microsmartgrid.city.stats.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills V7's per-point-per-day table from the hourly session rows stored before it, one Italian day at a time (SQL
 * cannot find Italian midnights the same way on H2 and PostgreSQL; the sums are set-based SQL, as in V6). Given to
 * Flyway by {@link StatsMigrations}.
 */
public final class V8__session_day_rollup_backfill extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        long min, max;
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT MIN(hour_start), MAX(hour_start) FROM stats_session_hour")) {
            r.next();
            min = r.getLong(1);
            if (r.wasNull()) return; // nothing stored yet
            max = r.getLong(2);
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO stats_session_point_day (location_id, day_start, "
                + "area, district, operator_type, vehicle_class, sessions, energy_wh, solar_wh, hours_mask) "
                + "SELECT location_id, ?, area, district, operator_type, vehicle_class, SUM(sessions), SUM(energy_wh), "
                + "SUM(solar_wh), " + V6__session_rollup_backfill.MASK + " FROM stats_session_hour "
                + "WHERE hour_start >= ? AND hour_start < ? "
                + "GROUP BY location_id, area, district, operator_type, vehicle_class")) {
            for (long d = ItalianDays.start(min); d <= max; d = ItalianDays.next(d)) {
                p.setLong(1, d);
                p.setLong(2, d);
                p.setLong(3, ItalianDays.next(d));
                p.executeUpdate();
            }
        }
    }
}
