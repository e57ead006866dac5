package org.microsmartgrid.city.registry.store;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh, migrated database per test. Today H2 in memory; the same suite will run on PostgreSQL when the
 * multi-instance mode lands (a -D switch chooses the database there).
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
