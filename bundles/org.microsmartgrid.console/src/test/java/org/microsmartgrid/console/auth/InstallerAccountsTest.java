package org.microsmartgrid.console.auth;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstallerAccountsTest {
    static String hash;

    @BeforeAll
    static void hash() {
        hash = PasswordHash.create("Contatore-2025".toCharArray(), PasswordHash.MIN_ITERATIONS, new SecureRandom()).format();
    }

    static String message(String... users) {
        return assertThrows(IllegalArgumentException.class, () -> InstallerAccounts.parse("users", users)).getMessage();
    }

    @Test
    void severalInstallersCanHaveAccountsAndEmptyRowsAreIgnored() {
        InstallerAccounts accounts = InstallerAccounts.parse("users",
                new String[] {"anna:" + hash, "  ", "marco.rossi@impianti:" + hash});

        assertEquals(2, accounts.size());
        assertTrue(accounts.hashOf("anna").orElseThrow().matches("Contatore-2025".toCharArray()));
        assertTrue(accounts.hashOf("marco.rossi@impianti").isPresent());
        assertTrue(accounts.hashOf("admin").isEmpty(), "there is no default account");
    }

    @Test
    void noAccountIsRefusedNeverReplacedByADefault() {
        assertTrue(message().contains("no installer account"));
        assertTrue(message((String[]) null).contains("'users'"));
        assertTrue(message("", " ").contains("there is no default account"));
    }

    @Test
    void aMalformedEntryNamesItsIndexAndUserButNotItsContent() {
        String m = message("anna:" + hash, "marco:Segreto-in-chiaro");

        assertTrue(m.startsWith("users[1] (user 'marco'): "), m);
        assertFalse(m.contains("Segreto"), "a plain password typed in the config must not reach the log");
    }

    @Test
    void anEntryWithoutNameOrSeparatorIsRefused() {
        assertTrue(message("Segreto-in-chiaro").startsWith("users[0] is not of the form"));
        assertFalse(message("Segreto-in-chiaro").contains("Segreto"));
        assertTrue(message(":" + hash).contains("user name"));
        assertTrue(message("anna bianchi:" + hash).contains("user name"));
    }

    @Test
    void aDuplicateNameIsRefused() {
        assertTrue(message("anna:" + hash, "anna:" + hash).contains("user 'anna' is configured twice"));
    }
}
