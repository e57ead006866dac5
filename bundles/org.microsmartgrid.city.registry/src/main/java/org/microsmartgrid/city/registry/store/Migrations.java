package org.microsmartgrid.city.registry.store;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** Brings a database to the schema this bundle needs (Flyway, scripts in db/migration of this bundle). */
public final class Migrations {

    private Migrations() {
    }

    /** @return how many migrations ran now */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate().migrationsExecuted;
    }
}
