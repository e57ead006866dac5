package org.microsmartgrid.console;

import org.apache.felix.fileinstall.shaded.util.properties.TypedProperties;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.console.auth.AuthSettings;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented .config file, read by the parser FileInstall 3.7.4 itself uses: the '$' separators and the base64
 * of the hashes must arrive intact (no variable substitution), as a String[] the login accepts.
 */
class ConfigFileTest {

    @Test
    void theDocumentedConfigFileGivesTheLoginItsAccounts() throws Exception {
        TypedProperties props = new TypedProperties();
        try (Reader r = new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/" + InstallerAuthentication.PID + ".config")), StandardCharsets.UTF_8)) {
            props.load(r);
        }

        Object users = props.get("users");
        assertTrue(users instanceof String[], String.valueOf(users));
        String[] entries = (String[]) users;
        assertEquals(2, entries.length);
        assertEquals("installer:pbkdf2-sha256$210000$EPPXVau1gUsB/W6g7ShBjQ==$zKYG6OC65Cn5aYUZwIDDo5Sl7cejIybpPh4BHEmXBU8=",
                entries[0]);
        assertEquals(5, props.get("failuresBeforeLockout"));

        AuthSettings settings = AuthSettings.validate(entries, (Integer) props.get("failuresBeforeLockout"),
                (Integer) props.get("lockoutSeconds"), 900, 600);
        assertArrayEquals(new String[] {"installer", "marco"}, settings.accounts().all().keySet().toArray());
        assertTrue(settings.accounts().hashOf("installer").orElseThrow().matches("Contatore-2025".toCharArray()));
        assertTrue(settings.accounts().hashOf("marco").orElseThrow().matches("Quadro-Elettrico".toCharArray()));
        assertFalse(settings.accounts().hashOf("marco").orElseThrow().matches("Contatore-2025".toCharArray()));
    }
}
