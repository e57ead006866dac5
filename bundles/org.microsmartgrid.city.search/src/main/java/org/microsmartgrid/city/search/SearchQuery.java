package org.microsmartgrid.city.search;

/**
 * A search: the matching points within {@code radiusMetres} of {@code origin} and, if {@code box} is given, inside
 * it; nearest to {@code origin} first, ties by id; one page of {@code limit} from {@code offset}. Start with
 * {@link #near} or {@link #inBox}, then narrow with {@link #withFilters} and {@link #withPage}.
 *
 * @param origin       distances are measured from here
 * @param radiusMetres only points at most this far (great circle), &gt; 0 and at most
 *                     {@link GreatCircle#MAX_DISTANCE_METRES} (which means "anywhere")
 * @param box          only points inside this box, or null
 * @param filters      what a point must offer
 * @param limit        1..{@link #MAX_LIMIT}
 * @param offset       0..{@link #MAX_OFFSET}
 * @throws InvalidQueryException if a value is missing, NaN or out of range
 */
public record SearchQuery(Position origin, double radiusMetres, BoundingBox box, Filters filters, int limit,
                          int offset) {

    /** The most points one page may ask for. */
    public static final int MAX_LIMIT = 500;
    /** The deepest page: a nearest-first search costs at least offset + limit, so it is bounded. */
    public static final int MAX_OFFSET = 10_000;
    /** The page size when none is given. */
    public static final int DEFAULT_LIMIT = 20;

    public SearchQuery {
        InvalidQueryException.required("origin", origin);
        if (!(radiusMetres > 0 && radiusMetres <= GreatCircle.MAX_DISTANCE_METRES)) {
            throw new InvalidQueryException("radius", "raggio fuori da (0, " + GreatCircle.MAX_DISTANCE_METRES
                    + "] m: " + radiusMetres, "radius outside (0, " + GreatCircle.MAX_DISTANCE_METRES + "] m: "
                    + radiusMetres);
        }
        InvalidQueryException.required("filters", filters);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit", "limite fuori da [1, " + MAX_LIMIT + "]: " + limit,
                    "limit outside [1, " + MAX_LIMIT + "]: " + limit);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidQueryException("offset", "offset fuori da [0, " + MAX_OFFSET + "]: " + offset,
                    "offset outside [0, " + MAX_OFFSET + "]: " + offset);
        }
    }

    /** Points within {@code radiusMetres} of {@code origin}, nearest first, no filters, first page. */
    public static SearchQuery near(Position origin, double radiusMetres) {
        return new SearchQuery(origin, radiusMetres, null, Filters.NONE, DEFAULT_LIMIT, 0);
    }

    /** Points inside {@code box}, nearest to its centre first, no filters, first page. */
    public static SearchQuery inBox(BoundingBox box) {
        return inBox(box, InvalidQueryException.required("box", box).centre());
    }

    /** Points inside {@code box}, nearest to {@code origin} first (e.g. the user's position), first page. */
    public static SearchQuery inBox(BoundingBox box, Position origin) {
        return new SearchQuery(origin, GreatCircle.MAX_DISTANCE_METRES, InvalidQueryException.required("box", box),
                Filters.NONE, DEFAULT_LIMIT, 0);
    }

    public SearchQuery withFilters(Filters newFilters) {
        return new SearchQuery(origin, radiusMetres, box, newFilters, limit, offset);
    }

    public SearchQuery withPage(int newLimit, int newOffset) {
        return new SearchQuery(origin, radiusMetres, box, filters, newLimit, newOffset);
    }
}
