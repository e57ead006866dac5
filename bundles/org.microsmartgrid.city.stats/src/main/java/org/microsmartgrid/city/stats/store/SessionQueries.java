package org.microsmartgrid.city.stats.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.microsmartgrid.city.stats.store.StatsStore.By;
import org.microsmartgrid.city.stats.store.StatsStore.SessionGroup;

/**
 * The sessions' grouped query over [from, to), answered from the coarsest level that gives it exactly
 * (docs/statistics.md "Aggregazione a più livelli"): whole Italian months from {@code stats_session_month}, the whole
 * Italian days around them from {@code stats_session_point_day}, sums by hour and day from
 * {@code stats_session_city_hour}, points per whole UTC day from {@code stats_session_day}; the hourly rows only for
 * the partial days at the period's very edges. {@link #scan} is the plain hourly query,
 * the reference the rollup must equal (SessionRollupPropertyTest).
 */
final class SessionQueries {

    private static final long D = SessionRollup.DAY_MS;

    private SessionQueries() {
    }

    static List<SessionGroup> sessions(Connection c, long from, long to, By by, int offset) throws SQLException {
        return sessions(c, from, to, by, offset, true);
    }

    /**
     * @param days false: the path before the days' level (whole months, hours for the rest), kept as the benchmark's
     *             peer
     */
    static List<SessionGroup> sessions(Connection c, long from, long to, By by, int offset, boolean days)
            throws SQLException {
        if (from >= to) return List.of();
        if (by == By.DAY) return byDay(c, from, to);
        List<Part> parts = parts(from, to, days);
        if (parts.size() == 1 && parts.get(0).hourly()) return scan(c, from, to, by, offset); // less than two days
        if (by == By.HOUR_OF_DAY) return byHourOfDay(c, from, to, parts, offset);
        // per key and point first, then per key: hash aggregation twice instead of COUNT(DISTINCT), which PostgreSQL
        // sorts (the edges' rows can be hundreds of thousands)
        StringBuilder union = new StringBuilder();
        for (Part part : parts)
            union.append(union.length() == 0 ? "" : " UNION ALL ").append("SELECT ").append(by.sql)
                    .append(" AS k, location_id, sessions AS s, energy_wh AS e, solar_wh AS so FROM ").append(part.where());
        String sql = "SELECT k, SUM(s), SUM(e), SUM(so), COUNT(*) FROM (SELECT k, location_id, SUM(s) AS s, SUM(e) AS e, "
                + "SUM(so) AS so FROM (" + union + ") x GROUP BY k, location_id) y GROUP BY k ORDER BY k";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bounds(p, parts);
            return groups(p);
        }
    }

    /** One level's rows over [from, to) of its time column. */
    record Part(String table, String column, long from, long to) {

        static final String HOURS = "stats_session_hour";

        boolean hourly() {
            return table.equals(HOURS);
        }

        String where() {
            return table + " WHERE " + column + " >= ? AND " + column + " < ?";
        }
    }

    /**
     * [from, to) cut into whole Italian months, the whole Italian days before and after them, and the hours of the
     * partial days at the very edges (an API period of whole days has none); empty parts left out. Without
     * {@code days}, months and hours only (no whole month: all hours).
     */
    static List<Part> parts(long from, long to, boolean days) {
        long d0 = ItalianDays.firstStartFrom(from), d1 = ItalianDays.start(to);
        if (d0 >= d1) return List.of(new Part(Part.HOURS, "hour_start", from, to));
        long m0 = ItalianMonths.firstStartFrom(d0), m1 = ItalianMonths.start(d1);
        if (m0 >= m1) {
            if (!days) return List.of(new Part(Part.HOURS, "hour_start", from, to));
            m0 = m1 = d1; // no whole month: days only
        }
        if (!days) {
            d0 = m0;
            d1 = m1;
        }
        List<Part> parts = new ArrayList<>();
        for (Part p : List.of(new Part(Part.HOURS, "hour_start", from, d0),
                new Part("stats_session_point_day", "day_start", d0, m0),
                new Part("stats_session_month", "month_start", m0, m1),
                new Part("stats_session_point_day", "day_start", m1, d1),
                new Part(Part.HOURS, "hour_start", d1, to)))
            if (p.from() < p.to()) parts.add(p);
        return parts;
    }

    private static void bounds(PreparedStatement p, List<Part> parts) throws SQLException {
        int i = 1;
        for (Part part : parts) {
            p.setLong(i++, part.from());
            p.setLong(i++, part.to());
        }
    }

    /** The plain hourly query: every session-hour of the period. */
    static List<SessionGroup> scan(Connection c, long from, long to, By by, int offset) throws SQLException {
        String key = key(by, offset);
        String sql = "SELECT " + key + " AS k, SUM(sessions), SUM(energy_wh), SUM(solar_wh), COUNT(DISTINCT location_id) "
                + "FROM stats_session_hour WHERE hour_start >= ? AND hour_start < ? GROUP BY " + key + " ORDER BY k";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            set(p, from, to);
            return groups(p);
        }
    }

    /** Sums from the city's hours; points from whole UTC days, and from the hourly rows of the partial ones. */
    private static List<SessionGroup> byDay(Connection c, long from, long to) throws SQLException {
        Map<Long, long[]> points = new TreeMap<>();
        long d0 = Math.floorDiv(from + D - 1, D), d1 = Math.floorDiv(to, D);
        if (d0 < d1) {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT day_number, points FROM stats_session_day WHERE day_number >= ? AND day_number < ?")) {
                set(p, d0, d1);
                collect(p, points);
            }
            edgePointsByDay(c, from, d0 * D, points);
            edgePointsByDay(c, d1 * D, to, points);
        } else {
            edgePointsByDay(c, from, to, points);
        }
        return withSums(c, from, to, "hour_start / 86400000", points);
    }

    private static void edgePointsByDay(Connection c, long from, long to, Map<Long, long[]> points) throws SQLException {
        if (from >= to) return;
        try (PreparedStatement p = c.prepareStatement("SELECT hour_start / 86400000, COUNT(DISTINCT location_id) "
                + "FROM stats_session_hour WHERE hour_start >= ? AND hour_start < ? GROUP BY hour_start / 86400000")) {
            set(p, from, to);
            collect(p, points);
        }
    }

    /**
     * Sums from the city's hours; points per UTC hour of day from the months' hour masks and the edges' hourly rows:
     * per point, whether any of its rows has bit h (MAX of the bit), then how many points have it.
     */
    private static List<SessionGroup> byHourOfDay(Connection c, long from, long to, List<Part> parts, int offset)
            throws SQLException {
        StringBuilder bits = new StringBuilder(), sums = new StringBuilder(), union = new StringBuilder();
        for (int h = 0; h < 24; h++) {
            bits.append(h == 0 ? "" : ", ").append("MAX(MOD(m / ").append(1 << h).append(", 2)) AS b").append(h);
            sums.append(h == 0 ? "" : ", ").append("SUM(b").append(h).append(')');
        }
        for (Part part : parts)
            union.append(union.length() == 0 ? "" : " UNION ALL ").append("SELECT location_id, ")
                    .append(part.hourly() ? "CAST(POWER(2, MOD(hour_start / 3600000, 24)) AS INTEGER)" : "hours_mask")
                    .append(" AS m FROM ").append(part.where());
        String sql = "SELECT " + sums + " FROM (SELECT location_id, " + bits + " FROM (" + union
                + ") x GROUP BY location_id) y";
        Map<Long, long[]> points = new TreeMap<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bounds(p, parts);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) for (int h = 0; h < 24; h++) {
                    long n = r.getLong(h + 1);
                    if (n > 0) points.put((long) Math.floorMod(h + offset, 24), new long[] {n});
                }
            }
        }
        return withSums(c, from, to, key(By.HOUR_OF_DAY, offset), points);
    }

    /** The city's sums per {@code key} over [from, to), with the points counted for each key. */
    private static List<SessionGroup> withSums(Connection c, long from, long to, String key, Map<Long, long[]> points)
            throws SQLException {
        List<SessionGroup> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT " + key + " AS k, SUM(sessions), SUM(energy_wh), "
                + "SUM(solar_wh) FROM stats_session_city_hour WHERE hour_start >= ? AND hour_start < ? GROUP BY " + key
                + " ORDER BY k")) {
            set(p, from, to);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long[] n = points.get(r.getLong(1));
                    out.add(new SessionGroup(r.getString(1), r.getLong(2), r.getDouble(3), r.getDouble(4),
                            n == null ? 0 : n[0]));
                }
            }
        }
        return out;
    }

    private static void collect(PreparedStatement p, Map<Long, long[]> points) throws SQLException {
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) points.computeIfAbsent(r.getLong(1), k -> new long[1])[0] += r.getLong(2);
        }
    }

    static String key(By by, int offset) {
        // the offset is our own int, never text from the caller: written into the SQL so that the SELECT and the
        // GROUP BY expressions are the same (PostgreSQL compares them as written)
        return by == By.HOUR_OF_DAY ? String.format(Locale.ROOT, by.sql, offset) : by.sql;
    }

    private static List<SessionGroup> groups(PreparedStatement p) throws SQLException {
        List<SessionGroup> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) out.add(new SessionGroup(r.getString(1), r.getLong(2), r.getDouble(3), r.getDouble(4),
                    r.getLong(5)));
        }
        return out;
    }

    private static void set(PreparedStatement p, long... params) throws SQLException {
        for (int i = 0; i < params.length; i++) p.setLong(i + 1, params[i]);
    }
}
