package org.microsmartgrid.city.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One nearest-first search. It collects every matching point within a search distance D, keeping the nearest
 * offset + limit + 1 of them in a bounded heap and counting all; if there are fewer than that and D is below the
 * query's radius, it grows D (by the density it saw) and collects again. A point not collected is farther than D, so
 * farther than every point collected: the heap holds the true first points. The grid only decides which cells to read.
 */
final class NearestSearch implements GridRows.Visitor {
    /** Where the search starts: in a city, a kilometre holds the first page; in the country it grows. */
    static final double FIRST_DISTANCE_METRES = 1_000;

    private final CellGrid grid;
    private final GridRows rows;
    private final SearchQuery query;
    private final double originLat;
    private final double originLatRad;
    private final double originLonRad;
    private final double cosOriginLat;
    private final BoundingBox box;
    private final CompiledFilters filters;
    private final NearestHeap heap;
    private double maxDistance;
    private double maxLatitudeRad;
    private int count;

    NearestSearch(CellGrid grid, GridRows rows, SearchQuery query) {
        this.grid = grid;
        this.rows = rows;
        this.query = query;
        this.originLat = query.origin().latitude();
        this.originLatRad = Math.toRadians(originLat);
        this.originLonRad = Math.toRadians(query.origin().longitude());
        this.cosOriginLat = Math.cos(originLatRad);
        this.box = query.box();
        this.filters = new CompiledFilters(query.filters());
        this.heap = new NearestHeap(query.offset() + query.limit() + 1);
    }

    /** Runs the search; {@code dedupe} when a writer changed the grid meanwhile (a moved point may show twice). */
    SearchResult run(boolean dedupe) {
        int needed = query.offset() + query.limit() + 1;
        double radius = Math.min(GreatCircle.MAX_DISTANCE_METRES, query.radiusMetres());
        double distance = Math.min(radius, FIRST_DISTANCE_METRES);
        while (true) {
            heap.clear();
            count = 0;
            collectWithin(distance);
            if (count >= needed || distance >= radius) {
                break;
            }
            // aim at the distance that holds the page at the density seen so far, within 1.5 to 4 times this one
            double growth = Math.sqrt(needed / (double) Math.max(1, count)) * 1.2;
            distance = Math.min(radius, distance * Math.max(1.5, Math.min(4, growth)));
        }
        List<Entry> entries = new ArrayList<>(heap.size());
        List<Double> distances = new ArrayList<>(heap.size());
        heap.drainSorted(entries, distances);
        if (dedupe) {
            dropRepeatedIds(entries, distances);
        }
        int from = Math.min(query.offset(), entries.size());
        int to = Math.min(from + query.limit(), entries.size());
        List<Hit> hits = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            hits.add(new Hit(entries.get(i).view(), distances.get(i)));
        }
        return new SearchResult(hits, (dedupe ? entries.size() : count) > to);
    }

    /** Collects the matching points at most {@code distance} metres (and the query's radius) from the origin. */
    private void collectWithin(double distance) {
        maxDistance = distance;
        double angle = distance / GreatCircle.EARTH_RADIUS_METRES;
        // the cells are chosen a hair wider than the distance, so rounding never leaves a point out
        double cellAngle = Math.min(Math.PI, angle * (1 + 1e-9) + 1e-12);
        maxLatitudeRad = cellAngle;
        double degrees = Math.toDegrees(cellAngle) + CellGrid.EPSILON_DEGREES;
        double south = Math.max(-90, originLat - degrees);
        double north = Math.min(90, originLat + degrees);
        int[] boxColumns = null;
        if (box != null) {
            south = Math.max(south, box.south() - CellGrid.EPSILON_DEGREES);
            north = Math.min(north, box.north() + CellGrid.EPSILON_DEGREES);
            boxColumns = grid.columnsOf(box);
        }
        if (south > north) {
            return;
        }
        for (int row = grid.row(south), last = grid.row(north); row <= last; row++) {
            if (rows.isEmpty(row)) {
                continue;
            }
            int[] columns = grid.columnsWithin(row, originLat, query.origin().longitude(), cosOriginLat, cellAngle);
            if (boxColumns != null) {
                columns = CellGrid.intersect(columns, boxColumns);
            }
            rows.visit(row, columns, this);
        }
    }

    @Override
    public void visit(Entry entry) {
        // the great-circle distance is at least the difference of latitudes: a cheap first cut
        if (Math.abs(entry.latRad - originLatRad) > maxLatitudeRad || !filters.matchesFacts(entry)) {
            return;
        }
        if (box != null && !box.contains(entry.facts.latitude(), entry.facts.longitude())) {
            return;
        }
        double distance = GreatCircle.EARTH_RADIUS_METRES * GreatCircle.centralAngle(originLatRad, cosOriginLat,
                entry.latRad, entry.cosLat, entry.lonRad - originLonRad);
        if (distance > maxDistance || distance > query.radiusMetres() || !filters.matchesNow(entry)) {
            return;
        }
        count++;
        heap.offer(entry, distance);
    }

    /** A point moved during the search may show at both places: keep its first (nearest) sighting. */
    private static void dropRepeatedIds(List<Entry> entries, List<Double> distances) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!seen.add(entries.get(i).facts.id())) {
                entries.remove(i);
                distances.remove(i);
                i--;
            }
        }
    }
}
