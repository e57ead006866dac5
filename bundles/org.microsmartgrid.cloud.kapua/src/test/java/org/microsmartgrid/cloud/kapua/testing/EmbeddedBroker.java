package org.microsmartgrid.cloud.kapua.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.PermitAllAuthorizatorPolicy;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectionLostMessage;

/**
 * A real MQTT broker (Moquette) on a loopback port that stays the same across restarts. Like Kapua's broker it
 * requires a user and password; a client id can be kept out for a while (to order reconnections in tests).
 */
public final class EmbeddedBroker implements AutoCloseable {

    public static final String USER = "kapua-broker";
    public static final String PASSWORD = "test-only-" + Long.toHexString(System.nanoTime());

    private final int port;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    /** Guarded by itself: the client ids whose connection the broker has finished closing. */
    private final List<String> closed = new java.util.ArrayList<>();
    private Server server;
    private Properties tls;
    private int tlsPort;

    public EmbeddedBroker() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /**
     * Also listens with TLS on another loopback port, with the server key in a PKCS12 key store.
     *
     * @return the ssl:// URL
     */
    public synchronized String enableTls(java.nio.file.Path keyStore, String password) throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            tlsPort = s.getLocalPort();
        }
        tls = new Properties();
        tls.setProperty("ssl_provider", "JDK");
        tls.setProperty("ssl_port", Integer.toString(tlsPort));
        tls.setProperty("jks_path", keyStore.toAbsolutePath().toString());
        tls.setProperty("key_store_type", "pkcs12");
        tls.setProperty("key_store_password", password);
        tls.setProperty("key_manager_password", password);
        return "ssl://127.0.0.1:" + tlsPort;
    }

    public synchronized void start() throws IOException {
        Properties p = new Properties();
        if (tls != null) p.putAll(tls);
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("allow_anonymous", "false");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        // Moquette's default cap is 8,092 bytes a message; Kapua's broker (Artemis) takes far more, and a CONF-V1
        // answer with every component's form is tens of kB, as on a Kura gateway
        p.setProperty("netty.mqtt.message_size", Integer.toString(1 << 20));
        IAuthenticator auth = (clientId, user, password) -> !refused.contains(clientId) && USER.equals(user)
                && password != null && PASSWORD.equals(new String(password));
        server = new Server();
        server.startServer(new MemoryConfig(p), List.of(new ClosedConnections()), null, auth,
                new PermitAllAuthorizatorPolicy());
    }

    /** How many connections of this client id the broker has finished closing so far. */
    public int closedCount(String clientId) {
        synchronized (closed) {
            return (int) closed.stream().filter(clientId::equals).count();
        }
    }

    /**
     * Waits until the broker has finished closing one more connection of this client id than {@code before} (from
     * {@link #closedCount}). Moquette tells this after it handled the close (for a clean DISCONNECT too, once the
     * TCP connection is gone), so a last will it fired is already queued to the subscribers' sessions: a message
     * published after this reaches them behind the will.
     */
    public void awaitClosed(String clientId, int before, java.time.Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (closed) {
            while (closedCount(clientId) <= before) {
                long left = end - System.nanoTime();
                if (left <= 0)
                    throw new AssertionError("the broker did not close another connection of " + clientId
                            + " within " + timeout.toSeconds() + " s; closed: " + closed);
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(closed, left);
            }
        }
    }

    private final class ClosedConnections extends AbstractInterceptHandler {
        @Override
        public String getID() {
            return "test-closed-connections";
        }

        @Override
        public Class<?>[] getInterceptedMessageTypes() {
            return new Class<?>[] {InterceptConnectionLostMessage.class};
        }

        @Override
        public void onConnectionLost(InterceptConnectionLostMessage msg) {
            synchronized (closed) {
                closed.add(msg.getClientID());
                closed.notifyAll();
            }
        }

        @Override
        public void onSessionLoopError(Throwable error) {
            // a broker failure shows in the test that meets it
        }
    }

    public synchronized void stop() {
        if (server != null) server.stopServer();
        server = null;
    }

    /** Refuses (or admits again) connections of this client id. */
    public void refuse(String clientId, boolean refuse) {
        if (refuse) refused.add(clientId);
        else refused.remove(clientId);
    }

    @Override
    public void close() {
        stop();
    }
}
