package org.microsmartgrid.console.auth;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfGuardTest {
    final CsrfGuard guard = new CsrfGuard(new SecureRandom());

    boolean allowed(String token, String host, String origin, String referer) {
        return guard.refusal("anna", token, host, origin, referer).isEmpty();
    }

    @Test
    void sameOriginBrowserPostsAreAllowed() {
        assertTrue(allowed(null, "192.168.1.20:8080", "http://192.168.1.20:8080", null));
        assertTrue(allowed(null, "modulo.local:8080", null, "http://modulo.local:8080/system/console/relays"));
        assertTrue(allowed(null, "MODULO.local:8080", "http://modulo.local:8080", null));
        assertTrue(allowed(null, "[::1]:8080", "http://[::1]:8080", null));
        assertTrue(allowed(null, "modulo.example.org", "https://modulo.example.org", null), "behind a TLS proxy");
    }

    @Test
    void crossSitePostsAreRefused() {
        assertFalse(allowed(null, "192.168.1.20:8080", "http://evil.example", null));
        assertFalse(allowed(null, "192.168.1.20:8080", "null", null), "sandboxed or privacy-stripped origin");
        assertFalse(allowed(null, "192.168.1.20:8080", "http://192.168.1.20:8081", null), "another port is another origin");
        assertFalse(allowed(null, "192.168.1.20:8080", null, "http://evil.example/page"));
        assertTrue(guard.refusal("anna", null, "192.168.1.20:8080", "http://evil.example", null).orElseThrow()
                .contains("evil.example"));
    }

    @Test
    void thePagesTokenIsEnoughEvenWhenAProxyRewroteTheHost() {
        String token = guard.tokenFor("anna");

        assertTrue(allowed(token, "127.0.0.1:8080", "https://modulo.example.org", null));
        assertFalse(allowed(guard.tokenFor("marco"), "127.0.0.1:8080", "https://modulo.example.org", null),
                "a token is the installer's own");
        assertNotEquals(token, new CsrfGuard(new SecureRandom()).tokenFor("anna"), "a token is this run's own");
        assertEquals(token, guard.tokenFor("anna"));
    }

    @Test
    void clientsThatAreNotBrowsersSendNeitherHeaderAndAreAllowed() {
        assertTrue(allowed(null, "localhost:8080", null, null));
    }
}
