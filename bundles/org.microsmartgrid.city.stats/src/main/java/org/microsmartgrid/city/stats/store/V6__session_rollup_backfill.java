package org.microsmartgrid.city.stats.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills V5's tables from the hourly session rows stored before them. In Java only because SQL cannot find Italian
 * month boundaries the same way on H2 and PostgreSQL; the sums themselves are set-based SQL, one month at a time.
 * Given to Flyway by {@link StatsMigrations} (no class scanning inside a bundle).
 */
public final class V6__session_rollup_backfill extends BaseJavaMigration {

    /** The OR of the rows' UTC-hour bits: the sum of their distinct powers of two. */
    static final String MASK = "SUM(DISTINCT CAST(POWER(2, MOD(hour_start / 3600000, 24)) AS INTEGER))";

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
        try (PreparedStatement p = c.prepareStatement("INSERT INTO stats_session_month (location_id, month_start, "
                + "area, district, operator_type, vehicle_class, sessions, energy_wh, solar_wh, hours_mask) "
                + "SELECT location_id, ?, area, district, operator_type, vehicle_class, SUM(sessions), SUM(energy_wh), "
                + "SUM(solar_wh), " + MASK + " FROM stats_session_hour WHERE hour_start >= ? AND hour_start < ? "
                + "GROUP BY location_id, area, district, operator_type, vehicle_class")) {
            for (long m = ItalianMonths.start(min); m <= max; m = ItalianMonths.next(m)) {
                p.setLong(1, m);
                p.setLong(2, m);
                p.setLong(3, ItalianMonths.next(m));
                p.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO stats_session_city_hour (hour_start, sessions, energy_wh, solar_wh) "
                    + "SELECT hour_start, SUM(sessions), SUM(energy_wh), SUM(solar_wh) FROM stats_session_hour "
                    + "GROUP BY hour_start");
            s.executeUpdate("INSERT INTO stats_session_day (day_number, points) SELECT hour_start / 86400000, "
                    + "COUNT(DISTINCT location_id) FROM stats_session_hour GROUP BY hour_start / 86400000");
        }
    }
}
