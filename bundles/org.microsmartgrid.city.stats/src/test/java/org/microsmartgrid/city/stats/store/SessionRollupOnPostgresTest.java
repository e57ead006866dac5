package org.microsmartgrid.city.stats.store;

import javax.sql.DataSource;

import org.microsmartgrid.city.registry.store.LocalPostgres;
import org.microsmartgrid.city.registry.store.Migrations;

/** The same on PostgreSQL. */
class SessionRollupOnPostgresTest extends SessionRollupTest {

    @Override
    DataSource database() {
        DataSource ds = LocalPostgres.shared().freshDatabase();
        Migrations.migrate(ds);
        return ds;
    }
}
