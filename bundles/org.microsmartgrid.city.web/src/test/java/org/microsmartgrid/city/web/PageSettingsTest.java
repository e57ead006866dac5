package org.microsmartgrid.city.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The tile layer setting: none by default, a configured server allowed by the page's policy and nothing else. */
class PageSettingsTest {

    @Test
    void noTilesByDefaultAndImagesOnlyFromOurselves() {
        PageSettings s = new PageSettings("", "", 19, 45.4642, 9.19, 14);
        JsonObject json = JsonParser.parseString(s.json()).getAsJsonObject();
        assertTrue(json.get("tile_url").isJsonNull());
        assertEquals(45.4642, json.getAsJsonObject("start").get("latitude").getAsDouble());
        assertTrue(s.contentSecurityPolicy().contains("img-src 'self' data:;"), s.contentSecurityPolicy());
        assertTrue(s.contentSecurityPolicy().contains("connect-src 'self'"));
    }

    @Test
    void aTileServerIsAllowedByOriginWithSubdomainsAsAWildcard() {
        assertEquals("https://*.tile.example.org", PageSettings.tileOrigin("https://{s}.tile.example.org/{z}/{x}/{y}.png"));
        assertEquals("https://tiles.example.org:8443", PageSettings.tileOrigin("https://tiles.example.org:8443/{z}/{x}/{y}.png"));
        PageSettings s = new PageSettings("https://{s}.tile.example.org/{z}/{x}/{y}.png", "© OpenStreetMap", 19, 45, 9, 14);
        assertTrue(s.contentSecurityPolicy().contains("img-src 'self' data: https://*.tile.example.org;"));
        assertEquals("© OpenStreetMap", JsonParser.parseString(s.json()).getAsJsonObject().get("tile_attribution").getAsString());
    }

    @Test
    void aTileUrlThatIsNotHttpIsRefused() {
        assertNull(PageSettings.tileOrigin("javascript:alert(1)"));
        assertNull(PageSettings.tileOrigin("ftp://x.org/{z}"));
        assertThrows(IllegalArgumentException.class, () -> PageSettings.of(config("file:///etc/passwd")));
    }

    private static MapPageConfig config(String url) {
        return new MapPageConfig() {
            public Class<? extends java.lang.annotation.Annotation> annotationType() { return MapPageConfig.class; }
            public String tile_url() { return url; }
            public String tile_attribution() { return ""; }
            public int tile_max_zoom() { return 19; }
            public double start_latitude() { return 45.4642; }
            public double start_longitude() { return 9.19; }
            public int start_zoom() { return 14; }
            public String places_file() { return ""; }
        };
    }
}
