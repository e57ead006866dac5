package org.microsmartgrid.city.stats.districts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong districts file is refused whole, saying which feature and why; the districts in use stay. */
class GeoJsonDistrictsTest {

    static String feature(String props, String geometry) {
        return "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": " + props
                + ", \"geometry\": " + geometry + "}]}";
    }

    static final String SQUARE = "{\"type\": \"Polygon\", \"coordinates\": [[[9,45],[9.1,45],[9.1,45.1],[9,45.1],[9,45]]]}";

    static String refusal(String geoJson) {
        return assertThrows(IllegalArgumentException.class,
                () -> GeoJsonDistricts.read(new StringReader(geoJson), "name")).getMessage();
    }

    @Test
    void whatIsWrongIsSaid() {
        assertTrue(refusal("{\"type\": \"Feature\"}").contains("FeatureCollection"));
        assertTrue(refusal("[1, 2").startsWith("non è JSON / not JSON"));
        assertTrue(refusal("{\"type\": \"FeatureCollection\", \"features\": []}").contains("no district"));
        assertTrue(refusal(feature("{\"nome\": \"A\"}", SQUARE)).contains("feature 0: manca la proprietà / property missing: name"));
        assertTrue(refusal(feature("{\"name\": \"A\"}", "{\"type\": \"Point\", \"coordinates\": [9, 45]}"))
                .contains("feature 0 (A): geometria non supportata / unsupported geometry: Point"));
        assertTrue(refusal(feature("{\"name\": \"A\"}", "{\"type\": \"Polygon\", \"coordinates\": [[[9,45],[9.1,45],[9.1,45.1],[9,45.1]]]}"))
                .contains("ring not closed"));
        assertTrue(refusal(feature("{\"name\": \"A\"}", "{\"type\": \"Polygon\", \"coordinates\": [[[9,45],[9.1,45],[9,45]]]}"))
                .contains("fewer than 4 positions"));
        // the Comune's shapefiles come in UTM 32N (EPSG:32632): metres, not degrees
        assertTrue(refusal(feature("{\"name\": \"A\"}", "{\"type\": \"Polygon\", \"coordinates\": "
                + "[[[514000,5034000],[516000,5034000],[516000,5036000],[514000,5034000]]]}")).contains("convert to EPSG:4326"));
        String twice = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"A\"}, "
                + "\"geometry\": " + SQUARE + "}, {\"type\": \"Feature\", \"properties\": {\"name\": \"A\"}, \"geometry\": " + SQUARE + "}]}";
        assertTrue(refusal(twice).contains("feature 1 (A): nome ripetuto / name repeated"));
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new java.util.Random(14).nextBytes(b);
        return b;
    }

    @Test
    void aRefusedFileLeavesTheDistrictsInUse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("municipi.geojson");
        Files.writeString(file, feature("{\"name\": \"Centro\"}", SQUARE), StandardCharsets.UTF_8);
        DistrictsLoader loader = new DistrictsLoader();
        DistrictsStatus ok = loader.load(file.toString(), "name");
        assertEquals(new DistrictsStatus(file.toString(), List.of("Centro"), null), ok);
        assertEquals("Centro", loader.get().of(45.05, 9.05));

        Files.writeString(file, feature("{\"name\": \"Centro\"}", "{\"type\": \"Polygon\"}"), StandardCharsets.UTF_8);
        DistrictsStatus bad = loader.load(file.toString(), "name");
        assertTrue(bad.error().startsWith("file dei quartieri non valido / districts file invalid: "), bad.error());
        assertTrue(bad.error().contains("feature 0 (Centro): senza coordinate / no coordinates"), bad.error());
        assertEquals(List.of("Centro"), bad.districts(), "still in use");
        assertEquals("Centro", loader.get().of(45.05, 9.05));

        DistrictsStatus missing = loader.load(dir.resolve("nessuno.geojson").toString(), "name");
        assertTrue(missing.error().startsWith("file dei quartieri mancante / districts file missing"), missing.error());
        assertEquals("Centro", loader.get().of(45.05, 9.05));
        assertEquals(loader.status(), missing);

        // a careless installer: an empty file, random bytes, 17 MB, coordinates NaN; Italian text in a name is fine
        for (byte[] content : new byte[][] {new byte[0], randomBytes(4096), new byte[17 * 1024 * 1024],
                feature("{\"name\": \"A\"}", "{\"type\": \"Polygon\", \"coordinates\": [[[NaN,45],[9.1,45],[9.1,45.1],[NaN,45]]]}")
                        .getBytes(StandardCharsets.UTF_8)}) {
            Files.write(file, content);
            DistrictsStatus refused = loader.load(file.toString(), "name");
            assertTrue(refused.error() != null && refused.error().contains(file.toString()), String.valueOf(refused));
            assertEquals("Centro", loader.get().of(45.05, 9.05), refused.error());
        }
        Files.writeString(file, feature("{\"name\": \"Città Studi — Lambrate è\"}", SQUARE), StandardCharsets.UTF_8);
        assertEquals(List.of("Città Studi — Lambrate è"), loader.load(file.toString(), "name").districts());

        assertEquals(new DistrictsStatus("", List.of(), null), loader.load(" ", "name"), "no file: no districts");
        assertEquals(Districts.OTHER, loader.get().of(45.05, 9.05));
    }
}
