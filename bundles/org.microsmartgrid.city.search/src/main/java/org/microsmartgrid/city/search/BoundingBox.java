package org.microsmartgrid.city.search;

/**
 * A latitude/longitude box, edges included. As in GeoJSON (RFC 7946 §5.2), a box whose {@code west} is greater than
 * its {@code east} crosses the antimeridian (e.g. west 170, east -170 is 20° wide). {@code west == -180, east == 180}
 * is the whole world's width.
 *
 * @throws InvalidQueryException if a coordinate is NaN or out of range, or south is north of north
 */
public record BoundingBox(double south, double west, double north, double east) {
    public BoundingBox {
        InvalidQueryException.latitude("south", south);
        InvalidQueryException.latitude("north", north);
        InvalidQueryException.longitude("west", west);
        InvalidQueryException.longitude("east", east);
        if (south > north) {
            throw new InvalidQueryException("south", "south (" + south + ") a nord di north (" + north + ")",
                    "south (" + south + ") is north of north (" + north + ")");
        }
    }

    /** Whether the box crosses the antimeridian ({@code west > east}). */
    public boolean crossesAntimeridian() {
        return west > east;
    }

    /** Width in degrees of longitude, 0..360. */
    public double widthDegrees() {
        return crossesAntimeridian() ? 360 - west + east : east - west;
    }

    /** Whether the position lies in the box (edges included). */
    public boolean contains(double latitude, double longitude) {
        if (latitude < south || latitude > north) {
            return false;
        }
        if (crossesAntimeridian()) {
            return longitude >= west || longitude <= east;
        }
        // -180 and 180 are the same meridian
        return (longitude >= west && longitude <= east)
                || (longitude == -180 && east == 180) || (longitude == 180 && west == -180);
    }

    /** The middle of the box: the origin of a box search that names none. */
    public Position centre() {
        double lon = west + widthDegrees() / 2;
        if (lon > 180) {
            lon -= 360;
        }
        return new Position((south + north) / 2, lon);
    }
}
