package org.microsmartgrid.city.search;

import java.util.List;

/**
 * One page of a search, nearest first (ties by id).
 *
 * @param hits at most the query's limit
 * @param more whether a next page (offset + limit) has at least one more point
 */
public record SearchResult(List<Hit> hits, boolean more) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
