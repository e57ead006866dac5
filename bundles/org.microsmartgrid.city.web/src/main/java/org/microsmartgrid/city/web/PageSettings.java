package org.microsmartgrid.city.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The configuration as the page reads it ({@code /map/config.json}) and the Content-Security-Policy that lets the
 * browser load exactly our own files, our API and the configured tile server, nothing else.
 */
record PageSettings(String tileUrl, String attribution, int tileMaxZoom, double latitude, double longitude, int zoom) {

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    static PageSettings of(MapPageConfig c) {
        String url = c.tile_url() == null ? "" : c.tile_url().strip();
        if (!url.isEmpty() && tileOrigin(url) == null)
            throw new IllegalArgumentException("tile.url must be an http(s) URL template: " + url);
        return new PageSettings(url, c.tile_attribution() == null ? "" : c.tile_attribution().strip(),
                c.tile_max_zoom(), c.start_latitude(), c.start_longitude(), c.start_zoom());
    }

    String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tile_url", tileUrl.isEmpty() ? null : tileUrl);
        m.put("tile_attribution", attribution);
        m.put("tile_max_zoom", tileMaxZoom);
        m.put("start", Map.of("latitude", latitude, "longitude", longitude, "zoom", zoom));
        return GSON.toJson(m);
    }

    /**
     * Images from ourselves, data: URLs (Leaflet's CSS) and the tile server; scripts, styles and connections only
     * from ourselves (the API is on the same origin); no frames, no plugins.
     */
    String contentSecurityPolicy() {
        String tiles = tileUrl.isEmpty() ? "" : " " + tileOrigin(tileUrl);
        return "default-src 'self'; img-src 'self' data:" + tiles + "; script-src 'self'; style-src 'self';"
                + " connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none';"
                + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }

    /** scheme://host[:port] of a Leaflet template; a {s} subdomain becomes a wildcard host. */
    static String tileOrigin(String template) {
        try {
            String probe = template.replace("{s}", "a").replaceAll("\\{[a-z]+\\}", "0");
            URI u = URI.create(probe);
            if (u.getHost() == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))) return null;
            String host = template.contains("{s}.") ? "*." + u.getHost().substring(u.getHost().indexOf('.') + 1) : u.getHost();
            return u.getScheme() + "://" + host + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
