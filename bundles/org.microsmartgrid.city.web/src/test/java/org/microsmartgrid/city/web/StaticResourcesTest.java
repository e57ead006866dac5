package org.microsmartgrid.city.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/** The page's files as the bundle serves them: known types only, nothing outside web/, gzip that unpacks. */
class StaticResourcesTest {

    private final StaticResources files = new StaticResources(StaticResourcesTest.class.getClassLoader());

    @Test
    void servesThePageLeafletFromTheWebjarAndAGzipThatUnpacksToTheSameBytes() throws Exception {
        var index = files.get("index.html").orElseThrow();
        assertEquals("text/html; charset=utf-8", index.type());
        assertTrue(new String(index.bytes(), "UTF-8").contains("vendor/leaflet/leaflet.js"));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(index.gzip()))) {
            assertArrayEquals(index.bytes(), in.readAllBytes());
        }
        var leaflet = files.get("vendor/leaflet/leaflet.js").orElseThrow(); // unpacked from the webjar by the build
        assertTrue(new String(leaflet.bytes(), "UTF-8").contains("1.9.4"));
        assertEquals("application/manifest+json", files.get("manifest.webmanifest").orElseThrow().type());
        assertEquals("image/png", files.get("vendor/leaflet/images/marker-icon.png").orElseThrow().type());
    }

    @Test
    void refusesPathsOutsideTheFolderHiddenFilesAndUnknownTypes() {
        for (String bad : new String[] {"../META-INF/MANIFEST.MF", "vendor/../index.html", ".hidden.js", "/index.html",
                "org/microsmartgrid/city/web/MapPageServlet.class", "index.html/", "", "app.js%00.css", "nothing.js"})
            assertTrue(files.get(bad).isEmpty(), bad);
    }
}
