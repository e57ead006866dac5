package org.microsmartgrid.city.registry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.ModuleBirth;
import org.microsmartgrid.city.registry.SocketUpdate;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two instances on one PostgreSQL database: what one stores reaches the other's listeners (its search index), not
 * only its own.
 */
class RegistryChangeFeedTest {

    @Test
    void whatOneInstanceStoresReachesTheOthersListeners() throws Exception {
        LocalPostgres pg = LocalPostgres.shared();
        String db = pg.createDatabase();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(pg.url(db));
        ds.setUser(LocalPostgres.USER);
        Migrations.migrate(ds);

        BlockingQueue<Location> heardByA = new LinkedBlockingQueue<>();
        BlockingQueue<Location> heardByB = new LinkedBlockingQueue<>();
        try (Instance a = new Instance(ds, heardByA); Instance b = new Instance(ds, heardByB)) {
            a.registry.moduleBirth(new ModuleBirth("milano", "m1", "Biblioteca Sormani", "SN-1", "0.1.0", 45.46, 9.19, 2,
                    1000));
            Location born = heardByB.poll(20, TimeUnit.SECONDS);
            assertEquals("Biblioteca Sormani", born == null ? null : born.name(), "B heard of A's BIRTH");

            b.registry.socketStatus(new SocketUpdate("milano", "m1", 1, EvseStatus.CHARGING, 120.0, 2000));
            Location charging;
            do {
                charging = heardByA.poll(20, TimeUnit.SECONDS);
            } while (charging != null && charging.evses().get(0).status() != EvseStatus.CHARGING);
            assertEquals(EvseStatus.CHARGING, charging == null ? null : charging.evses().get(0).status(),
                    "A heard of B's status change");
        }
    }

    /** One city runtime instance's registry: its own listener and its change feed. */
    private static final class Instance implements AutoCloseable {
        final JdbcRegistry registry;
        final RegistryChangeFeed feed;

        Instance(DataSource ds, BlockingQueue<Location> heard) throws InterruptedException {
            JdbcRegistry[] self = new JdbcRegistry[1];
            feed = new RegistryChangeFeed(ds, ds, id -> self[0].location(id), () -> self[0].all(), heard::add);
            registry = new JdbcRegistry(ds, heard::add, feed::changed);
            self[0] = registry;
            feed.start();
        }

        @Override
        public void close() throws InterruptedException {
            feed.close();
        }
    }
}
