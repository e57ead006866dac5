package org.microsmartgrid.city.stats.store;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The statistics' tables in the city's database, with their own Flyway history ({@code flyway_stats_history}), so
 * they evolve apart from the registry's (which keeps {@code flyway_schema_history}). Scripts in db/stats.
 */
public final class StatsMigrations {

    public static final String HISTORY = "flyway_stats_history";

    private StatsMigrations() {
    }

    /** @return how many migrations ran now */
    public static int migrate(DataSource db) {
        return migrate(db, "latest");
    }

    /** Up to {@code target} only (the benchmark stores hourly rows as V4 had them, then times V5–V8). */
    static int migrate(DataSource db, String target) {
        return Flyway.configure(StatsMigrations.class.getClassLoader())
                .target(target)
                // Java migrations are given, not scanned: scanning a bundle's classes is not reliable in OSGi
                .javaMigrations(new V6__session_rollup_backfill(), new V8__session_day_rollup_backfill())
                .dataSource(db)
                .locations("classpath:db/stats")
                .table(HISTORY)
                .baselineOnMigrate(true) // the registry's tables are already there: not empty, not ours
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .load()
                .migrate().migrationsExecuted;
    }
}
