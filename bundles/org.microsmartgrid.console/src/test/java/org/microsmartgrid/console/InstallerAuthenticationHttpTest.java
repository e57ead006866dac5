package org.microsmartgrid.console;

import org.microsmartgrid.testing.JettyServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.console.auth.PasswordHash;
import org.microsmartgrid.testing.ComponentConfigs;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security provider as the Web Console uses it (authenticate, then serve only when it returned a user),
 * over real HTTP with Jetty 11.
 */
class InstallerAuthenticationHttpTest {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static JettyServer server;
    static String hash;
    /** A fresh activation per test, so that failures of one test do not lock the next one out (loopback is one address). */
    static volatile InstallerAuthentication provider;

    /** What OsgiManagerHttpContext.handleSecurity does with the provider. */
    @SuppressWarnings("serial")
    static final class ConsoleStandIn extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Object user = provider.authenticate(req, resp);
            if (user == null) return;
            resp.setContentType("text/plain; charset=utf-8");
            resp.getWriter().print("console for " + req.getAttribute(InstallerAuthentication.REMOTE_USER)
                    + " authorized=" + provider.authorize(user, "admin"));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        hash = PasswordHash.create("Contatore-2025".toCharArray(), PasswordHash.MIN_ITERATIONS, new SecureRandom()).format();
        server = new JettyServer(new ConsoleStandIn(), "/system/console/*");
    }

    @BeforeEach
    void activate() {
        InstallerAuthentication fresh = new InstallerAuthentication();
        fresh.activate(ComponentConfigs.of(InstallerAuthenticationConfig.class,
                "users", new String[] {"installer:" + hash}, "failuresBeforeLockout", 3));
        provider = fresh;
    }

    @AfterEach
    void deactivate() {
        provider.deactivate();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static HttpResponse<String> get(String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri("/system/console/bundles")).timeout(Duration.ofSeconds(30));
        if (authorization != null) b.header("Authorization", authorization);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutCredentialsTheBrowserIsAskedForThemInTheProjectsRealm() throws Exception {
        HttpResponse<String> r = get(null);

        assertEquals(401, r.statusCode());
        assertEquals("Basic realm=\"Micro Smart Grid\"", r.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertFalse(r.body().contains("console for"));
    }

    @Test
    void theInstallerGetsInAndTheDefaultAdminDoesNot() throws Exception {
        HttpResponse<String> ok = get(basic("installer", "Contatore-2025"));
        assertEquals(200, ok.statusCode());
        assertEquals("console for installer authorized=true", ok.body());

        HttpResponse<String> admin = get(basic("admin", "admin"));
        assertEquals(401, admin.statusCode());
        assertTrue(admin.headers().firstValue("WWW-Authenticate").isPresent());
    }

    @Test
    void repeatedFailuresAreAnsweredWith429AndRetryAfter() throws Exception {
        assertEquals(401, get(basic("installer", "wrong-1")).statusCode());
        assertEquals(401, get(basic("installer", "wrong-2")).statusCode());
        HttpResponse<String> locked = get(basic("installer", "wrong-3"));

        assertEquals(429, locked.statusCode());
        assertEquals("60", locked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(locked.body().contains("Too many failed logins"));
        assertEquals(429, get(basic("installer", "Contatore-2025")).statusCode(), "locked out even for the right password");
    }

    @Test
    void activationWithoutUsersOrWithABadHashFailsNamingThePidAndProperty() {
        InstallerAuthentication fresh = new InstallerAuthentication();

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> fresh.activate(ComponentConfigs.of(InstallerAuthenticationConfig.class)));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> fresh.activate(ComponentConfigs.of(InstallerAuthenticationConfig.class,
                        "users", new String[] {"installer:Contatore-2025"})));

        assertTrue(none.getMessage().startsWith("pid org.microsmartgrid.console.InstallerAuthentication: no installer account in 'users'"),
                none.getMessage());
        assertTrue(bad.getMessage().contains("users[0] (user 'installer')"), bad.getMessage());
        assertFalse(bad.getMessage().contains("Contatore"));
        assertEquals(null, fresh.authenticate(null, null), "an inactive provider lets nobody in");
    }
}
