package org.microsmartgrid.city.api;

import java.lang.annotation.Annotation;
import java.net.URI;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.registry.store.JdbcRegistry;
import org.microsmartgrid.city.registry.store.TestDatabases;

/**
 * The public API as the runtime serves it: the three servlets on the Jetty 11 inside Felix HTTP (127.0.0.1, free
 * port), a real registry on a fresh H2 database telling a {@link LiveRegistry} of every change, as in OSGi.
 */
final class ApiServer implements AutoCloseable {

    final Registry registry;
    final LiveRegistry live = new LiveRegistry();
    /** What the statistics would be told of each search (SearchObserver). */
    final java.util.List<double[]> searched = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    ApiServer() throws Exception {
        this(config(10_000, 200, 1_000));
    }

    /** A server whose registry already holds what {@code before} wrote: the index is rebuilt from the database. */
    ApiServer(LiveRegistryConfig config) throws Exception {
        this(config, r -> { });
    }

    ApiServer(LiveRegistryConfig config, java.util.function.Consumer<Registry> before) throws Exception {
        // as in OSGi: the listener is registered once the feed runs, then the index is loaded from the database
        java.util.concurrent.atomic.AtomicBoolean listening = new java.util.concurrent.atomic.AtomicBoolean();
        registry = new JdbcRegistry(TestDatabases.fresh(), l -> {
            if (listening.get()) live.changed(l);
        });
        before.accept(registry);
        live.bindRegistry(registry);
        live.start(config);
        listening.set(true);
        live.load();
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new RegistryApiServlet(registry)), "/api/v1/*");
        context.addServlet(new ServletHolder(new SearchServlet(live, java.util.List.of(
                (lat, lon, nearestFree, at) -> searched.add(new double[] {lat, lon, nearestFree})))), "/api/v1/search");
        context.addServlet(new ServletHolder(new SearchServlet(live)), "/api/v1/clusters");
        ServletHolder events = new ServletHolder(new EventsServlet(live));
        events.setAsyncSupported(true); // what @HttpWhiteboardServletAsyncSupported asks of Felix HTTP
        context.addServlet(events, "/api/v1/events");
        server.setHandler(context);
        server.start();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + pathAndQuery);
    }

    @Override
    public void close() throws Exception {
        live.deactivate();
        server.stop();
    }

    static LiveRegistryConfig config(int replayBuffer, int clientsMax, int clientQueue) {
        return new LiveRegistryConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return LiveRegistryConfig.class;
            }

            @Override
            public int replay_buffer() {
                return replayBuffer;
            }

            @Override
            public int sse_clients_max() {
                return clientsMax;
            }

            @Override
            public int sse_client_queue() {
                return clientQueue;
            }

            @Override
            public int sse_heartbeat_s() {
                return 15;
            }
        };
    }
}
