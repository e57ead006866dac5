package org.microsmartgrid.city.search;

/**
 * Great-circle distance on a sphere of the Earth's mean radius (IUGG R1 = 6,371,008.8 m), by the haversine formula:
 * accurate to about 0.5 % against the WGS 84 ellipsoid, which is what "nearest" needs; the ordering of points is the
 * same for every caller because everybody uses this one function.
 */
public final class GreatCircle {
    /** The Earth's mean radius in metres. */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;
    /** Half the circumference: no two points are further apart. */
    public static final double MAX_DISTANCE_METRES = Math.PI * EARTH_RADIUS_METRES;

    private GreatCircle() {
    }

    /** Distance in metres between two positions given in degrees. */
    public static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
        // the same operations, in the same order, as the index's search: both give the same double for a pair
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        return EARTH_RADIUS_METRES
                * centralAngle(p1, Math.cos(p1), p2, Math.cos(p2), Math.toRadians(lon2) - Math.toRadians(lon1));
    }

    /** Central angle in radians from latitudes (radians, with their cosines) and the longitude difference. */
    static double centralAngle(double lat1, double cosLat1, double lat2, double cosLat2, double dLon) {
        double h = hav(lat2 - lat1) + cosLat1 * cosLat2 * hav(dLon);
        return 2 * Math.asin(Math.sqrt(Math.min(1, h)));
    }

    static double hav(double angle) {
        double s = Math.sin(angle / 2);
        return s * s;
    }
}
