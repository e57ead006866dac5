package org.microsmartgrid.city.registry.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.h2.jdbcx.JdbcConnectionPool;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.LocationListener;
import org.microsmartgrid.city.registry.Registry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry on an embedded H2 database in the data directory, or on PostgreSQL ({@code jdbc.url}, shared by several
 * instances): migrates the schema (Flyway) at start and registers the {@link Registry} service. A change of the
 * database restarts the component.
 */
@Component(configurationPid = RegistryStoreConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = ConfigurableComponent.class)
@Designate(ocd = RegistryStoreConfig.class)
public final class RegistryStore implements ConfigurableComponent {

    /** Service property of the city database's {@code DataSource}: {@code (msg.database=city)}. */
    public static final String DATABASE_PROPERTY = "msg.database";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryStore.class);

    private final List<LocationListener> listeners = new CopyOnWriteArrayList<>();
    private JdbcConnectionPool pool;
    private RegistryChangeFeed feed;
    private ServiceRegistration<Registry> registration;
    private ServiceRegistration<javax.sql.DataSource> database;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(LocationListener l) {
        listeners.add(l);
    }

    void removeListener(LocationListener l) {
        listeners.remove(l);
    }

    @Activate
    void activate(BundleContext context, RegistryStoreConfig config) throws Exception {
        try {
            open(context, config);
        } catch (Exception | LinkageError e) {
            LOG.error("registry not started: {}", e.toString(), e); // SCR's own report goes to the OSGi log only
            if (feed != null) feed.close();
            if (pool != null) pool.dispose();
            throw e;
        }
    }

    private void open(BundleContext context, RegistryStoreConfig config) throws Exception {
        String data = context.getProperty("msg.data");
        pool = RegistryDatabase.open(config, data);
        // several instances on one PostgreSQL database may start together: Flyway locks the schema history table
        int ran = Migrations.migrate(pool);
        javax.sql.DataSource listening = RegistryDatabase.listening(config);
        JdbcRegistry registry;
        if (listening == null) {
            registry = new JdbcRegistry(pool, this::tell);
        } else { // PostgreSQL, maybe shared: the other instances' changes reach this one's listeners too
            JdbcRegistry[] self = new JdbcRegistry[1];
            feed = new RegistryChangeFeed(pool, listening, id -> self[0].location(id), () -> self[0].all(), this::tell);
            registry = new JdbcRegistry(pool, this::tell, feed::changed);
            self[0] = registry;
            feed.start();
        }
        LOG.info("registry at {} ({} migration(s) applied now, {} location(s))", RegistryDatabase.describe(config, data),
                ran, registry.count());
        registration = context.registerService(Registry.class, registry, null);
        // the same database for bundles that keep their own tables next to the registry's (city.stats, with its own
        // Flyway history): one H2 file can be opened by one pool only
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put(DATABASE_PROPERTY, "city");
        database = context.registerService(javax.sql.DataSource.class, pool, props);
    }

    private void tell(Location l) {
        for (LocationListener listener : listeners) {
            try {
                listener.changed(l);
            } catch (RuntimeException e) {
                LOG.warn("location listener failed on {}: {}", l.id(), e.toString());
            }
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (database != null) database.unregister();
        if (registration != null) registration.unregister();
        if (feed != null) feed.close();
        if (pool != null) {
            pool.dispose();
            LOG.info("registry database closed / database del registro chiuso");
        }
    }
}
