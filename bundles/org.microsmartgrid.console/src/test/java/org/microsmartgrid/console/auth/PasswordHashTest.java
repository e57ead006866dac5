package org.microsmartgrid.console.auth;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHashTest {
    static final SecureRandom RANDOM = new SecureRandom();
    static final String SALT = Base64.getEncoder().encodeToString(new byte[16]);
    static final String HASH = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aStoredHashMatchesItsPasswordAndNoOther() {
        String stored = PasswordHash.create("Contatore-2025".toCharArray(), PasswordHash.MIN_ITERATIONS, RANDOM).format();

        PasswordHash parsed = PasswordHash.parse(stored);

        assertTrue(stored.startsWith("pbkdf2-sha256$210000$"), stored);
        assertEquals(4, stored.split("\\$").length);
        assertTrue(parsed.matches("Contatore-2025".toCharArray()));
        assertFalse(parsed.matches("contatore-2025".toCharArray()));
        assertFalse(parsed.matches("".toCharArray()));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
        String a = PasswordHash.create("Contatore-2025".toCharArray(), PasswordHash.MIN_ITERATIONS, RANDOM).format();
        String b = PasswordHash.create("Contatore-2025".toCharArray(), PasswordHash.MIN_ITERATIONS, RANDOM).format();

        assertNotEquals(a, b);
    }

    @Test
    void malformedHashesAreRefusedWithAReasonThatDoesNotRepeatTheInput() {
        String[] bad = {
                "",
                "hunter2-my-secret",                               // a password pasted where the hash belongs
                "pbkdf2-sha1$210000$" + SALT + "$" + HASH,          // another scheme
                "pbkdf2-sha256$210000$" + SALT,                     // a part missing
                "pbkdf2-sha256$lots$" + SALT + "$" + HASH,
                "pbkdf2-sha256$1000$" + SALT + "$" + HASH,          // too few iterations
                "pbkdf2-sha256$999999999$" + SALT + "$" + HASH,     // a denial of service
                "pbkdf2-sha256$210000$not*base64$" + HASH,
                "pbkdf2-sha256$210000$" + Base64.getEncoder().encodeToString(new byte[8]) + "$" + HASH,
                "pbkdf2-sha256$210000$" + SALT + "$" + Base64.getEncoder().encodeToString(new byte[20]),
        };
        for (String text : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(text), text);
            assertFalse(e.getMessage().isBlank());
            if (!text.isEmpty()) assertFalse(e.getMessage().contains(text), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2"));
        }
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(null));
    }

    @Test
    void theIterationCountIsReadFromTheStoredForm() {
        PasswordHash h = PasswordHash.parse("pbkdf2-sha256$250000$" + SALT + "$" + HASH);

        assertEquals(250000, h.iterations());
        assertFalse(h.toString().contains(HASH), "toString must not expose the hash");
    }
}
