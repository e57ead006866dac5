package org.microsmartgrid.city.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The reference the index must agree with: every point, tested one by one, sorted, paged. */
final class BruteForce {
    private BruteForce() {
    }

    static SearchResult search(List<PointView> points, SearchQuery q) {
        List<Hit> all = new ArrayList<>();
        for (PointView p : points) {
            double d = GreatCircle.distanceMetres(q.origin().latitude(), q.origin().longitude(),
                    p.facts().latitude(), p.facts().longitude());
            boolean inBox = q.box() == null || q.box().contains(p.facts().latitude(), p.facts().longitude());
            if (d <= q.radiusMetres() && inBox && q.filters().matches(p)) {
                all.add(new Hit(p, d));
            }
        }
        all.sort(Comparator.comparingDouble(Hit::distanceMetres).thenComparing(h -> h.point().facts().id()));
        int from = Math.min(q.offset(), all.size());
        int to = Math.min(from + q.limit(), all.size());
        return new SearchResult(all.subList(from, to), all.size() > to);
    }

    static List<PointView> inBox(List<PointView> points, BoundingBox box, Filters filters) {
        List<PointView> in = new ArrayList<>();
        for (PointView p : points) {
            if (box.contains(p.facts().latitude(), p.facts().longitude()) && filters.matches(p)) {
                in.add(p);
            }
        }
        return in;
    }
}
