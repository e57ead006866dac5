package org.microsmartgrid.city.search;

/**
 * Web Mercator (EPSG:3857) as slippy maps tile it: x and y in [0, 1] over the world, y growing southwards; latitudes
 * beyond ±85.05112878° (where the square world ends) are clamped to its edge.
 */
final class WebMercator {
    static final double MAX_LATITUDE = 85.05112878;

    private WebMercator() {
    }

    static double x(double longitude) {
        return Math.min(1, Math.max(0, (longitude + 180) / 360));
    }

    static double y(double latitude) {
        double phi = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude)));
        double y = (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
        return Math.min(1, Math.max(0, y));
    }
}
