package org.microsmartgrid.city.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups the matching points of a box for a map at a zoom: each 256-pixel Web Mercator tile is cut into 4 × 4 cells
 * of 64 pixels, and the points of one cell become one cluster (or stay a point when alone), so the answer has at
 * most a few thousand features however many points the box holds.
 */
final class MapClustering implements GridRows.Visitor {
    /** log2 of the cells per tile side: 4 × 4 cells of 64 pixels per 256-pixel tile. */
    private static final int CELL_BITS = 2;

    /** The points of one map cell, summed as they are visited. */
    private static final class Group {
        Entry first;
        int count;
        int available;
        double sumLat;
        double sumLon;
        double south = 90;
        double north = -90;
        double west = 180;
        double east = -180;

        void add(Entry entry) {
            double lat = entry.facts.latitude();
            double lon = entry.facts.longitude();
            if (first == null) {
                first = entry;
            }
            count++;
            if (entry.live.availableNow()) {
                available++;
            }
            sumLat += lat;
            sumLon += lon;
            south = Math.min(south, lat);
            north = Math.max(north, lat);
            west = Math.min(west, lon);
            east = Math.max(east, lon);
        }
    }

    private final CellGrid grid;
    private final GridRows rows;
    private final Map<Long, Group> groups = new TreeMap<>();
    private BoundingBox box;
    private CompiledFilters filters;
    private long cellsPerSide;

    MapClustering(CellGrid grid, GridRows rows) {
        this.grid = grid;
        this.rows = rows;
    }

    MapView run(BoundingBox box, int zoom, Filters filters) {
        if (zoom < 0 || zoom > PointIndex.MAX_MAP_ZOOM) {
            throw new InvalidQueryException("zoom", "zoom fuori da [0, " + PointIndex.MAX_MAP_ZOOM + "]: " + zoom,
                    "zoom outside [0, " + PointIndex.MAX_MAP_ZOOM + "]: " + zoom);
        }
        double tiles = tilesCovered(box, zoom);
        if (tiles > PointIndex.MAX_MAP_TILES) {
            throw new InvalidQueryException("bbox", "riquadro troppo grande per lo zoom " + zoom + " (" + (long) tiles
                    + " tessere, massimo " + PointIndex.MAX_MAP_TILES + ")", "box too large for zoom " + zoom + " ("
                    + (long) tiles + " tiles, at most " + PointIndex.MAX_MAP_TILES + ")");
        }
        this.box = box;
        this.filters = new CompiledFilters(filters);
        this.cellsPerSide = 1L << (zoom + CELL_BITS);
        int[] columns = grid.columnsOf(box);
        for (int row = grid.row(box.south() - CellGrid.EPSILON_DEGREES),
                last = grid.row(box.north() + CellGrid.EPSILON_DEGREES); row <= last; row++) {
            rows.visit(row, columns, this);
        }
        List<Cluster> clusters = new ArrayList<>();
        List<PointView> points = new ArrayList<>();
        for (Group g : groups.values()) {
            if (g.count == 1) {
                points.add(g.first.view());
            } else {
                // the mean of doubles can round just outside its points (three points at 45.45 average 45.45000000000001):
                // the marker must stand among the points it groups
                double latitude = Math.min(g.north, Math.max(g.south, g.sumLat / g.count));
                double longitude = Math.min(g.east, Math.max(g.west, g.sumLon / g.count));
                clusters.add(new Cluster(g.count, latitude, longitude, g.available,
                        new BoundingBox(g.south, g.west, g.north, g.east)));
            }
        }
        points.sort(Comparator.comparing(p -> p.facts().id()));
        return new MapView(clusters, points);
    }

    @Override
    public void visit(Entry entry) {
        if (!box.contains(entry.facts.latitude(), entry.facts.longitude()) || !filters.matches(entry)) {
            return;
        }
        long x = Math.min(cellsPerSide - 1, (long) (entry.mercatorX * cellsPerSide));
        long y = Math.min(cellsPerSide - 1, (long) (entry.mercatorY * cellsPerSide));
        groups.computeIfAbsent(y * cellsPerSide + x, k -> new Group()).add(entry);
    }

    /** How many map tiles the box touches at the zoom (counting partly covered tiles). */
    private static double tilesCovered(BoundingBox box, int zoom) {
        double tilesPerSide = Math.pow(2, zoom);
        double across = Math.min(tilesPerSide, Math.ceil(box.widthDegrees() / 360 * tilesPerSide) + 1);
        double down = Math.min(tilesPerSide,
                Math.ceil((WebMercator.y(box.south()) - WebMercator.y(box.north())) * tilesPerSide) + 1);
        return across * down;
    }
}
