package org.microsmartgrid.console.auth;

import org.microsmartgrid.testing.ManualClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.console.auth.Authenticator.Decision;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuthenticatorTest {
    static final String ADDR = "192.0.2.10";
    static AuthSettings settings;

    @BeforeAll
    static void accounts() {
        SecureRandom random = new SecureRandom();
        settings = AuthSettings.validate(new String[] {
                "anna:" + PasswordHash.create("Contatore-2025".toCharArray(), PasswordHash.MIN_ITERATIONS, random).format(),
                "marco:" + PasswordHash.create("Quadro-Elettrico".toCharArray(), PasswordHash.MIN_ITERATIONS, random).format()},
                5, 60, 900, 600);
    }

    final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
    final Authenticator auth = new Authenticator(settings, clock, new SecureRandom());

    static String basic(String user, String password) {
        return BasicCredentialsTest.basic(user + ":" + password);
    }

    @Test
    void eachInstallerGetsInWithTheirOwnPassword() {
        assertEquals(new Decision.Granted("anna"), auth.authenticate(ADDR, basic("anna", "Contatore-2025")));
        assertEquals(new Decision.Granted("marco"), auth.authenticate(ADDR, basic("marco", "Quadro-Elettrico")));
        assertEquals(new Decision.Challenge(true), auth.authenticate(ADDR, basic("marco", "Contatore-2025")));
    }

    @Test
    void noCredentialsIsAChallengeThatDoesNotCountAsAFailure() {
        for (int i = 0; i < 10; i++) assertEquals(new Decision.Challenge(false), auth.authenticate(ADDR, null));

        assertEquals(new Decision.Granted("anna"), auth.authenticate(ADDR, basic("anna", "Contatore-2025")));
    }

    @Test
    void fiveWrongLoginsLockTheAddressOutEvenForTheRightPasswordUntilTheLockOutEnds() {
        for (int i = 0; i < 4; i++) assertEquals(new Decision.Challenge(true), auth.authenticate(ADDR, basic("anna", "wrong-" + i)));
        assertEquals(new Decision.LockedOut(Duration.ofSeconds(60)), auth.authenticate(ADDR, basic("anna", "wrong-4")));

        clock.advance(Duration.ofSeconds(30));
        assertEquals(new Decision.LockedOut(Duration.ofSeconds(30)), auth.authenticate(ADDR, basic("anna", "Contatore-2025")));
        assertEquals(new Decision.Granted("anna"), auth.authenticate("192.0.2.99", basic("anna", "Contatore-2025")),
                "another address is not locked out");

        clock.advance(Duration.ofSeconds(30));
        assertEquals(new Decision.Granted("anna"), auth.authenticate(ADDR, basic("anna", "Contatore-2025")));
    }

    @Test
    void unknownUsersAndGarbledHeadersCountAsFailures() {
        for (int i = 0; i < 2; i++) assertEquals(new Decision.Challenge(true), auth.authenticate(ADDR, basic("admin", "admin")));
        for (int i = 0; i < 2; i++) assertEquals(new Decision.Challenge(true), auth.authenticate(ADDR, "Basic %%%"));

        assertEquals(new Decision.LockedOut(Duration.ofSeconds(60)), auth.authenticate(ADDR, basic("root", "root")));
    }

    @Test
    void aRememberedPasswordStillOnlyAcceptsThatPassword() {
        assertEquals(new Decision.Granted("anna"), auth.authenticate(ADDR, basic("anna", "Contatore-2025")));

        assertEquals(new Decision.Granted("anna"), auth.authenticate(ADDR, basic("anna", "Contatore-2025")));
        assertEquals(new Decision.Challenge(true), auth.authenticate(ADDR, basic("anna", "Contatore-2026")));
        clock.advance(Duration.ofMinutes(11)); // past the memory of the verified password: checked by PBKDF2 again
        assertEquals(new Decision.Granted("anna"), auth.authenticate(ADDR, basic("anna", "Contatore-2025")));
        assertEquals(new Decision.Challenge(true), auth.authenticate(ADDR, basic("anna", "Contatore-2026")));
    }
}
