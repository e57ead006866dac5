package org.microsmartgrid.city.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Every answer of the index equals the brute-force reference's: the same points, in the same order, at the same
 * distances, with the same "more" flag, for random points (added, moved, removed, with random live status), random
 * positions (a city, the antimeridian, the poles), radii, boxes, filters and pages, and for several cell sizes (so
 * one cell can be smaller or far bigger than a query).
 */
class SearchAgreesWithBruteForceTest {

    @Property(tries = 300)
    void searchEqualsBruteForce(@ForAll("cellDegrees") double cellDegrees,
            @ForAll @Size(max = 250) List<@From("points") PointFacts> points,
            @ForAll @Size(max = 40) List<@From("points") PointFacts> movedOrAdded,
            @ForAll @Size(max = 30) List<@net.jqwik.api.constraints.IntRange(max = 400) Integer> removed,
            @ForAll @Size(max = 300) List<@From("statuses") Object[]> statuses,
            @ForAll @Size(min = 1, max = 15) List<@From("queries") SearchQuery> queries) {
        PointIndex index = new PointIndex(cellDegrees);
        Map<String, PointFacts> truth = build(index, points, movedOrAdded, removed, statuses);
        List<PointView> views = views(index, truth);

        for (SearchQuery query : queries) {
            SearchResult expected = BruteForce.search(views, query);
            SearchResult actual = index.search(query);
            assertEquals(describe(expected), describe(actual), () -> "query " + query);
        }
    }

    @Property(tries = 200)
    void mapClustersAddUpToThePointsInTheBox(@ForAll("cellDegrees") double cellDegrees,
            @ForAll @Size(max = 250) List<@From("points") PointFacts> points,
            @ForAll @Size(max = 300) List<@From("statuses") Object[]> statuses,
            @ForAll("boxes") BoundingBox box, @ForAll("filters") Filters filters,
            @ForAll @net.jqwik.api.constraints.IntRange(max = 22) int zoom) {
        PointIndex index = new PointIndex(cellDegrees);
        Map<String, PointFacts> truth = build(index, points, List.of(), List.of(), statuses);
        List<PointView> inBox = BruteForce.inBox(views(index, truth), box, filters);
        MapView view;
        try {
            view = index.map(box, zoom, filters);
        } catch (InvalidQueryException tooManyTiles) {
            assertEquals("bbox", tooManyTiles.parameter());
            return;
        }
        assertEquals(inBox.size(), view.total(), "clusters and points stand for every point in the box");
        long available = inBox.stream().filter(PointView::availableNow).count();
        long shown = view.points().stream().filter(PointView::availableNow).count()
                + view.clusters().stream().mapToInt(Cluster::available).sum();
        assertEquals(available, shown, "available points are counted once each");
        for (Cluster cluster : view.clusters()) {
            assertEquals(true, cluster.count() >= 2, "a cluster groups two or more points");
            assertEquals(true, cluster.extent().contains(cluster.latitude(), cluster.longitude()),
                    "the centroid lies among the points");
        }
    }

    private static Map<String, PointFacts> build(PointIndex index, List<PointFacts> points,
            List<PointFacts> movedOrAdded, List<Integer> removed, List<Object[]> statuses) {
        Map<String, PointFacts> truth = new LinkedHashMap<>();
        for (PointFacts p : points) {
            index.put(p);
            truth.put(p.id(), p);
        }
        for (Object[] s : statuses) {
            index.updateStatus((String) s[0], (String) s[1], (EvseStatus) s[2], (Instant) s[3]);
        }
        for (PointFacts p : movedOrAdded) {
            index.put(p);
            truth.put(p.id(), p);
        }
        for (int r : removed) {
            assertEquals(truth.remove("P" + r) != null, index.remove("P" + r));
        }
        assertEquals(truth.size(), index.size());
        return truth;
    }

    private static List<PointView> views(PointIndex index, Map<String, PointFacts> truth) {
        List<PointView> views = new ArrayList<>();
        for (String id : truth.keySet()) {
            PointView view = index.get(id).orElseThrow();
            assertEquals(truth.get(id), view.facts());
            views.add(view);
        }
        return views;
    }

    private static List<String> describe(SearchResult result) {
        List<String> lines = new ArrayList<>();
        for (Hit hit : result.hits()) {
            lines.add(hit.point().facts().id() + " @ " + hit.distanceMetres() + " " + hit.point().evses());
        }
        lines.add("more=" + result.more());
        return lines;
    }

    @Provide
    Arbitrary<Double> cellDegrees() {
        return Arbitraries.of(0.01, 0.3, 7.0, 45.0, 90.0);
    }

    @Provide
    Arbitrary<PointFacts> points() {
        return RandomWorlds.points();
    }

    @Provide
    Arbitrary<Object[]> statuses() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 400),
                Arbitraries.of("E1", "E2", "E3", "E9"), Arbitraries.of(EvseStatus.class),
                Arbitraries.longs().between(0, 100)).as((id, evse, status, second) -> new Object[] {"P" + id, evse,
                    status, Instant.ofEpochSecond(1_780_000_000L + second)});
    }

    @Provide
    Arbitrary<SearchQuery> queries() {
        return RandomWorlds.queries();
    }

    @Provide
    Arbitrary<BoundingBox> boxes() {
        return RandomWorlds.boxes();
    }

    @Provide
    Arbitrary<Filters> filters() {
        return RandomWorlds.filters();
    }
}
