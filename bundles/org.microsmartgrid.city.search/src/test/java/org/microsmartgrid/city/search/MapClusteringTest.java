package org.microsmartgrid.city.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What a map gets for a box and a zoom. */
class MapClusteringTest {
    private static final BoundingBox MILAN = new BoundingBox(45.40, 9.05, 45.55, 9.30);

    static PointFacts point(String id, double lat, double lon, String... evses) {
        return new PointFacts(id, lat, lon, Set.of(VehicleClass.E_BIKE), Set.of(ConnectorStandard.DOMESTIC_F), 2300,
                true, Set.of(), OptionalDouble.empty(), OperatorType.PUBLIC_BODY, OpeningHours.alwaysOpen(), true,
                List.of(evses));
    }

    @Test
    void nearbyPointsClusterWhenZoomedOutAndSplitWhenZoomedIn() {
        PointIndex index = new PointIndex();
        index.put(point("duomo-1", 45.4642, 9.1900, "E1"));
        index.put(point("duomo-2", 45.4645, 9.1905, "E1"));
        index.put(point("duomo-3", 45.4640, 9.1897, "E1", "E2"));
        index.put(point("bicocca", 45.5140, 9.2110, "E1"));
        index.put(point("rome", 41.9028, 12.4964, "E1"));
        index.updateStatus("duomo-2", "E1", EvseStatus.AVAILABLE, Instant.parse("2026-12-07T10:00:00Z"));
        index.updateStatus("duomo-3", "E2", EvseStatus.AVAILABLE, Instant.parse("2026-12-07T10:00:00Z"));

        MapView city = index.map(MILAN, 12, Filters.NONE);
        assertEquals(1, city.clusters().size());
        Cluster duomo = city.clusters().get(0);
        assertEquals(3, duomo.count());
        assertEquals(2, duomo.available(), "points with an AVAILABLE EVSE, not EVSEs");
        assertEquals((45.4642 + 45.4645 + 45.4640) / 3, duomo.latitude(), 1e-9);
        assertEquals((9.1900 + 9.1905 + 9.1897) / 3, duomo.longitude(), 1e-9);
        assertEquals(new BoundingBox(45.4640, 9.1897, 45.4645, 9.1905), duomo.extent());
        assertEquals(List.of("bicocca"), city.points().stream().map(p -> p.facts().id()).toList());
        assertEquals(4, city.total(), "Rome is outside the box");

        MapView street = index.map(new BoundingBox(45.463, 9.188, 45.466, 9.192), 19, Filters.NONE);
        assertEquals(List.of(), street.clusters());
        assertEquals(List.of("duomo-1", "duomo-2", "duomo-3"),
                street.points().stream().map(p -> p.facts().id()).toList());

        MapView available = index.map(MILAN, 12, Filters.builder().availableNow().build());
        assertEquals(2, available.total());
    }

    @Test
    void aClusterOfPointsAtOnePlaceStandsExactlyThere() {
        // three points in one courtyard: the mean of 45.45 three times is 45.45000000000001 in doubles, north of all
        // three (a full run's property test found it); the marker must stand among its points, not beside them
        PointIndex index = new PointIndex();
        for (int i = 0; i < 3; i++) index.put(point("cortile-" + i, 45.45, 9.1));
        Cluster c = index.map(MILAN, 12, Filters.NONE).clusters().get(0);
        assertEquals(3, c.count());
        assertEquals(45.45, c.latitude());
        assertEquals(9.1, c.longitude());
        assertEquals(true, c.extent().contains(c.latitude(), c.longitude()));
    }

    @Test
    void theWholeItalyAtALowZoomIsAFewClusters() {
        PointIndex index = new PointIndex();
        for (int i = 0; i < 1000; i++) {
            index.put(point("p" + i, 37 + (i % 40) * 0.2, 7 + (i / 40) * 0.4));
        }
        MapView italy = index.map(new BoundingBox(35, 6, 47.5, 19), 5, Filters.NONE);
        assertEquals(1000, italy.total());
        assertEquals(true, italy.clusters().size() + italy.points().size() < 100);
    }

    @Test
    void tooManyTilesOrABadZoomAreRefused() {
        PointIndex index = new PointIndex();
        BoundingBox world = new BoundingBox(-90, -180, 90, 180);
        assertEquals(0, index.map(world, 4, Filters.NONE).total(), "16 x 16 tiles is fine");
        assertEquals("bbox", assertThrows(InvalidQueryException.class,
                () -> index.map(world, 6, Filters.NONE)).parameter());
        assertEquals("zoom", assertThrows(InvalidQueryException.class,
                () -> index.map(MILAN, 23, Filters.NONE)).parameter());
        assertEquals("zoom", assertThrows(InvalidQueryException.class,
                () -> index.map(MILAN, -1, Filters.NONE)).parameter());
    }
}
