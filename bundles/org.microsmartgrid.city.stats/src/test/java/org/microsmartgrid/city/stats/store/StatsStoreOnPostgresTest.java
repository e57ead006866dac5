package org.microsmartgrid.city.stats.store;

import javax.sql.DataSource;

import org.microsmartgrid.city.registry.store.LocalPostgres;
import org.microsmartgrid.city.registry.store.Migrations;

/** The same on PostgreSQL (Debian's server, .ci/run installs it): the SQL must run on both. */
class StatsStoreOnPostgresTest extends StatsStoreTest {

    @Override
    DataSource database() {
        DataSource ds = LocalPostgres.shared().freshDatabase();
        Migrations.migrate(ds);
        return ds;
    }
}
