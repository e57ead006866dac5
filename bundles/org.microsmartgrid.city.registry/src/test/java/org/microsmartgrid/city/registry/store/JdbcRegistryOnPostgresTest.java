package org.microsmartgrid.city.registry.store;

import java.util.List;

import javax.sql.DataSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Every repository test of {@link JdbcRegistryTest}, on PostgreSQL (Debian's server, started once per test run). */
class JdbcRegistryOnPostgresTest extends JdbcRegistryTest {

    @Override
    DataSource database() {
        DataSource ds = LocalPostgres.shared().freshDatabase();
        Migrations.migrate(ds);
        return ds;
    }

    /** The same property with fewer tries: each migrates a new schema (the H2 run covers the 30). */
    @Override
    @Property(tries = 10)
    void theStoredStatusIsTheNewestWhateverTheArrivalOrder(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 1_000_000) Integer> times,
            @ForAll long seed) {
        super.theStoredStatusIsTheNewestWhateverTheArrivalOrder(times, seed);
    }
}
