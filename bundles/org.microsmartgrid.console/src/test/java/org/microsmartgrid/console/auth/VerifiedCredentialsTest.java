package org.microsmartgrid.console.auth;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedCredentialsTest {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void aVerifiedPasswordIsRecognisedUntilItsTimeIsUp() {
        VerifiedCredentials v = new VerifiedCredentials(Duration.ofMinutes(10), new SecureRandom());
        v.remember("anna", "Contatore-2025".toCharArray(), T0);

        assertTrue(v.matches("anna", "Contatore-2025".toCharArray(), T0.plusSeconds(599)));
        assertFalse(v.matches("anna", "Contatore-2024".toCharArray(), T0));
        assertFalse(v.matches("marco", "Contatore-2025".toCharArray(), T0));
        assertFalse(v.matches("anna", "Contatore-2025".toCharArray(), T0.plusSeconds(600)));
    }

    @Test
    void zeroSecondsRemembersNothing() {
        VerifiedCredentials v = new VerifiedCredentials(Duration.ZERO, new SecureRandom());
        v.remember("anna", "Contatore-2025".toCharArray(), T0);

        assertFalse(v.matches("anna", "Contatore-2025".toCharArray(), T0));
    }
}
