package org.microsmartgrid.cloud.kapua.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module's own claim code: the city's format, kept owner-only across restarts, only its hash published. */
class ClaimCodeFileTest {

    @TempDir
    Path dir;

    @Test
    void aRestartedModuleKeepsItsCodeInAnOwnerOnlyFile() throws Exception {
        Path file = dir.resolve("data").resolve("claim-code");
        ClaimCodeFile first = ClaimCodeFile.open(file);
        assertTrue(first.code().matches("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}"), first.code());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        ClaimCodeFile restarted = ClaimCodeFile.open(file);
        assertEquals(first.code(), restarted.code(), "the same code after a restart");
        assertEquals(first.hash(), restarted.hash());
    }

    @Test
    void aNewCodeReplacesTheOldOneForGood() throws Exception {
        Path file = dir.resolve("claim-code");
        ClaimCodeFile c = ClaimCodeFile.open(file);
        String old = c.code();
        String renewed = c.renew();
        assertNotEquals(old, renewed);
        assertEquals(renewed, ClaimCodeFile.open(file).code(), "the new one survives a restart");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void theHashIsTheCitysDigestOfTheCodeAsTyped() throws Exception {
        ClaimCodeFile c = ClaimCodeFile.open(dir.resolve("claim-code"));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(c.code().replace("-", "").getBytes(StandardCharsets.US_ASCII)));
        assertEquals(expected, c.hash());
        assertEquals(expected, ClaimCodeFile.hashOf(" " + c.code().toLowerCase().replace("-", " ") + " "));
        assertTrue(c.hash().matches("[0-9a-f]{64}"));
    }

    @Test
    void aNewCodeThatCannotBeWrittenLeavesTheOldOneWorking() throws Exception {
        Path file = dir.resolve("claim-code");
        ClaimCodeFile c = ClaimCodeFile.open(file);
        String old = c.code();
        String oldHash = c.hash();
        // the file cannot be replaced (a full disk would fail the same way): a non-empty directory in its place
        Files.delete(file);
        Files.createDirectories(file.resolve("blocked"));
        org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class, c::renew);
        assertEquals(old, c.code(), "still shown");
        assertEquals(oldHash, c.hash(), "still published");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aDamagedFileGetsANewCode() throws Exception {
        Path file = dir.resolve("claim-code");
        Files.writeString(file, "not a code");
        String code = ClaimCodeFile.open(file).code();
        assertEquals(code, Files.readString(file).strip());
    }

    @Test
    void codesAreRandomAndUseTheWholeAlphabet() {
        Set<String> codes = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = ClaimCodeFile.newCode();
            codes.add(code);
            for (char ch : code.replace("-", "").toCharArray()) seen.add(ch);
        }
        assertEquals(200, codes.size());
        assertEquals(32, seen.size(), "5 bits a character: 125 random bits in 25 characters");
    }
}
