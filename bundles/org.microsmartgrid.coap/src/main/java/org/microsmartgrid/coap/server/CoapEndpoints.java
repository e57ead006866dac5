package org.microsmartgrid.coap.server;

import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.microsmartgrid.coap.config.PskEntry;
import org.microsmartgrid.coap.config.Settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The running CoAP server: a plain CoAP endpoint (read-only) and, when keys are configured, a CoAPS endpoint (DTLS
 * with pre-shared keys, Scandium), both on the same resources, behind a per-client rate limit.
 */
public final class CoapEndpoints implements AutoCloseable {

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private static final Logger LOG = LoggerFactory.getLogger(CoapEndpoints.class);
    /** The full observe check's period when nothing pokes it (renewals before Max-Age, the socket list). */
    public static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    /** How long closing waits for observers to acknowledge their final notification. */
    private static final Duration FINAL_NOTIFICATION_WAIT = Duration.ofSeconds(2);

    private final CoapServer server;
    private final ResourceTree tree;
    private final ChangeNotifier notifier;
    private final CoapEndpoint plain;
    private final CoapEndpoint secure;

    private CoapEndpoints(CoapServer server, ResourceTree tree, ChangeNotifier notifier, CoapEndpoint plain,
                          CoapEndpoint secure) {
        this.server = server;
        this.tree = tree;
        this.notifier = notifier;
        this.plain = plain;
        this.secure = secure;
    }

    /**
     * Binds and starts.
     *
     * @param context its {@code stateChanged} is replaced by this server's own notifier
     * @throws IllegalStateException a port cannot be bound
     */
    public static CoapEndpoints start(CoapContext context) {
        return start(context, CHECK_EVERY);
    }

    /**
     * As {@link #start(CoapContext)}, with another period of the full check (tests turn it off with a long one, to
     * see what the events alone notify).
     */
    public static CoapEndpoints start(CoapContext context, Duration checkEvery) {
        Settings s = context.settings();
        Configuration config = configuration();
        CoapServer server = new CoapServer(config);
        ChangeNotifier[] notifier = new ChangeNotifier[1];
        CoapContext ctx = new CoapContext(context.sources(), s, context.clock(), () -> notifier[0].poke());
        ResourceTree tree = new ResourceTree(server, ctx);
        notifier[0] = new ChangeNotifier(tree, context.clock(), checkEvery);
        server.setMessageDeliverer(new RateLimitingDeliverer(server.getRoot(), config,
                new TokenBuckets(s.ratePerSecond(), s.burst(), System::nanoTime)));
        CoapEndpoint plain = CoapEndpoint.builder().setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress(s.bindAddress(), s.coapPort())).build();
        server.addEndpoint(plain);
        CoapEndpoint secure = null;
        if (!s.psk().isEmpty()) {
            secure = CoapEndpoint.builder().setConfiguration(config).setConnector(dtls(s, config)).build();
            server.addEndpoint(secure);
        }
        try {
            server.start();
        } catch (RuntimeException e) {
            server.destroy();
            throw new IllegalStateException("cannot open CoAP on " + s.bindAddress().getHostAddress() + " ports "
                    + s.coapPort() + "/" + s.coapsPort() + ": " + e.getMessage(), e);
        }
        notifier[0].start();
        return new CoapEndpoints(server, tree, notifier[0], plain, secure);
    }

    private static Configuration configuration() {
        Configuration config = Configuration.createStandardWithoutFile();
        // a small module with 2 cores: few threads, so a flood of CoAP cannot take the CPU from the control loop
        config.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
        config.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
        config.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        config.set(CoapConfig.MAX_ACTIVE_PEERS, 1000);
        return config;
    }

    private static DTLSConnector dtls(Settings s, Configuration config) {
        AdvancedMultiPskStore keys = new AdvancedMultiPskStore();
        for (PskEntry e : s.psk().values()) keys.setKey(e.identity(), e.key());
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(s.bindAddress(), s.coapsPort()))
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY)
                .setAdvancedPskStore(keys)
                .build();
        return new DTLSConnector(dtls);
    }

    /** Tells the observers' checks that the state may have changed (returns at once). */
    public void poke() {
        notifier.poke();
    }

    /** An alarm or a door event: the building resources are checked at once, alone (returns at once). */
    public void buildingChanged() {
        notifier.pokeBuilding();
    }

    public InetSocketAddress plainAddress() {
        return plain.getAddress();
    }

    /** The CoAPS address, or null when no key is configured. */
    public InetSocketAddress secureAddress() {
        Endpoint e = secure;
        return e == null ? null : e.getAddress();
    }

    /**
     * Tells every observer that its observation ends (a final 5.03, waiting up to 2 s for the acknowledgements), then
     * closes the ports. A BMS then registers again at once, on the new configuration, instead of after Max-Age.
     */
    @Override
    public void close() {
        notifier.close();
        try {
            if (!tree.endObservations(FINAL_NOTIFICATION_WAIT))
                LOG.info("CoAP closing: not every observer acknowledged its final notification within {} s",
                        FINAL_NOTIFICATION_WAIT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.destroy();
        }
    }
}
