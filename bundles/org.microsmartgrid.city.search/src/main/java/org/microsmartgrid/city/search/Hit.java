package org.microsmartgrid.city.search;

/** One answer of a search: the point and its great-circle distance in metres from the query's origin. */
public record Hit(PointView point, double distanceMetres) {
}
