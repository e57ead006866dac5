package org.microsmartgrid.city.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.city.ingest.InboundMessages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;

/**
 * The embedded MQTT broker (Moquette). Credentials change live; a change of address, ports or TLS restarts the
 * listeners (modules reconnect by themselves).
 */
@Component(configurationPid = CityBrokerConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {ConfigurableComponent.class, ModuleChannel.class})
@Designate(ocd = CityBrokerConfig.class)
public final class CityBroker implements ConfigurableComponent, ModuleChannel {

    private static final Logger LOG = LoggerFactory.getLogger(CityBroker.class);

    @Reference
    private InboundMessages ingest;

    private volatile ModuleCredentials credentials = ModuleCredentials.parse(new String[0], new ArrayList<>());
    private volatile Server server;
    /** The city's requests to the modules and their replies (docs/cloud-management.md, CITY-V1). */
    private final EmbeddedModuleChannel channel = new EmbeddedModuleChannel(() -> server);
    private Properties listening;

    @Activate
    void activate(CityBrokerConfig c) throws IOException {
        credentials = readCredentials(c);
        try {
            start(c);
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.error("MQTT broker not started: {}", e.toString(), e); // SCR's own report goes to the OSGi log only
            throw e;
        }
    }

    @Modified
    void modified(CityBrokerConfig c) throws IOException {
        credentials = readCredentials(c);
        if (!Objects.equals(listeners(c), listening)) {
            LOG.info("broker listeners changed: restarting them");
            stop();
            start(c);
        }
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    private static ModuleCredentials readCredentials(CityBrokerConfig c) {
        List<String> errors = new ArrayList<>();
        ModuleCredentials parsed = ModuleCredentials.parse(c.modules(), errors);
        errors.forEach(e -> LOG.error("module credential refused: {}", e));
        LOG.info("{} module credential(s) in force", parsed.size());
        return parsed;
    }

    /** The Moquette settings that need a restart to change. */
    static Properties listeners(CityBrokerConfig c) {
        Properties p = new Properties();
        p.setProperty("host", c.host());
        p.setProperty("port", c.port() == 0 ? "disabled" : Integer.toString(c.port()));
        if (c.tls_port() != 0) {
            if (c.tls_keystore_path().isBlank() || !Files.isReadable(Path.of(c.tls_keystore_path())))
                throw new IllegalArgumentException("tls.port is set but the key store is missing: " + c.tls_keystore_path());
            p.setProperty("ssl_provider", "JDK");
            p.setProperty("ssl_port", Integer.toString(c.tls_port()));
            p.setProperty("jks_path", Path.of(c.tls_keystore_path()).toAbsolutePath().toString());
            p.setProperty("key_store_type", "pkcs12");
            p.setProperty("key_store_password", c.tls_keystore_password());
            p.setProperty("key_manager_password", c.tls_keystore_password());
        }
        p.setProperty("netty.mqtt.message_size", Integer.toString(c.max_message_bytes()));
        return p;
    }

    private void start(CityBrokerConfig c) throws IOException {
        Properties p = listeners(c);
        listening = (Properties) p.clone();
        secure(p);
        server = startServer(p, ingest, () -> credentials, channel.listeners());
        LOG.info("MQTT broker listening on {} port {}{}", c.host(), p.getProperty("port"),
                c.tls_port() != 0 ? ", TLS port " + c.tls_port() : "");
    }

    /** What is not configurable: no anonymous access, no usage reports, no broker-side persistence. */
    static void secure(Properties p) {
        p.setProperty("allow_anonymous", "false");
        p.setProperty("allow_zero_byte_client_id", "false");
        p.setProperty("persistence_enabled", "false"); // modules keep their own outbox; QoS 1 redelivers on reconnect
        p.setProperty("telemetry_enabled", "false"); // Moquette would report usage to its authors otherwise
        p.setProperty("intercept.thread_pool.size", "1"); // the interceptor only copies and queues
    }

    /** Starts Moquette with our access rules and the ingest as its only interceptor (tests). */
    static Server startServer(Properties p, InboundMessages ingest, Supplier<ModuleCredentials> credentials)
            throws IOException {
        return startServer(p, ingest, credentials, List.of());
    }

    /** The same, plus the listeners of the modules' control namespace (their replies to the city's requests). */
    static Server startServer(Properties p, InboundMessages ingest, Supplier<ModuleCredentials> credentials,
                              List<java.util.function.BiConsumer<String, byte[]>> control) throws IOException {
        ModuleAccess access = new ModuleAccess(credentials);
        Server s = new Server();
        s.startServer(new MemoryConfig(p), List.of(new ToIngest(ingest, credentials, Clock.systemUTC()),
                new ToControlListeners(control)), null, access, access);
        return s;
    }

    @Override
    public boolean connected(String clientId) {
        return channel.connected(clientId);
    }

    @Override
    public boolean publish(String topic, byte[] payload) {
        return channel.publish(topic, payload);
    }

    @Override
    public AutoCloseable listen(java.util.function.BiConsumer<String, byte[]> control) {
        return channel.listen(control);
    }

    private void stop() {
        if (server != null) {
            server.stopServer();
            LOG.info("MQTT broker stopped / broker MQTT fermato");
        }
        server = null;
    }
}
