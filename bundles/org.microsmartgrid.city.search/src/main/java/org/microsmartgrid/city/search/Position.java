package org.microsmartgrid.city.search;

/**
 * A position on the WGS 84 sphere in decimal degrees. Longitude 180 and -180 are the same meridian.
 *
 * @throws InvalidQueryException if a coordinate is NaN, infinite or out of range
 */
public record Position(double latitude, double longitude) {
    public Position {
        InvalidQueryException.latitude("latitude", latitude);
        InvalidQueryException.longitude("longitude", longitude);
    }

    /** Great-circle distance in metres to {@code other} (see {@link GreatCircle}). */
    public double distanceMetres(Position other) {
        return GreatCircle.distanceMetres(latitude, longitude, other.latitude, other.longitude);
    }
}
