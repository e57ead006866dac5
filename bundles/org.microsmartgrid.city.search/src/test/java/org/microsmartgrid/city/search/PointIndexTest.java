package org.microsmartgrid.city.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.search.MapClusteringTest.point;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Live status, moves and bad input, as ingest and the HTTP layer use the index. */
class PointIndexTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Position DUOMO = new Position(45.4642, 9.1900);

    @Test
    void aReplayedOlderStatusNeverOverwritesANewerOne() {
        PointIndex index = new PointIndex();
        index.put(point("p", 45.4642, 9.19, "E1"));
        assertEquals(EvseStatus.UNKNOWN, index.get("p").orElseThrow().evses().get(0).status());
        assertTrue(index.updateStatus("p", "E1", EvseStatus.CHARGING, T0));
        assertFalse(index.updateStatus("p", "E1", EvseStatus.AVAILABLE, T0.minusSeconds(3600)));
        assertEquals(new EvseLive("E1", EvseStatus.CHARGING, T0), index.get("p").orElseThrow().evses().get(0));
        assertTrue(index.updateStatus("p", "E1", EvseStatus.AVAILABLE, T0.plusSeconds(1)));
        assertFalse(index.updateStatus("p", "E9", EvseStatus.AVAILABLE, T0), "unknown EVSE");
        assertFalse(index.updateStatus("nobody", "E1", EvseStatus.AVAILABLE, T0), "unknown point");
    }

    @Test
    void aMovedPointKeepsItsLiveStatusAndIsFoundOnlyAtItsNewPlace() {
        PointIndex index = new PointIndex();
        index.put(point("p", 45.4642, 9.19, "E1", "E2"));
        index.updateStatus("p", "E1", EvseStatus.AVAILABLE, T0);
        index.updateStatus("p", "E2", EvseStatus.CHARGING, T0);
        index.put(point("p", 41.9028, 12.4964, "E2", "E3"));
        assertEquals(List.of(new EvseLive("E2", EvseStatus.CHARGING, T0), new EvseLive("E3", EvseStatus.UNKNOWN,
                null)), index.get("p").orElseThrow().evses());
        assertEquals(List.of(), index.search(SearchQuery.near(DUOMO, 10_000)).hits());
        assertEquals(1, index.search(SearchQuery.near(new Position(41.9, 12.5), 10_000)).hits().size());
        assertTrue(index.remove("p"));
        assertFalse(index.remove("p"));
        assertEquals(0, index.size());
        assertEquals(List.of(), index.search(SearchQuery.near(new Position(41.9, 12.5), 10_000)).hits());
    }

    @Test
    void nearestFirstTiesByIdWithDistancesInMetresAndPages() {
        PointIndex index = new PointIndex();
        index.put(point("b", 45.4642, 9.19));
        index.put(point("a", 45.4642, 9.19));
        index.put(point("far", 45.4732, 9.19)); // 0.009° north: about 1 km
        index.put(point("rome", 41.9028, 12.4964));
        SearchResult first = index.search(SearchQuery.near(DUOMO, 600_000).withPage(2, 0));
        assertEquals(List.of("a", "b"), first.hits().stream().map(h -> h.point().facts().id()).toList());
        assertTrue(first.more());
        SearchResult second = index.search(SearchQuery.near(DUOMO, 600_000).withPage(2, 2));
        assertEquals(List.of("far", "rome"), second.hits().stream().map(h -> h.point().facts().id()).toList());
        assertFalse(second.more());
        assertEquals(1000.8, second.hits().get(0).distanceMetres(), 0.1);
        assertEquals(477_000, second.hits().get(1).distanceMetres(), 1_000, "Milan to Rome is about 477 km");
    }

    @Test
    void badQueriesAreRefusedWithTheParameterNamed() {
        assertEquals("latitude", assertThrows(InvalidQueryException.class,
                () -> new Position(Double.NaN, 9)).parameter());
        assertEquals("longitude", assertThrows(InvalidQueryException.class,
                () -> new Position(45, 180.5)).parameter());
        assertEquals("south", assertThrows(InvalidQueryException.class,
                () -> new BoundingBox(46, 9, 45, 10)).parameter());
        assertEquals("radius", assertThrows(InvalidQueryException.class,
                () -> SearchQuery.near(DUOMO, 0)).parameter());
        assertEquals("radius", assertThrows(InvalidQueryException.class,
                () -> SearchQuery.near(DUOMO, Double.POSITIVE_INFINITY)).parameter());
        assertEquals("limit", assertThrows(InvalidQueryException.class,
                () -> SearchQuery.near(DUOMO, 1000).withPage(SearchQuery.MAX_LIMIT + 1, 0)).parameter());
        assertEquals("offset", assertThrows(InvalidQueryException.class,
                () -> SearchQuery.near(DUOMO, 1000).withPage(10, -1)).parameter());
        assertEquals("minRating", assertThrows(InvalidQueryException.class,
                () -> Filters.builder().minRating(5.5).build()).parameter());
        assertEquals("rating", assertThrows(InvalidQueryException.class,
                () -> new PointFacts("x", 45, 9, java.util.Set.of(VehicleClass.CAR), java.util.Set.of(), 0, false,
                        java.util.Set.of(), java.util.OptionalDouble.of(6), OperatorType.BUSINESS,
                        OpeningHours.alwaysOpen(), false, List.of())).parameter());
        assertEquals("minRating", assertThrows(InvalidQueryException.class,
                () -> Filters.builder().minRating(Double.NaN)).parameter());
        assertEquals("evseUids", assertThrows(InvalidQueryException.class,
                () -> new PointFacts("x", 45, 9, java.util.Set.of(VehicleClass.CAR), java.util.Set.of(), 0, false,
                        java.util.Set.of(), java.util.OptionalDouble.empty(), OperatorType.BUSINESS,
                        OpeningHours.alwaysOpen(), false, java.util.Arrays.asList("E1", null))).parameter());
        String message = assertThrows(InvalidQueryException.class, () -> new Position(91, 9)).getMessage();
        assertTrue(message.contains("latitudine") && message.contains("latitude"), "Italian and English: " + message);
    }
}
