package org.microsmartgrid.city.api.observe;

/**
 * Whiteboard: told after each map search's first page (GET /api/v1/search with no offset), for the city's statistics
 * of unmet demand. It gets where the search was made from and how far the nearest free point in the answer was, never
 * who searched. An implementation must reduce the position at once (the statistics keep only a grid cell of about
 * 1 km) and return quickly; an exception is logged and does not change the answer.
 */
@FunctionalInterface
public interface SearchObserver {

    /**
     * @param latitude          the search's origin, WGS 84 degrees
     * @param longitude         the search's origin
     * @param nearestFreeMetres distance to the nearest point in the answer with a socket AVAILABLE now, or
     *                          {@code Double.POSITIVE_INFINITY} when the answer has none
     * @param at                when, epoch ms
     */
    void searched(double latitude, double longitude, double nearestFreeMetres, long at);
}
