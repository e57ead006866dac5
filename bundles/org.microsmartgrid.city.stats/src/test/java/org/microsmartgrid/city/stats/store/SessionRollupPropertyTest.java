package org.microsmartgrid.city.stats.store;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import org.microsmartgrid.city.registry.store.TestDatabases;
import org.microsmartgrid.city.stats.cer.Statements;
import org.microsmartgrid.city.stats.energy.EnergyAggregator;
import org.microsmartgrid.city.stats.energy.HourEnergy;
import org.microsmartgrid.city.stats.sessions.SessionHour;

/**
 * For random session-hours (a few points over 100 days across month ends and the switch to summer time, some hours
 * stored again in a later flush with other dimensions) and random periods, the levels above the hours (whole months,
 * whole Italian days, hours only for partial days) answer exactly what the plain hourly scan answers, for every
 * grouping. H2 here, PostgreSQL in the subclass.
 */
class SessionRollupPropertyTest {

    static final long H = HourEnergy.HOUR_MS;
    static final long START = LocalDate.of(2025, 2, 20).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    static final int HOURS = 100 * 24;
    private static final Map<Class<?>, DataSource> DATABASES = new ConcurrentHashMap<>();

    DataSource database() {
        return TestDatabases.fresh();
    }

    private DataSource emptied() throws Exception {
        DataSource db = DATABASES.computeIfAbsent(getClass(), k -> {
            DataSource d = database();
            StatsMigrations.migrate(d);
            return d;
        });
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String t : List.of("stats_session_hour", "stats_session_month", "stats_session_city_hour", "stats_session_day",
                    "stats_session_point_day"))
                s.executeUpdate("DELETE FROM " + t);
        }
        return db;
    }

    @Property(tries = 80)
    void theRollupAnswersAsTheHours(@ForAll("sessions") @Size(max = 60) List<SessionHour> first,
                                    @ForAll("sessions") @Size(max = 30) List<SessionHour> later,
                                    @ForAll @IntRange(min = -48, max = HOURS) int fromHour,
                                    @ForAll @IntRange(min = 0, max = HOURS) int hours,
                                    @ForAll @IntRange(min = 0, max = 2) int alignment) throws Exception {
        StatsStore store = new StatsStore(emptied());
        EnergyAggregator.Pending none = new EnergyAggregator.Pending(List.of(), Map.of(), List.of());
        store.add(none, first);
        store.add(none, later);
        long from = START + fromHour * H, to = from + hours * H;
        if (alignment == 1) { // as the API asks: whole Italian days
            from = midnight(from);
            to = midnight(to);
        } else if (alignment == 2) { // any instant
            from += 1_234_567;
            to += 2_345_678;
        }
        RollupEquality.assertSameAsHours(store, from, to);
    }

    /**
     * Periods as the dashboard asks them (whole Italian days, from one day to 100, cutting months anywhere): months,
     * days and hours together answer as the hours.
     */
    @Property(tries = 40)
    void wholeDayPeriodsAnswerAsTheHours(@ForAll("sessions") @Size(min = 20, max = 90) List<SessionHour> stored,
                                         @ForAll @IntRange(min = -2, max = 99) int fromDay,
                                         @ForAll @IntRange(min = 1, max = 100) int days) throws Exception {
        StatsStore store = new StatsStore(emptied());
        store.add(new EnergyAggregator.Pending(List.of(), Map.of(), List.of()), stored);
        java.time.LocalDate first = Instant.ofEpochMilli(START).atZone(Statements.ITALY).toLocalDate().plusDays(fromDay);
        long from = first.atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
        long to = first.plusDays(days).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
        RollupEquality.assertSameAsHours(store, from, to);
    }

    private static long midnight(long ms) {
        return Instant.ofEpochMilli(ms).atZone(Statements.ITALY).toLocalDate().atStartOfDay(Statements.ITALY)
                .toInstant().toEpochMilli();
    }

    @Provide
    Arbitrary<List<SessionHour>> sessions() {
        Arbitrary<SessionHour> one = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, HOURS - 1), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 20_000)).as(
                (p, h, moved, n, wh) -> new SessionHour("loc-" + p, START + h * H, "45.4" + (p + moved) % 3 + ",9.1",
                        "Municipio " + (1 + (p + moved) % 2), p % 2 == 0 ? "BUSINESS" : "PRIVATE_INDIVIDUAL",
                        p % 3 == 0 ? "CAR" : "CAR+EBIKE", n, wh, wh / 4.0));
        return one.list();
    }
}
