package org.microsmartgrid.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.microsmartgrid.console.InstallerAuthentication;
import org.microsmartgrid.testing.JettyServer;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A console plugin served as the Felix Web Console serves it — under its plugin root, for the installer the console's
 * login let in (none: a request that got past no login), with the frame around GET output left out — over a real
 * Jetty on loopback; and the requests the plugin tests send it.
 */
public final class PluginPage implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final JettyServer server;
    private final String root;
    private volatile String user;

    /**
     * @param root   the plugin's root, e.g. {@code /system/console/doors}
     * @param plugin the plugin as it is now (tests make a new one before each test)
     */
    public PluginPage(String root, Supplier<? extends HttpServlet> plugin) throws Exception {
        this.root = root;
        this.server = new JettyServer(new ConsoleStandIn(plugin), "/system/console/*");
    }

    /** The installer the console's login let in; null: nobody logged in. */
    public void logIn(String installer) {
        user = installer;
    }

    public HttpResponse<String> get() throws Exception {
        return get(root);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.uri(path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST to the plugin's root; {@code headers} as name, value pairs. */
    public HttpResponse<String> post(String form, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(root)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token a page's form carries. */
    public static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }

    public URI uri(String path) {
        return server.uri(path);
    }

    /** What a browser on this page sends as {@code Origin}. */
    public String origin() {
        return "http://" + server.hostHeader();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }

    @SuppressWarnings("serial")
    private final class ConsoleStandIn extends HttpServlet {
        private final Supplier<? extends HttpServlet> plugin;

        ConsoleStandIn(Supplier<? extends HttpServlet> plugin) {
            this.plugin = plugin;
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            String installer = user;
            if (installer != null) req.setAttribute(InstallerAuthentication.REMOTE_USER, installer);
            req.setAttribute("felix.webconsole.pluginRoot", root);
            if ("GET".equals(req.getMethod()) && !req.getRequestURI().endsWith(".json"))
                resp.setContentType("text/html; charset=utf-8");
            plugin.get().service(req, resp);
        }
    }
}
