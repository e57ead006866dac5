package org.microsmartgrid.console;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.console.auth.InstallerAccounts;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashPasswordTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String password, String... args) {
        return HashPassword.run(args, user -> password == null ? null : password.toCharArray(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsALineThatTheLoginAcceptsForThatPassword() {
        assertEquals(0, run("Contatore-2025", "anna", "--iterations", "210000"));

        String line = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.startsWith("anna:pbkdf2-sha256$210000$"), line);
        assertFalse(line.contains("Contatore"));
        InstallerAccounts accounts = InstallerAccounts.parse("users", new String[] {line});
        assertTrue(accounts.hashOf("anna").orElseThrow().matches("Contatore-2025".toCharArray()));
        assertFalse(accounts.hashOf("anna").orElseThrow().matches("Contatore-2024".toCharArray()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("org.microsmartgrid.console.InstallerAuthentication.config"));
    }

    @Test
    void theDefaultIterationCountIsOwasps() {
        assertEquals(0, run("Contatore-2025", "anna"));

        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("anna:pbkdf2-sha256$600000$"));
    }

    @Test
    void refusesShortPasswordsBadNamesAndWeakIterationCounts() {
        assertEquals(1, run("corta", "anna", "--iterations", "210000"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("10 to 1024"));
        assertEquals(1, run(null, "anna", "--iterations", "210000"));
        assertEquals(2, run("Contatore-2025"));
        assertEquals(2, run("Contatore-2025", "anna:bianchi"));
        assertEquals(2, run("Contatore-2025", "anna", "--iterations", "1000"));
        assertEquals(2, run("Contatore-2025", "anna", "extra"));
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing to paste after a refusal");
    }
}
