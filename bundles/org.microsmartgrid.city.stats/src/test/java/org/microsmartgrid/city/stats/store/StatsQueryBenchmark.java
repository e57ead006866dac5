package org.microsmartgrid.city.stats.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.registry.store.LocalPostgres;
import org.microsmartgrid.city.registry.store.Migrations;
import org.microsmartgrid.city.stats.cer.Community;
import org.microsmartgrid.city.stats.cer.Member;
import org.microsmartgrid.city.stats.cer.Statements;

/**
 * docs/benchmarks.md §16: the dashboard's queries on a generated year for {@code -Dbench.points} points/modules
 * (default 10,000), on embedded H2 (a file, as the runtime) and PostgreSQL. Not run by {@code mvn verify} (its name);
 * run with {@code -Dtest=StatsQueryBenchmark}. Prints a Markdown table.
 */
class StatsQueryBenchmark {

    static final int POINTS = Integer.getInteger("bench.points", 10_000);
    static final int SESSIONS_PER_DAY = Integer.getInteger("bench.sessions.per.day", 3);
    static final int ENERGY_MODULES = Integer.getInteger("bench.energy.modules", 1_000);
    static final int COMMUNITY_MEMBERS = 50;
    static final int REPEATS = 5;
    static final long YEAR_FROM = LocalDate.of(2025, 1, 1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    static final long YEAR_TO = LocalDate.of(2026, 1, 1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    static final long H = 3_600_000L;

    @Test
    void dashboardQueriesOnAYear() throws Exception {
        List<String> out = new ArrayList<>();
        out.add("| database | query | rows scanned | best of " + REPEATS + " ms | median ms |");
        out.add("|---|---|---:|---:|---:|");
        JdbcDataSource h2 = new JdbcDataSource();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("stats-bench");
        h2.setURL("jdbc:h2:file:" + dir.resolve("city"));
        run("H2 (file)", h2, out);
        run("PostgreSQL " + System.getProperty("bench.pg.version", "15"), LocalPostgres.shared().freshDatabase(), out);
        System.out.println(String.join("\n", out));
    }

    private void run(String name, DataSource db, List<String> out) throws Exception {
        Migrations.migrate(db);
        StatsMigrations.migrate(db);
        long t0 = System.nanoTime();
        long sessions = generate(db);
        System.out.printf(Locale.ROOT, "%s: generated %,d session-hour rows and %,d energy-hour rows in %.0f s%n", name,
                sessions, (long) ENERGY_MODULES * (YEAR_TO - YEAR_FROM) / H, (System.nanoTime() - t0) / 1e9);
        StatsStore store = new StatsStore(db);
        for (StatsStore.By by : List.of(StatsStore.By.AREA, StatsStore.By.OPERATOR_TYPE, StatsStore.By.HOUR_OF_DAY,
                StatsStore.By.DAY)) {
            long[] ms = time(() -> store.sessions(YEAR_FROM, YEAR_TO, by, 1));
            out.add(row(name, "sessions by " + by.name().toLowerCase(Locale.ROOT) + ", a year", sessions, ms));
        }
        long month = LocalDate.of(2025, 7, 1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
        long[] ms = time(() -> store.sessions(month, month + 31 * 24 * H, StatsStore.By.AREA, 2));
        out.add(row(name, "sessions by area, a month", sessions / 12, ms));
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < COMMUNITY_MEMBERS; i++) members.add(new Member("milano/m" + i, null, LocalDate.of(2024, 1, 1), null));
        Community c = new Community("bench", null, "AC1", members);
        ms = time(() -> Statements.month(c, java.time.YearMonth.of(2025, 7), store, 110, 0.5));
        out.add(row(name, "CER statement, " + COMMUNITY_MEMBERS + " members, a month", COMMUNITY_MEMBERS * 744L, ms));
    }

    private static String row(String db, String query, long rows, long[] ms) {
        return String.format(Locale.ROOT, "| %s | %s | %,d | %d | %d |", db, query, rows, ms[0], ms[ms.length / 2]);
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

    /** A year of session hours (SESSIONS_PER_DAY distinct hours per point and day) and of energy hours for ENERGY_MODULES. */
    private static long generate(DataSource db) throws Exception {
        String[] ops = {"PUBLIC_BODY", "BUSINESS", "CONDOMINIUM", "PRIVATE_INDIVIDUAL"};
        String[] classes = {"CAR", "EBIKE+SCOOTER", "CAR+MOPED", "EBIKE"};
        java.util.Random r = new java.util.Random(1);
        long rows = 0;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO stats_session_hour (location_id, hour_start, area, "
                    + "operator_type, vehicle_class, sessions, energy_wh, solar_wh) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int pt = 0; pt < POINTS; pt++) {
                    String area = String.format(Locale.ROOT, "45.%02d,9.%02d", 40 + pt % 15, 10 + (pt / 15) % 15);
                    for (long day = YEAR_FROM; day < YEAR_TO; day += 24 * H) {
                        int first = r.nextInt(24 - SESSIONS_PER_DAY);
                        for (int s = 0; s < SESSIONS_PER_DAY; s++) {
                            p.setString(1, "loc-" + pt);
                            p.setLong(2, day + (first + s) * H);
                            p.setString(3, area);
                            p.setString(4, ops[pt % 4]);
                            p.setString(5, classes[pt % 4]);
                            p.setInt(6, 1);
                            p.setDouble(7, 2000 + r.nextInt(8000));
                            p.setDouble(8, r.nextInt(2000));
                            p.addBatch();
                            if (++rows % 20_000 == 0) {
                                p.executeBatch();
                                c.commit();
                            }
                        }
                    }
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO stats_energy_hour (module, hour_start, import_wh, "
                    + "export_wh, covered_ms) VALUES (?, ?, ?, ?, ?)")) {
                int n = 0;
                for (int m = 0; m < ENERGY_MODULES; m++) {
                    for (long h = YEAR_FROM; h < YEAR_TO; h += H) {
                        p.setString(1, "milano/m" + m);
                        p.setLong(2, h);
                        p.setDouble(3, r.nextInt(3000));
                        p.setDouble(4, r.nextInt(3000));
                        p.setLong(5, H);
                        p.addBatch();
                        if (++n % 20_000 == 0) {
                            p.executeBatch();
                            c.commit();
                        }
                    }
                }
                p.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute(db instanceof JdbcDataSource ? "ANALYZE" : "ANALYZE stats_session_hour");
            }
        }
        return rows;
    }
}
