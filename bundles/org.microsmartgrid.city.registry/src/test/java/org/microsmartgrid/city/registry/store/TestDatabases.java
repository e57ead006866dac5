package org.microsmartgrid.city.registry.store;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh, migrated H2 database in memory per test (LocalPostgres gives PostgreSQL ones).
 */
public final class TestDatabases {

    private static final AtomicInteger N = new AtomicInteger();

    private TestDatabases() {
    }

    public static DataSource fresh() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:registry" + N.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(ds);
        return ds;
    }
}
