package org.microsmartgrid.console.auth;

import org.microsmartgrid.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.console.auth.Authenticator.Decision;

/**
 * Issue 21 item 7: a wrong-password loop from the installer's own address (NAT, the documented SSH tunnel: every
 * request from 127.0.0.1) must not lock the installer out. Throttling slows the script down per account and
 * address; the installer's known browser (device cookie) is counted apart.
 */
class OwnerNotLockedOutTest {
    static final String TUNNEL = "127.0.0.1";
    static final String OWNER = "anna";
    static final String PASSWORD = "Contatore-2025";
    static AuthSettings settings;

    @BeforeAll
    static void accounts() {
        settings = AuthSettings.validate(new String[] {OWNER + ":" + PasswordHash.create(PASSWORD.toCharArray(),
                PasswordHash.MIN_ITERATIONS, new SecureRandom()).format()}, 5, 60, 900, 600);
    }

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    final Authenticator auth = new Authenticator(settings, clock, new SecureRandom());

    @Test
    void aScriptGuessingOtherNamesFromTheSameAddressDoesNotSlowTheInstallerDown() {
        for (int i = 0; i < 300; i++) auth.authenticate(TUNNEL, basic("admin", "guess-" + i));
        assertInstanceOf(Decision.LockedOut.class, auth.authenticate(TUNNEL, basic("admin", "admin")),
                "the script is slowed down");

        assertEquals(new Decision.Granted(OWNER), auth.authenticate(TUNNEL, basic(OWNER, PASSWORD)));
    }

    @Test
    void aScriptGuessingTheInstallersOwnNameDoesNotSlowTheInstallersKnownBrowserDown() {
        String cookie = loginOnce();
        for (int i = 0; i < 300; i++) auth.authenticate(TUNNEL, basic(OWNER, "guess-" + i));
        assertInstanceOf(Decision.LockedOut.class, auth.authenticate(TUNNEL, basic(OWNER, "guess")),
                "the script, without the installer's cookie, waits");

        assertEquals(new Decision.Granted(OWNER), auth.authenticate(TUNNEL, basic(OWNER, PASSWORD), cookie));
    }

    @Test
    void theScriptIsSlowedDownNotTheAccountLockedForever() {
        for (int i = 0; i < 300; i++) auth.authenticate(TUNNEL, basic(OWNER, "guess-" + i));
        Decision waiting = auth.authenticate(TUNNEL, basic(OWNER, PASSWORD));
        Duration wait = ((Decision.LockedOut) waiting).retryAfter();
        assertTrue(wait.compareTo(Duration.ofSeconds(900)) <= 0, "at most the longest wait: " + wait);

        clock.advance(wait);
        assertEquals(new Decision.Granted(OWNER), auth.authenticate(TUNNEL, basic(OWNER, PASSWORD)),
                "after the wait the installer gets in even from a new browser");
    }

    @Test
    void aForgedOrStolenForAnotherNameCookieIsNoShortcut() {
        String cookie = loginOnce();
        String forged = cookie.substring(0, cookie.length() - 2) + (cookie.endsWith("A") ? "BB" : "AA");
        for (int i = 0; i < 5; i++) auth.authenticate(TUNNEL, basic(OWNER, "guess-" + i), forged);
        assertInstanceOf(Decision.LockedOut.class, auth.authenticate(TUNNEL, basic(OWNER, "guess"), forged),
                "a forged cookie is no cookie: the script waits like any other");
        assertInstanceOf(Decision.LockedOut.class, auth.authenticate(TUNNEL, basic(OWNER, "guess")));
    }

    @Test
    void aKnownBrowserGuessingIsSlowedDownToo() {
        String cookie = loginOnce();
        for (int i = 0; i < 4; i++) auth.authenticate(TUNNEL, basic(OWNER, "guess-" + i), cookie);
        assertInstanceOf(Decision.LockedOut.class, auth.authenticate(TUNNEL, basic(OWNER, "guess-4"), cookie));
    }

    @Test
    void aBrowserGetsItsCookieOnceAndItExpires() {
        String cookie = loginOnce();
        assertTrue(auth.deviceCookieFor(OWNER, cookie).isEmpty(), "a browser that has one is not given another");
        assertTrue(auth.deviceCookieFor("marco", cookie).isPresent(), "the cookie names its installer");
        clock.advance(DeviceCookies.VALIDITY);
        assertTrue(auth.deviceCookieFor(OWNER, cookie).isPresent(), "expired: a new one");
    }

    /** Whatever a script does from the same address without the installer's cookie, the installer gets in. */
    @Property(tries = 25) // each try runs up to eleven PBKDF2 checks (about 0.2 s each)
    void theInstallersKnownBrowserIsNeverLockedOut(@ForAll("attacks") List<String> attempts) {
        Authenticator fresh = new Authenticator(settings, clock, new SecureRandom());
        String cookie = fresh.deviceCookieFor(OWNER, null).orElseThrow();
        for (String header : attempts) {
            fresh.authenticate(TUNNEL, header);
            clock.advance(Duration.ofMillis(10));
        }
        assertEquals(new Decision.Granted(OWNER), fresh.authenticate(TUNNEL, basic(OWNER, PASSWORD), cookie));
    }

    @Provide
    Arbitrary<List<String>> attacks() {
        Arbitrary<String> names = Arbitraries.of(OWNER, "admin", "root", "installer", "ANNA", "anna ");
        Arbitrary<String> passwords = Arbitraries.strings().ofMinLength(0).ofMaxLength(20);
        Arbitrary<String> wrongLogin = names.flatMap(n -> passwords.filter(p -> !p.equals(PASSWORD))
                .map(p -> basic(n, p)));
        Arbitrary<String> garbage = Arbitraries.of("Basic %%%", "Bearer x", "Basic ", "Basic YWRtaW4=");
        return Arbitraries.oneOf(wrongLogin, garbage).list().ofMaxSize(60);
    }

    private String loginOnce() {
        assertEquals(new Decision.Granted(OWNER), auth.authenticate(TUNNEL, basic(OWNER, PASSWORD)));
        return auth.deviceCookieFor(OWNER, null).orElseThrow();
    }

    static String basic(String user, String password) {
        return BasicCredentialsTest.basic(user + ":" + password);
    }
}
