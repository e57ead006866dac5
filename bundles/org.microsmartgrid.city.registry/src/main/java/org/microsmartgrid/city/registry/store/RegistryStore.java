package org.microsmartgrid.city.registry.store;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * The registry on an embedded H2 database in the data directory: migrates the schema (Flyway) at start and registers
 * the {@link Registry} service. A change of the path restarts the component (a new database).
 */
@Component(configurationPid = RegistryStoreConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = ConfigurableComponent.class)
@Designate(ocd = RegistryStoreConfig.class)
public final class RegistryStore implements ConfigurableComponent {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryStore.class);

    private final List<LocationListener> listeners = new CopyOnWriteArrayList<>();
    private JdbcConnectionPool pool;
    private ServiceRegistration<Registry> registration;

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
            if (pool != null) pool.dispose();
            throw e;
        }
    }

    private void open(BundleContext context, RegistryStoreConfig config) throws Exception {
        String data = context.getProperty("msg.data");
        String path = config.database_path().replace("${msg.data}", data == null ? "data" : data);
        Path file = Path.of(path).toAbsolutePath();
        Files.createDirectories(file.getParent());
        pool = JdbcConnectionPool.create("jdbc:h2:file:" + file, "", "");
        pool.setMaxConnections(8);
        int ran = Migrations.migrate(pool);
        JdbcRegistry registry = new JdbcRegistry(pool, this::tell);
        LOG.info("registry at {} ({} migration(s) applied now, {} location(s))", file, ran, registry.count());
        registration = context.registerService(Registry.class, registry, null);
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
    void deactivate() {
        if (registration != null) registration.unregister();
        if (pool != null) {
            pool.dispose();
            LOG.info("registry database closed / database del registro chiuso");
        }
    }
}
