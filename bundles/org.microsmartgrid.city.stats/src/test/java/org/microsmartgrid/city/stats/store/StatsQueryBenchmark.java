package org.microsmartgrid.city.stats.store;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.registry.store.LocalPostgres;
import org.microsmartgrid.city.registry.store.Migrations;
import org.microsmartgrid.city.stats.cer.Community;
import org.microsmartgrid.city.stats.cer.Member;
import org.microsmartgrid.city.stats.cer.Statements;

/**
 * docs/benchmarks.md §18: the dashboard's queries on a generated year for {@code -Dbench.points} points/modules
 * (default 10,000), on embedded H2 (a file, as the runtime) and PostgreSQL. Not run by {@code mvn verify} (its name);
 * run with {@code -Dtest=StatsQueryBenchmark}. Prints a Markdown table. The hourly rows are generated as a city
 * stored them before the rollup (schema V4); the migration to V5–V8 then backfills the months and days, timed; each
 * query is timed on the levels, on the peer (months and hours, the path before V7) and once as the plain hourly scan,
 * and the three answers are compared.
 */
class StatsQueryBenchmark {

    static final int POINTS = Integer.getInteger("bench.points", 10_000);
    /** H2 generates rows far slower (one 500-point INSERT … SELECT commits for minutes on 2 shared cores). */
    static final int H2_POINTS = Integer.getInteger("bench.h2.points", 2_000);
    static final int SESSIONS_PER_DAY = Integer.getInteger("bench.sessions.per.day", 3);
    static final int ENERGY_MODULES = Integer.getInteger("bench.energy.modules", 200);
    static final int COMMUNITY_MEMBERS = 50;
    static final int REPEATS = Integer.getInteger("bench.repeats", 5);
    static final long YEAR_FROM = LocalDate.of(2025, 1, 1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    static final long YEAR_TO = LocalDate.of(2026, 1, 1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    static final long H = 3_600_000L;

    @Test
    void dashboardQueriesOnAYear() throws Exception {
        List<String> out = new ArrayList<>();
        out.add("| database | query | session-hours in the period | levels, best of " + REPEATS + " ms | median | "
                + "peer (months + hours), best | median | hourly scan once, ms | same answer |");
        out.add("|---|---|---:|---:|---:|---:|---:|---:|---|");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("stats-bench");
        // as the runtime: H2's pool over the file (one open database, as RegistryDatabase does)
        org.h2.jdbcx.JdbcConnectionPool h2 = org.h2.jdbcx.JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("city"), "", "");
        try {
            if (H2_POINTS > 0) run("H2 (file)", h2, false, H2_POINTS, out);
        } finally {
            h2.dispose();
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path f : files.toList()) java.nio.file.Files.delete(f);
            }
            java.nio.file.Files.delete(dir);
        }
        if (POINTS > 0) run("PostgreSQL", LocalPostgres.shared().freshDatabase(), true, POINTS, out);
        System.out.println("BENCH\n" + String.join("\n", out));
    }

    private void run(String name, DataSource db, boolean postgres, int points, List<String> out) throws Exception {
        Migrations.migrate(db);
        StatsMigrations.migrate(db, "4"); // the hourly rows as a city stored them before the rollup (V5, V6)
        long t0 = System.nanoTime();
        long sessions = generate(db, postgres, points);
        System.out.printf(Locale.ROOT, "BENCH %s: generated %,d session-hour rows and %,d energy-hour rows in %.0f s%n", name,
                sessions, (long) ENERGY_MODULES * (YEAR_TO - YEAR_FROM) / H, (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        StatsMigrations.migrate(db);
        analyze(db);
        System.out.printf(Locale.ROOT, "BENCH %s: V5-V8 backfilled the rollup in %.0f s: %s%n", name,
                (System.nanoTime() - t0) / 1e9, rollupRows(db));
        StatsStore store = new StatsStore(db);
        String who = name + ", " + points + " points";
        // the dashboard's periods (whole Italian days, as the API asks): its default "last 30 days", a quarter cut in
        // mid-month, §18.5's 15 Feb-13 Dec, a year of whole months
        record Period(String name, long from, long to, List<StatsStore.By> bys) {
        }
        List<StatsStore.By> three = List.of(StatsStore.By.DISTRICT, StatsStore.By.AREA, StatsStore.By.HOUR_OF_DAY);
        List<Period> periods = List.of(
                new Period("last 30 days (8 Nov-7 Dec)", day(2025, 11, 8), day(2025, 12, 8), three),
                new Period("a quarter cut mid-month (15 Feb-14 May)", day(2025, 2, 15), day(2025, 5, 15), three),
                new Period("15 Feb-13 Dec", day(2025, 2, 15), day(2025, 12, 14), three),
                new Period("a year of whole months", YEAR_FROM, YEAR_TO, List.of(StatsStore.By.DISTRICT,
                        StatsStore.By.AREA, StatsStore.By.OPERATOR_TYPE, StatsStore.By.HOUR_OF_DAY, StatsStore.By.DAY)));
        for (Period period : periods)
            for (StatsStore.By by : period.bys()) {
                long rows = sessions * ((period.to() - period.from()) / (24 * H)) / 365;
                compared(who, "sessions by " + by.name().toLowerCase(Locale.ROOT) + ", " + period.name(), rows,
                        () -> store.sessions(period.from(), period.to(), by, 1),
                        () -> store.sessionsFromMonthsAndHours(period.from(), period.to(), by, 1),
                        () -> store.sessionsFromHours(period.from(), period.to(), by, 1), out);
            }
        long[] ms;
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < COMMUNITY_MEMBERS; i++) members.add(new Member("milano/m" + i, null, LocalDate.of(2024, 1, 1), null));
        Community c = new Community("bench", null, "AC1", members);
        ms = time(() -> Statements.month(c, java.time.YearMonth.of(2025, 7), store, 110, 0.5));
        out.add(row(name + ", " + ENERGY_MODULES + " modules' energy", "CER statement, " + COMMUNITY_MEMBERS + " members, a month", COMMUNITY_MEMBERS * 744L, ms));
    }

    /**
     * Times the levels' answer and the peer's (the path before the days' level: months, hours for the rest), both
     * warm-up + REPEATS, then the hourly scan once, and checks that both agree with it.
     */
    private static void compared(String who, String what, long rows, Supplier<List<StatsStore.SessionGroup>> levels,
                                 Supplier<List<StatsStore.SessionGroup>> peer,
                                 Supplier<List<StatsStore.SessionGroup>> hours, List<String> out) {
        long[] ms = time(levels::get), peerMs = time(peer::get);
        long t = System.nanoTime();
        List<StatsStore.SessionGroup> reference = hours.get();
        long scanMs = (System.nanoTime() - t) / 1_000_000;
        boolean same = same(levels.get(), reference) && same(peer.get(), reference);
        String row = String.format(Locale.ROOT, "| %s | %s | %,d | **%d** | %d | %d | %d | %d | %s |", who, what, rows,
                ms[0], ms[ms.length / 2], peerMs[0], peerMs[peerMs.length / 2], scanMs, same ? "yes" : "NO");
        System.out.println("BENCH ROW " + row);
        out.add(row);
    }

    private static boolean same(List<StatsStore.SessionGroup> r, List<StatsStore.SessionGroup> reference) {
        boolean same = reference.size() == r.size();
        for (int i = 0; same && i < r.size(); i++)
            same = r.get(i).key().equals(reference.get(i).key()) && r.get(i).sessions() == reference.get(i).sessions()
                    && r.get(i).points() == reference.get(i).points()
                    && Math.abs(r.get(i).energyWh() - reference.get(i).energyWh()) <= 1e-6 * Math.abs(reference.get(i).energyWh());
        return same;
    }

    private static long day(int y, int m, int d) {
        return LocalDate.of(y, m, d).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    }

    private static void analyze(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    private static String rollupRows(DataSource db) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String t : List.of("stats_session_month", "stats_session_city_hour", "stats_session_day",
                    "stats_session_point_day"))
                try (java.sql.ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    r.next();
                    sb.append(String.format(Locale.ROOT, "%s%s %,d rows", sb.length() == 0 ? "" : ", ", t, r.getLong(1)));
                }
        }
        return sb.toString();
    }

    private static String row(String db, String query, long rows, long[] ms) {
        String row = String.format(Locale.ROOT, "| %s | %s | %,d | %d | %d |", db, query, rows, ms[0], ms[ms.length / 2]);
        System.out.println("BENCH ROW " + row);
        return row;
    }

    private static long[] time(Runnable r) {
        r.run(); // warm-up
        long[] ms = new long[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long t = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        return ms;
    }

    /**
     * A year of session hours (SESSIONS_PER_DAY consecutive hours per point and day, starting at an hour that varies
     * with point and day) and of energy hours for ENERGY_MODULES, generated by the database itself (set-based SQL
     * that H2 and PostgreSQL both run; only the row source differs), in chunks of 500 points.
     */
    private static long generate(DataSource db, boolean postgres, int points) throws Exception {
        long rows = 0;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (int chunk = 0; chunk < points; chunk += 500) {
                int last = Math.min(points, chunk + 500) - 1;
                // districts: Milan's nine Municipi and the points outside them
                rows += s.executeUpdate("INSERT INTO stats_session_hour (location_id, hour_start, area, district, "
                        + "operator_type, vehicle_class, sessions, energy_wh, solar_wh) SELECT 'loc-' || p.x, "
                        + YEAR_FROM + " + d.x * 86400000 + (MOD(p.x * 7 + d.x * 13, " + (24 - SESSIONS_PER_DAY)
                        + ") + k.x) * 3600000, '45.' || (40 + MOD(p.x, 15)) || ',9.' || (10 + MOD(p.x / 15, 15)), "
                        + "CASE MOD(p.x, 10) WHEN 9 THEN 'altro / other' ELSE 'Municipio ' || (1 + MOD(p.x, 10)) END, "
                        + "CASE MOD(p.x, 4) WHEN 0 THEN 'PUBLIC_BODY' WHEN 1 THEN 'BUSINESS' WHEN 2 THEN 'CONDOMINIUM' "
                        + "ELSE 'PRIVATE_INDIVIDUAL' END, CASE MOD(p.x, 3) WHEN 0 THEN 'CAR' WHEN 1 THEN 'EBIKE+SCOOTER' "
                        + "ELSE 'CAR+MOPED' END, 1, 2000 + MOD(p.x * 31 + d.x * 17 + k.x * 7, 8000), "
                        + "MOD(p.x * 13 + d.x * 7, 2000) FROM " + range(postgres, "p", chunk, last) + ", "
                        + range(postgres, "d", 0, 364) + ", " + range(postgres, "k", 0, SESSIONS_PER_DAY - 1));
            }
            for (int chunk = 0; chunk < ENERGY_MODULES; chunk += 20) {
                int last = Math.min(ENERGY_MODULES, chunk + 20) - 1;
                s.executeUpdate("INSERT INTO stats_energy_hour (module, hour_start, import_wh, export_wh, covered_ms) "
                        + "SELECT 'milano/m' || m.x, " + YEAR_FROM + " + h.x * 3600000, MOD(m.x * 13 + h.x * 7, 3000), "
                        + "MOD(m.x * 17 + h.x * 11, 3000), 3600000 FROM " + range(postgres, "m", chunk, last) + ", "
                        + range(postgres, "h", 0, (int) ((YEAR_TO - YEAR_FROM) / H) - 1));
            }
            s.execute(postgres ? "ANALYZE" : "ANALYZE");
        }
        return rows;
    }

    private static String range(boolean postgres, String alias, int from, int to) {
        // bigint, as H2's SYSTEM_RANGE: day × 86,400,000 ms does not fit PostgreSQL's integer
        return postgres ? "generate_series(" + from + "::bigint, " + to + ") AS " + alias + "(x)"
                : "SYSTEM_RANGE(" + from + ", " + to + ") " + alias;
    }
}
