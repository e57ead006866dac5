package org.microsmartgrid.city.stats.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.city.stats.cer.Statements;
import org.microsmartgrid.city.stats.energy.EnergyAggregator;
import org.microsmartgrid.city.stats.energy.HourEnergy;
import org.microsmartgrid.city.stats.sessions.SessionHour;

/**
 * kill -9 of a process in the middle of its flushes into an embedded H2 file (the runtime's default database): after
 * the restart the second level still answers exactly what the hourly rows answer, and only whole flushes are there.
 */
class SessionRollupKillTest {

    static final long H = HourEnergy.HOUR_MS;
    static final long MAR_1 = LocalDate.of(2025, 3, 1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    static final int PER_FLUSH = 1_500;

    /** The killed process: flushes batches of sessions until it is killed. */
    public static void main(String[] args) throws Exception {
        JdbcConnectionPool db = JdbcConnectionPool.create("jdbc:h2:file:" + args[0], "", "");
        StatsMigrations.migrate(db);
        StatsStore store = new StatsStore(db);
        EnergyAggregator.Pending none = new EnergyAggregator.Pending(List.of(), Map.of(), List.of());
        for (int flush = 1; ; flush++) {
            List<SessionHour> batch = new ArrayList<>();
            for (int i = 0; i < PER_FLUSH; i++) {
                int point = (i * 7 + flush) % 60;
                // 75 days from 1 March: whole months (March, April) and a partial one, across the switch to summer time
                batch.add(new SessionHour("loc-" + point, MAR_1 + ((i * 31L + flush * 17L) % (75 * 24)) * H,
                        "45.4" + point % 5 + ",9.1", "Municipio " + (1 + point % 9), point % 2 == 0 ? "BUSINESS" : "PUBLIC_BODY",
                        "CAR", 1, 1_000 + i, i % 3 * 100));
            }
            store.add(none, batch);
            System.out.println("flushed " + flush);
        }
    }

    @Test
    void killedInTheMiddleOfAFlushBothLevelsStillAgree(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("city");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SessionRollupKillTest.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("flushed 2")) {
                // migrations' log, first flush
            }
            assertEquals("flushed 2", line, "the child flushed twice before being killed");
            Thread.sleep(ThreadLocalRandom.current().nextInt(50, 600)); // somewhere inside a later flush
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the database
            child.waitFor();
        }
        JdbcConnectionPool db = JdbcConnectionPool.create("jdbc:h2:file:" + file, "", "");
        try {
            StatsMigrations.migrate(db);
            StatsStore store = new StatsStore(db);
            long end = MAR_1 + 76 * 24 * H;
            long sessions = 0;
            for (StatsStore.SessionGroup g : store.sessionsFromHours(MAR_1, end, StatsStore.By.DISTRICT, 1))
                sessions += g.sessions();
            assertTrue(sessions % PER_FLUSH == 0, sessions + " sessions: only whole flushes survive a kill");
            RollupEquality.assertSameAsHours(store, MAR_1, end);
            RollupEquality.assertSameAsHours(store, MAR_1 + 10 * 24 * H, end - 5 * 24 * H);
        } finally {
            db.dispose();
        }
    }
}
