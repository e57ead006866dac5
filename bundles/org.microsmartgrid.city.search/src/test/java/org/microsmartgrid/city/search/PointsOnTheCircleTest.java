package org.microsmartgrid.city.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/**
 * The hardest points for a grid: those right on the edge of the search circle, in every direction, including around
 * the poles and across the antimeridian. A point a hair inside the radius must be found, one a hair outside must not,
 * whichever cell it falls in: the answer equals the brute-force reference exactly.
 */
class PointsOnTheCircleTest {

    @Property(tries = 300)
    void pointsOnTheEdgeOfTheRadiusAreDecidedExactly(@ForAll("cellDegrees") double cellDegrees,
            @ForAll("origins") Position origin,
            @ForAll @DoubleRange(min = 50, max = 3_000_000) double radius,
            @ForAll @Size(min = 1, max = 120) List<@DoubleRange(min = 0, max = 360) Double> bearings,
            @ForAll @Size(min = 1, max = 120) List<@DoubleRange(min = -1e-6, max = 1e-6) @net.jqwik.api.constraints.Scale(12) Double> slack) {
        PointIndex index = new PointIndex(cellDegrees);
        List<PointView> views = new ArrayList<>();
        for (int i = 0; i < bearings.size(); i++) {
            double distance = radius * (1 + slack.get(i % slack.size()));
            Position p = destination(origin, bearings.get(i), distance);
            PointFacts facts = new PointFacts("R" + i, p.latitude(), p.longitude(), Set.of(VehicleClass.CAR),
                    Set.of(), 0, false, Set.of(), OptionalDouble.empty(), OperatorType.BUSINESS,
                    OpeningHours.alwaysOpen(), false, List.of());
            index.put(facts);
            views.add(index.get(facts.id()).orElseThrow());
        }
        SearchQuery query = SearchQuery.near(origin, radius).withPage(SearchQuery.MAX_LIMIT, 0);
        assertEquals(ids(BruteForce.search(views, query)), ids(index.search(query)));
    }

    /** Where one arrives going {@code metres} from {@code from} along the great circle of {@code bearing} degrees. */
    static Position destination(Position from, double bearing, double metres) {
        double delta = metres / GreatCircle.EARTH_RADIUS_METRES;
        double theta = Math.toRadians(bearing);
        double phi1 = Math.toRadians(from.latitude());
        double phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta)
                + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
        double lambda = Math.toRadians(from.longitude()) + Math.atan2(Math.sin(theta) * Math.sin(delta)
                * Math.cos(phi1), Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
        double lon = Math.toDegrees(lambda);
        lon = ((lon + 540) % 360) - 180;
        return new Position(Math.max(-90, Math.min(90, Math.toDegrees(phi2))), Math.max(-180, Math.min(180, lon)));
    }

    private static List<String> ids(SearchResult result) {
        List<String> ids = new ArrayList<>();
        result.hits().forEach(h -> ids.add(h.point().facts().id() + "@" + h.distanceMetres()));
        return ids;
    }

    @Provide
    Arbitrary<Double> cellDegrees() {
        return Arbitraries.of(0.01, 0.3, 7.0, 45.0);
    }

    @Provide
    Arbitrary<Position> origins() {
        return RandomWorlds.positions();
    }
}
