package org.microsmartgrid.city.stats.store;

import javax.sql.DataSource;

import org.microsmartgrid.city.registry.store.LocalPostgres;
import org.microsmartgrid.city.registry.store.Migrations;

/** The same on PostgreSQL: the second level's SQL must give the same answers there. */
class SessionRollupOnPostgresPropertyTest extends SessionRollupPropertyTest {

    @Override
    DataSource database() {
        DataSource ds = LocalPostgres.shared().freshDatabase();
        Migrations.migrate(ds);
        return ds;
    }
}
