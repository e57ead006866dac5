package org.microsmartgrid.simulator;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.simulator.server.SimulatedBuildingServer;
import org.microsmartgrid.simulator.server.SimulatorSettings;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulated building inside the module: runs only when its configuration exists (a developer's or a demo's
 * conf/ directory), serves the simulated meters over Modbus TCP, and closes the loop through the real relay bundle:
 * socket n's charger draws power only while a {@link Relay} with {@code socket() == n} reports its contact closed.
 */
@Component(name = SimulatedBuilding.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = ConfigurableComponent.class)
@Designate(ocd = SimulatedBuildingConfig.class)
public class SimulatedBuilding implements ConfigurableComponent {
    public static final String PID = "org.microsmartgrid.simulator.SimulatedBuilding";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedBuilding.class);

    private final List<Relay> relays = new CopyOnWriteArrayList<>();
    private final Set<String> relaysWarnedAbout = ConcurrentHashMap.newKeySet();
    private SimulatedBuildingServer server;
    private BundleContext context;

    @Reference(service = Relay.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRelay(Relay relay) {
        relays.add(relay);
    }

    void removeRelay(Relay relay) {
        relays.remove(relay);
    }

    @Activate
    void activate(SimulatedBuildingConfig config, BundleContext context) throws IOException {
        this.context = context;
        server = start(settings(config), config.stop_module_on_bind_failure());
    }

    @Modified
    synchronized void modified(SimulatedBuildingConfig config) throws IOException {
        SimulatorSettings changed = settings(config);
        if (server != null && !server.settings().needsRestartFor(changed)) {
            server.apply(changed);
            return;
        }
        if (server != null) server.close();
        server = null;
        server = start(changed, config.stop_module_on_bind_failure());
    }

    @Deactivate
    synchronized void deactivate() {
        if (server != null) server.close();
        server = null;
    }

    /** The running server, or null (for tests in this package). */
    synchronized SimulatedBuildingServer server() {
        return server;
    }

    /** Socket n's contact is closed iff a relay feeding socket n says so; a relay that cannot tell counts as open. */
    boolean contactClosed(int socket) {
        for (Relay relay : relays) {
            try {
                if (relay.socket() == socket && relay.state().closed()) return true;
            } catch (RuntimeException e) {
                String name = nameOf(relay);
                if (relaysWarnedAbout.add(name)) {
                    LOG.warn("{}: relay {} cannot tell its state, socket {} counts as open: {}", PID, name, socket, e.toString());
                }
            }
        }
        return false;
    }

    private static String nameOf(Relay relay) {
        try {
            return relay.id();
        } catch (RuntimeException e) {
            return String.valueOf(relay);
        }
    }

    private SimulatorSettings settings(SimulatedBuildingConfig config) {
        try {
            return ConfigSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: invalid configuration: {}", PID, e.getMessage());
            throw new IllegalArgumentException(PID + ": invalid configuration: " + e.getMessage(), e);
        }
    }

    private SimulatedBuildingServer start(SimulatorSettings settings, boolean stopModule) throws IOException {
        try {
            return SimulatedBuildingServer.start(settings, this::contactClosed);
        } catch (IOException e) {
            LOG.error("{}: cannot serve Modbus TCP (properties bind.host={}, port={}): {}", PID, settings.bindHost(), settings.port(), e.getMessage());
            if (stopModule) stopModule(settings);
            throw e;
        }
    }

    /**
     * A demo whose simulator cannot bind its port would otherwise read whatever answers there, typically another
     * demo's simulator, and look healthy. So (stop.module.on.bind.failure, set in the demo) the whole module stops,
     * loudly. Stopping the system bundle is asynchronous; it is asked from a thread of its own all the same, so that
     * this activation never waits on the framework it is part of.
     */
    private void stopModule(SimulatorSettings settings) {
        BundleContext ctx = context;
        LOG.error("{}: port {} is taken, probably by another demo's simulator; the module stops rather than read "
                + "another building's meters. Start this demo on other ports (run-demo.sh: MODBUS_PORT, COAP_PORT, "
                + "COAPS_PORT, PORT). / La porta {} è occupata, probabilmente dal simulatore di un'altra demo: il "
                + "modulo si ferma invece di leggere i contatori di un altro edificio.", PID, settings.port(), settings.port());
        if (ctx == null) return;
        Bundle system = ctx.getBundle(Constants.SYSTEM_BUNDLE_ID);
        Thread stopper = new Thread(() -> {
            try {
                system.stop();
            } catch (BundleException | RuntimeException e) {
                LOG.error("{}: could not stop the module: {}", PID, e.toString());
            }
        }, "msg-simulator-stop-module");
        stopper.start();
    }
}
