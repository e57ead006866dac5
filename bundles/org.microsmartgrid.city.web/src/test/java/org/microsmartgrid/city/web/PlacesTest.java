package org.microsmartgrid.city.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

/** A city's own searchable places: served as checked, refused with what and where when wrong. */
class PlacesTest {

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("places.json"), json, StandardCharsets.UTF_8);
    }

    @Test
    void aCitysOwnListIsServedWithOnlyWhatThePageNeeds() throws IOException {
        Places p = Places.read(file("[{\"name\":\" Piazza Maggiore \",\"lat\":44.4939,\"lon\":11.3428,\"owner\":\"x\"}]"));
        JsonArray a = JsonParser.parseString(new String(p.json(), StandardCharsets.UTF_8)).getAsJsonArray();
        assertEquals("Piazza Maggiore", a.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals(44.4939, a.get(0).getAsJsonObject().get("lat").getAsDouble());
        assertTrue(!a.get(0).getAsJsonObject().has("owner"), "fields the page does not use are not served");
    }

    @Test
    void aWrongListIsRefusedSayingWhereAndWhy() throws IOException {
        assertMessage("not JSON", file("[{"));
        assertMessage("must hold a JSON array", file("{\"name\":\"x\"}"));
        assertMessage("place 2", file("[{\"name\":\"a\",\"lat\":1,\"lon\":2},{\"name\":\"b\",\"lat\":\"north\",\"lon\":2}]"));
        assertMessage("lat -90..90", file("[{\"name\":\"a\",\"lat\":91,\"lon\":2}]"));
        assertMessage("name must be", file("[{\"name\":\"  \",\"lat\":1,\"lon\":2}]"));
        assertMessage("needs name", file("[{\"lat\":1,\"lon\":2}]"));
        assertMessage("cannot read", dir.resolve("missing.json"));
    }

    @Test
    void thePackedMilanListIsValid() throws Exception {
        Path packed = Path.of(PlacesTest.class.getResource("/web/places.json").toURI());
        assertTrue(new String(Places.read(packed).json(), StandardCharsets.UTF_8).contains("Castello Sforzesco"));
    }

    private static void assertMessage(String part, Path file) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Places.read(file));
        assertTrue(e.getMessage().startsWith("places.file") && e.getMessage().contains(part), e.getMessage());
    }
}
