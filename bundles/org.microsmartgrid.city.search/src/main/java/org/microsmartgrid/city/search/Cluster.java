package org.microsmartgrid.city.search;

/**
 * Two or more matching points that fall in one grid cell of the map at the requested zoom.
 *
 * @param count     how many points
 * @param latitude  centroid (mean latitude of the points)
 * @param longitude centroid (mean longitude of the points; a cell never spans the antimeridian)
 * @param available how many of them have at least one EVSE AVAILABLE
 * @param extent    the smallest box around the points, e.g. to zoom in on a click
 */
public record Cluster(int count, double latitude, double longitude, int available, BoundingBox extent) {
}
