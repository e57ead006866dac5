package org.microsmartgrid.city.registry;

import java.util.List;

/**
 * A page and the total it is a page of, read from one snapshot of the registry: a client never sees a total that
 * counts a point the page does not hold yet, or the reverse.
 */
public record Counted<T>(List<T> items, int total) {

    public Counted {
        items = List.copyOf(items);
    }
}
