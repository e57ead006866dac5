package org.microsmartgrid.city.search.bench;

import java.util.List;

import org.microsmartgrid.city.search.Filters;
import org.microsmartgrid.city.search.PointIndex;
import org.microsmartgrid.city.search.Position;
import org.microsmartgrid.city.search.SearchQuery;
import org.microsmartgrid.city.search.VehicleClass;

/**
 * The query both engines answer: the 20 nearest points within 10 km of where a person is, either with no filter
 * ("plain") or for an e-bike, available now, at least 3.7 kW ("filtered", about a quarter of the points pass).
 */
public final class BenchQueries {
    public static final double RADIUS_METRES = 10_000;
    public static final int LIMIT = 20;
    public static final long MIN_POWER_W = 3700;
    public static final VehicleClass VEHICLE = VehicleClass.E_BIKE;
    /** A power of two, so a cursor wraps with a mask. */
    public static final int ORIGINS = 4096;
    public static final long POINTS_SEED = 1;
    public static final long ORIGINS_SEED = 2;

    private BenchQueries() {
    }

    public static List<Position> origins() {
        return ItalyPoints.origins(ORIGINS, ORIGINS_SEED);
    }

    public static SearchQuery query(Position origin, boolean filtered) {
        SearchQuery q = SearchQuery.near(origin, RADIUS_METRES).withPage(LIMIT, 0);
        return filtered ? q.withFilters(Filters.builder().vehicleClass(VEHICLE).availableNow()
                .minPowerW(MIN_POWER_W).build()) : q;
    }

    /** The index the in-process benchmark searches, with every EVSE's live status set. */
    public static PointIndex index(List<ItalyPoints.Point> points) {
        PointIndex index = new PointIndex();
        for (ItalyPoints.Point p : points) {
            index.put(p.facts());
            for (int i = 0; i < p.statuses().size(); i++) {
                index.updateStatus(p.facts().id(), p.facts().evseUids().get(i), p.statuses().get(i),
                        ItalyPoints.STATUS_TIME);
            }
        }
        return index;
    }
}
