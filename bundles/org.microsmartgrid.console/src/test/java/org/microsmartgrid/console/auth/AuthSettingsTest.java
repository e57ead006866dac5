package org.microsmartgrid.console.auth;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuthSettingsTest {
    static String[] users;

    @BeforeAll
    static void users() {
        users = new String[] {"anna:" + PasswordHash.create("Contatore-2025".toCharArray(), PasswordHash.MIN_ITERATIONS,
                new SecureRandom()).format()};
    }

    static String refused(int failures, int lockout, int max, int cache) {
        return assertThrows(IllegalArgumentException.class,
                () -> AuthSettings.validate(users, failures, lockout, max, cache)).getMessage();
    }

    @Test
    void theDefaultsAreValid() {
        AuthSettings s = AuthSettings.validate(users, 5, 60, 900, 600);

        assertEquals(5, s.failuresBeforeLockout());
        assertEquals(Duration.ofMinutes(1), s.lockout());
        assertEquals(Duration.ofMinutes(15), s.maxLockout());
        assertEquals(Duration.ofMinutes(10), s.verifiedCache());
    }

    @Test
    void outOfRangeNumbersAreRefusedNamingTheProperty() {
        assertEquals("property 'failuresBeforeLockout' is 0, it must be 1..100", refused(0, 60, 900, 600));
        assertEquals("property 'lockoutSeconds' is 0, it must be 1..3600", refused(5, 0, 900, 600));
        assertEquals("property 'lockoutMaxSeconds' is 30, it must not be less than 'lockoutSeconds' (60)",
                refused(5, 60, 30, 600));
        assertEquals("property 'verifiedCacheSeconds' is -1, it must be 0..3600", refused(5, 60, 900, -1));
    }
}
