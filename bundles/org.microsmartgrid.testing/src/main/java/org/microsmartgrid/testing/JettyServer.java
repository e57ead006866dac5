package org.microsmartgrid.testing;

import java.net.URI;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

import jakarta.servlet.Servlet;

/** The Jetty 11 inside Felix HTTP, on a free loopback port, serving one servlet at one path spec. */
public final class JettyServer implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    public JettyServer(Servlet servlet, String pathSpec) throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(servlet), pathSpec);
        server.setHandler(context);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String base() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    public URI uri(String path) {
        return URI.create(base() + path);
    }

    /** What a browser sends as {@code Host} to this server (origin checks compare with it). */
    public String hostHeader() {
        return "127.0.0.1:" + connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
