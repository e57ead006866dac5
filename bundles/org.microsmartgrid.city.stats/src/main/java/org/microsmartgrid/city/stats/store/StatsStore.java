package org.microsmartgrid.city.stats.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.microsmartgrid.city.stats.availability.AvailabilityAggregator;
import org.microsmartgrid.city.stats.cer.HourlyReadings;
import org.microsmartgrid.city.stats.energy.CounterSample;
import org.microsmartgrid.city.stats.energy.EnergyAggregator;
import org.microsmartgrid.city.stats.energy.HourEnergy;
import org.microsmartgrid.city.stats.sessions.SessionHour;
import org.microsmartgrid.city.stats.sessions.UnmetDemand;

/**
 * The statistics' tables: adds what the aggregators drained (one transaction), answers the dashboard's and the
 * statements' queries. Plain SQL that H2 and PostgreSQL both run; additions are update-then-insert, retried as an
 * update when another instance inserted the row first.
 */
public final class StatsStore implements HourlyReadings {

    private final DataSource db;

    public StatsStore(DataSource db) {
        this.db = db;
    }

    public void add(EnergyAggregator.Pending energy, List<SessionHour> sessions) {
        add(energy, sessions, List.of(), List.of());
    }

    /** Stores what was drained, all or nothing. */
    public void add(EnergyAggregator.Pending energy, List<SessionHour> sessions,
                    List<AvailabilityAggregator.Hour> availability, List<UnmetDemand.Cell> searches) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (EnergyAggregator.Contribution h : energy.hours()) addEnergy(c, h.module(), h.energy());
                for (Map.Entry<String, CounterSample> e : energy.lasts().entrySet()) setLast(c, e.getKey(), e.getValue());
                Map<String, Integer> bad = new HashMap<>();
                for (EnergyAggregator.Bad b : energy.bad())
                    bad.merge(b.module() + "\u0000" + b.rule() + "\u0000" + b.hourStart(), 1, Integer::sum);
                for (Map.Entry<String, Integer> e : bad.entrySet()) {
                    String[] k = e.getKey().split("\u0000");
                    addBad(c, k[0], k[1], Long.parseLong(k[2]), e.getValue());
                }
                // in time order: instances flushing at once lock the city's hours and days in the same order (no deadlock there)
                List<SessionHour> byHour = new ArrayList<>(sessions);
                byHour.sort(java.util.Comparator.comparingLong(SessionHour::hourStart));
                for (SessionHour s : byHour) SessionRollup.add(c, s); // the hour and its second level, together
                for (AvailabilityAggregator.Hour a : availability) {
                    long[] ms = a.ms();
                    upsert(c, "UPDATE stats_availability_hour SET free_ms = free_ms + ?, charging_ms = charging_ms + ?, "
                                    + "out_of_order_ms = out_of_order_ms + ?, offline_ms = offline_ms + ? "
                                    + "WHERE location_id = ? AND hour_start = ?",
                            new Object[] {ms[0], ms[1], ms[2], ms[3], a.locationId(), a.hourStart()},
                            // the hour keeps the district it was first stored with, as the sessions' hours do
                            "INSERT INTO stats_availability_hour (free_ms, charging_ms, out_of_order_ms, offline_ms, "
                                    + "location_id, hour_start, district) VALUES (?, ?, ?, ?, ?, ?, ?)", a.district());
                }
                for (UnmetDemand.Cell u : searches) {
                    upsert(c, "UPDATE stats_search_hour SET searches = searches + ?, unmet = unmet + ? "
                                    + "WHERE area = ? AND hour_start = ?",
                            new Object[] {u.searches(), u.unmet(), u.area(), u.hourStart()},
                            "INSERT INTO stats_search_hour (searches, unmet, area, hour_start) VALUES (?, ?, ?, ?)");
                    upsert(c, "UPDATE stats_search_district_hour SET searches = searches + ?, unmet = unmet + ? "
                                    + "WHERE district = ? AND hour_start = ?",
                            new Object[] {u.searches(), u.unmet(), u.district(), u.hourStart()},
                            "INSERT INTO stats_search_district_hour (searches, unmet, district, hour_start) "
                                    + "VALUES (?, ?, ?, ?)");
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statistics not stored: " + e.getMessage(), e);
        }
    }

    private static void addEnergy(Connection c, String module, HourEnergy e) throws SQLException {
        upsert(c, "UPDATE stats_energy_hour SET import_wh = import_wh + ?, export_wh = export_wh + ?, "
                        + "covered_ms = covered_ms + ? WHERE module = ? AND hour_start = ?",
                new Object[] {e.importWh(), e.exportWh(), e.coveredMs(), module, e.hourStart()},
                "INSERT INTO stats_energy_hour (import_wh, export_wh, covered_ms, module, hour_start) VALUES (?, ?, ?, ?, ?)");
    }

    private static void setLast(Connection c, String module, CounterSample s) throws SQLException {
        upsert(c, "UPDATE stats_counter_last SET at_ms = ?, import_wh = ?, export_wh = ? WHERE module = ?",
                new Object[] {s.at(), s.importWh(), s.exportWh(), module},
                "INSERT INTO stats_counter_last (at_ms, import_wh, export_wh, module) VALUES (?, ?, ?, ?)");
    }

    private static void addBad(Connection c, String module, String rule, long hour, int n) throws SQLException {
        upsert(c, "UPDATE stats_bad_data SET occurrences = occurrences + ? WHERE module = ? AND rule = ? AND hour_start = ?",
                new Object[] {n, module, rule, hour},
                "INSERT INTO stats_bad_data (occurrences, module, rule, hour_start) VALUES (?, ?, ?, ?)");
    }

    /**
     * UPDATE the row; none: INSERT it (same parameters, in the same order, then {@code insertOnly}: columns a new row
     * takes and an existing one keeps).
     */
    private static void upsert(Connection c, String update, Object[] params, String insert, Object... insertOnly)
            throws SQLException {
        try (PreparedStatement u = c.prepareStatement(update)) {
            set(u, params);
            if (u.executeUpdate() > 0) return;
        }
        try (PreparedStatement i = c.prepareStatement(insert)) {
            set(i, params);
            for (int k = 0; k < insertOnly.length; k++) i.setObject(params.length + k + 1, insertOnly[k]);
            i.executeUpdate();
        }
    }

    private static void set(PreparedStatement p, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) p.setObject(i + 1, params[i]);
    }

    public Optional<CounterSample> last(String module) {
        try (Connection c = db.getConnection();
             PreparedStatement p = c.prepareStatement(
                     "SELECT at_ms, import_wh, export_wh FROM stats_counter_last WHERE module = ?")) {
            p.setString(1, module);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new CounterSample(r.getLong(1), r.getDouble(2), r.getDouble(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, Map<Long, HourEnergy>> read(Collection<String> modules, long fromHour, long toHour) {
        Map<String, Map<Long, HourEnergy>> out = new HashMap<>();
        if (modules.isEmpty()) return out;
        String marks = String.join(",", java.util.Collections.nCopies(modules.size(), "?"));
        try (Connection c = db.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT module, hour_start, import_wh, export_wh, covered_ms "
                     + "FROM stats_energy_hour WHERE hour_start >= ? AND hour_start < ? AND module IN (" + marks + ")")) {
            p.setLong(1, fromHour);
            p.setLong(2, toHour);
            int i = 3;
            for (String m : modules) p.setString(i++, m);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getLong(2),
                        new HourEnergy(r.getLong(2), r.getDouble(3), r.getDouble(4), r.getLong(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** One row of a grouped session query. */
    public record SessionGroup(String key, long sessions, double energyWh, double solarWh, long points) {
    }

    /** What a session query may group by: column expressions, never user text. */
    public enum By {
        AREA("area"), DISTRICT("district"), OPERATOR_TYPE("operator_type"), VEHICLE_CLASS("vehicle_class"), LOCATION("location_id"),
        HOUR_OF_DAY("MOD(hour_start / 3600000 + %d, 24)"), DAY("hour_start / 86400000");

        final String sql;

        By(String sql) {
            this.sql = sql;
        }
    }

    /**
     * Sessions ended in [from, to), grouped: from the levels above the hours (whole months, whole Italian days per
     * point, the city's hours, points per UTC day) and the hourly rows only for partial days at the period's edges
     * ({@link SessionQueries}); the same answer as the hourly rows.
     *
     * @param italianOffsetHours for {@link By#HOUR_OF_DAY}: hours added to UTC (1 in winter, 2 in summer; the caller
     *                           picks the offset of the period)
     */
    public List<SessionGroup> sessions(long from, long to, By by, int italianOffsetHours) {
        return query(from, to, by, italianOffsetHours, false);
    }

    /** The same answer from the hourly rows alone: the reference the second level must equal (tests, benchmark). */
    List<SessionGroup> sessionsFromHours(long from, long to, By by, int italianOffsetHours) {
        return query(from, to, by, italianOffsetHours, true);
    }

    /** The answer without the days' level (whole months, hours for the rest): the benchmark's peer. */
    List<SessionGroup> sessionsFromMonthsAndHours(long from, long to, By by, int italianOffsetHours) {
        return query(from, to, by, italianOffsetHours, null);
    }

    /** @param hoursOnly true: the hourly scan; false: every level; null: months and hours only */
    private List<SessionGroup> query(long from, long to, By by, int italianOffsetHours, Boolean hoursOnly) {
        if (italianOffsetHours < 0 || italianOffsetHours > 2) throw new IllegalArgumentException("offset");
        try (Connection c = db.getConnection()) {
            return Boolean.TRUE.equals(hoursOnly) ? SessionQueries.scan(c, from, to, by, italianOffsetHours)
                    : SessionQueries.sessions(c, from, to, by, italianOffsetHours, hoursOnly != null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A point's time in [from, to), summed over its sockets, by bucket (ms). */
    public record AvailabilityRow(String locationId, long freeMs, long chargingMs, long outOfOrderMs, long offlineMs) {

        public long totalMs() {
            return freeMs + chargingMs + outOfOrderMs + offlineMs;
        }
    }

    /** Every point's availability in [from, to), ordered by point. */
    public List<AvailabilityRow> availability(long from, long to) {
        return inRange("SELECT location_id, SUM(free_ms), SUM(charging_ms), SUM(out_of_order_ms), SUM(offline_ms) "
                        + "FROM stats_availability_hour WHERE hour_start >= ? AND hour_start < ? "
                        + "GROUP BY location_id ORDER BY location_id", from, to,
                r -> new AvailabilityRow(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4),
                        r.getLong(5)));
    }

    /** Every district's availability in [from, to): its points' time summed, and how many points reported. */
    public record DistrictAvailability(String district, long points, long freeMs, long chargingMs, long outOfOrderMs,
                                       long offlineMs) {

        public long totalMs() {
            return freeMs + chargingMs + outOfOrderMs + offlineMs;
        }
    }

    /** Availability per district in [from, to), ordered by district (docs/statistics.md "Disponibilità"). */
    public List<DistrictAvailability> availabilityByDistrict(long from, long to) {
        return inRange("SELECT district, COUNT(DISTINCT location_id), SUM(free_ms), SUM(charging_ms), "
                        + "SUM(out_of_order_ms), SUM(offline_ms) FROM stats_availability_hour "
                        + "WHERE hour_start >= ? AND hour_start < ? GROUP BY district ORDER BY district", from, to,
                r -> new DistrictAvailability(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                        r.getLong(6)));
    }

    /** Searches per grid cell (or district) in [from, to). */
    public record SearchCell(String area, long searches, long unmet) {
    }

    /** Searches per district of their origin in [from, to), ordered by district ({@code area} holds the district). */
    public List<SearchCell> searchesByDistrict(long from, long to) {
        return inRange("SELECT district, SUM(searches), SUM(unmet) FROM stats_search_district_hour "
                        + "WHERE hour_start >= ? AND hour_start < ? GROUP BY district ORDER BY district", from, to,
                r -> new SearchCell(r.getString(1), r.getLong(2), r.getLong(3)));
    }

    public List<SearchCell> searches(long from, long to) {
        return inRange("SELECT area, SUM(searches), SUM(unmet) FROM stats_search_hour WHERE hour_start >= ? AND hour_start < ? "
                        + "GROUP BY area ORDER BY area", from, to,
                r -> new SearchCell(r.getString(1), r.getLong(2), r.getLong(3)));
    }

    /** Bad data left out in [from, to), per module and rule. */
    public record BadCount(String module, String rule, long occurrences) {
    }

    public List<BadCount> badData(long from, long to) {
        return inRange("SELECT module, rule, SUM(occurrences) FROM stats_bad_data WHERE hour_start >= ? AND hour_start < ? "
                        + "GROUP BY module, rule ORDER BY module, rule", from, to,
                r -> new BadCount(r.getString(1), r.getString(2), r.getLong(3)));
    }

    private interface Row<T> {
        T of(ResultSet r) throws SQLException;
    }

    /** The rows of a query over the hours in [from, to) (its two parameters), each made by {@code row}. */
    private <T> List<T> inRange(String sql, long from, long to, Row<T> row) {
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, from);
            p.setLong(2, to);
            List<T> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(row.of(r));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
