package org.microsmartgrid.city.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One nearest-first search. It collects every matching point within a search distance, starting at
 * {@link #FIRST_DISTANCE_METRES} and growing it fourfold until the page (plus one, to know whether there is more) is
 * full or the query's radius is reached. Every point beyond the search distance is farther than every point
 * collected, so the sorted collection's first points are the true answer; the grid only decides which cells to read.
 */
final class NearestSearch implements GridRows.Visitor {
    /** Where the search starts: in a city, a kilometre holds the first page; in the country it grows. */
    static final double FIRST_DISTANCE_METRES = 1_000;
    private static final Comparator<Candidate> NEAREST_FIRST =
            Comparator.comparingDouble(Candidate::distance).thenComparing(c -> c.entry.facts.id());

    private record Candidate(Entry entry, double distance) {
    }

    private final CellGrid grid;
    private final GridRows rows;
    private final SearchQuery query;
    private final double originLat;
    private final double originLon;
    private final double originLatRad;
    private final double originLonRad;
    private final double cosOriginLat;
    private final BoundingBox box;
    private final Filters filters;
    private final List<Candidate> found = new ArrayList<>();
    private double maxAngle;

    NearestSearch(CellGrid grid, GridRows rows, SearchQuery query) {
        this.grid = grid;
        this.rows = rows;
        this.query = query;
        this.originLat = query.origin().latitude();
        this.originLon = query.origin().longitude();
        this.originLatRad = Math.toRadians(originLat);
        this.originLonRad = Math.toRadians(originLon);
        this.cosOriginLat = Math.cos(originLatRad);
        this.box = query.box();
        this.filters = query.filters();
    }

    SearchResult run() {
        int needed = query.offset() + query.limit() + 1;
        double radiusAngle = Math.min(Math.PI, query.radiusMetres() / GreatCircle.EARTH_RADIUS_METRES);
        double angle = Math.min(radiusAngle, FIRST_DISTANCE_METRES / GreatCircle.EARTH_RADIUS_METRES);
        List<Candidate> unique;
        while (true) {
            found.clear();
            collectWithin(angle);
            unique = sortedUnique();
            if (unique.size() >= needed || angle >= radiusAngle) {
                break;
            }
            angle = Math.min(radiusAngle, angle * 4);
        }
        int from = Math.min(query.offset(), unique.size());
        int to = Math.min(from + query.limit(), unique.size());
        List<Hit> hits = new ArrayList<>(to - from);
        for (Candidate c : unique.subList(from, to)) {
            hits.add(new Hit(c.entry.view(), c.distance));
        }
        return new SearchResult(hits, unique.size() > to);
    }

    /** Collects the matching points at most {@code angle} radians (and the query's radius) from the origin. */
    private void collectWithin(double angle) {
        maxAngle = angle;
        // the cells are chosen a hair wider than the angle, so rounding never leaves a point out
        double cellAngle = angle * (1 + 1e-9) + 1e-12;
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
            int[] columns = grid.columnsWithin(row, originLat, originLon, cosOriginLat, cellAngle);
            if (boxColumns != null) {
                columns = CellGrid.intersect(columns, boxColumns);
            }
            rows.visit(row, columns, this);
        }
    }

    @Override
    public void visit(Entry entry) {
        double angle = GreatCircle.centralAngle(originLatRad, cosOriginLat, entry.latRad, entry.cosLat,
                entry.lonRad - originLonRad);
        if (angle > maxAngle) {
            return;
        }
        double distance = GreatCircle.EARTH_RADIUS_METRES * angle;
        if (distance > query.radiusMetres()) {
            return;
        }
        if (box != null && !box.contains(entry.facts.latitude(), entry.facts.longitude())) {
            return;
        }
        if (entry.matches(filters)) {
            found.add(new Candidate(entry, distance));
        }
    }

    /** Nearest first, ties by id; a point moved during the search counts once (its first sighting). */
    private List<Candidate> sortedUnique() {
        found.sort(NEAREST_FIRST);
        Set<String> seen = new HashSet<>();
        List<Candidate> unique = new ArrayList<>(found.size());
        for (Candidate c : found) {
            if (seen.add(c.entry.facts.id())) {
                unique.add(c);
            }
        }
        return unique;
    }
}
