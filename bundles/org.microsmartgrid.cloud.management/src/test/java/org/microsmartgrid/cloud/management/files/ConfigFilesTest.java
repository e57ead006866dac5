package org.microsmartgrid.cloud.management.files;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.apache.felix.utils.properties.TypedProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21 item 1: one declared encoding, unreadable files never rewritten, one write per change, no .tmp left. */
class ConfigFilesTest {
    @TempDir
    Path dir;

    @Test
    void italianTextIsWrittenOnceAndReadBackAsWritten() throws IOException {
        Path file = dir.resolve("org.microsmartgrid.cloud.kapua.KapuaCloudLink.config");
        Files.writeString(file, "# sito\ndisplay.name=\"Biblioteca Sormani \u2014 cortile\"\n", UTF_8);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("display.name", "Biblioteca Sormani \u2014 cortile");
        assertFalse(ConfigFiles.writeIfChanged(file, props, UTF_8), "the file holds these values already");

        props.put("display.name", "Citt\u00e0 metropolitana \u2014 perch\u00e8");
        assertTrue(ConfigFiles.writeIfChanged(file, props, UTF_8));
        assertEquals("Citt\u00e0 metropolitana \u2014 perch\u00e8", readAsFileInstall(file).get("display.name"));
        assertFalse(ConfigFiles.writeIfChanged(file, props, UTF_8), "FileInstall's re-reading ends the round");
        assertNoTemporaryFile();
    }

    @Test
    void aFileInAnotherEncodingIsNeverRewritten() throws IOException {
        Path file = dir.resolve("latin1.config");
        byte[] latin1 = "name=\"Caff\u00e8\"\n".getBytes(ISO_8859_1);
        Files.write(file, latin1);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", "Caff\uFFFD"); // what a lenient UTF-8 reader (FileInstall) made of it

        ConfigFiles.UnreadableFile e = assertThrows(ConfigFiles.UnreadableFile.class,
                () -> ConfigFiles.writeIfChanged(file, props, UTF_8));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        assertArrayEquals(latin1, Files.readAllBytes(file));
        assertNoTemporaryFile();
    }

    @Test
    void randomBytesAreNeverRewritten() throws IOException {
        Path file = dir.resolve("random.config");
        byte[] random = new byte[3000];
        new Random(21).nextBytes(random);
        Files.write(file, random);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("x", "y");

        assertThrows(ConfigFiles.UnreadableFile.class, () -> ConfigFiles.writeIfChanged(file, props, UTF_8));
        assertArrayEquals(random, Files.readAllBytes(file));
        assertNoTemporaryFile();
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsRead() throws IOException {
        Path file = dir.resolve("huge.config");
        Files.write(file, new byte[(int) ConfigFiles.MAX_BYTES + 1]);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("x", "y");

        ConfigFiles.UnreadableFile e = assertThrows(ConfigFiles.UnreadableFile.class,
                () -> ConfigFiles.writeIfChanged(file, props, UTF_8));
        assertTrue(e.getMessage().contains("more than the " + ConfigFiles.MAX_BYTES), e.getMessage());
        assertEquals(ConfigFiles.MAX_BYTES + 1, Files.size(file));
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a-directory.config");
        Files.createDirectories(target.resolve("not-empty"));
        assertThrows(IOException.class, () -> ConfigFiles.write(target, "x=\"y\"\n", UTF_8));
        assertNoTemporaryFile();
    }

    /** Any text a person can type is written so that the file then holds it: one write per change, never two. */
    @Property(tries = 100) // each try writes and fsyncs a file twice
    void anyTextIsWrittenOnceAndReadBackTheSame(@ForAll @StringLength(max = 60) String text) throws IOException {
        Path file = Files.createTempFile("any", ".config"); // jqwik has no @TempDir
        try {
            writtenOnce(file, text);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void writtenOnce(Path file, String text) throws IOException {
        Files.writeString(file, "# commento\n", UTF_8);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("display.name", text);
        props.put("names", new String[] {text, "b\u00e8"});
        ConfigFiles.writeIfChanged(file, props, UTF_8);
        assertFalse(ConfigFiles.writeIfChanged(file, props, UTF_8), "a second round writes nothing: " + text);
        TypedProperties back = readAsFileInstall(file);
        assertEquals(text, back.get("display.name"));
        assertEquals(List.of(text, "b\u00e8"), List.of((String[]) back.get("names")));
    }

    /** As FileInstall reads a .config with felix.fileinstall.configEncoding=UTF-8. */
    private static TypedProperties readAsFileInstall(Path file) throws IOException {
        TypedProperties p = new TypedProperties();
        try (Reader r = new InputStreamReader(Files.newInputStream(file), UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private void assertNoTemporaryFile() throws IOException {
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
        }
    }
}
