package org.microsmartgrid.city.search;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory registry the public search answers from: every point's static facts in a latitude/longitude grid,
 * and each EVSE's live status beside them.
 *
 * <p>Concurrency (docs/city-search.md): readers ({@link #search}, {@link #map}, {@link #get}) never take a lock and
 * never wait. Live status updates ({@link #updateStatus}) are one compare-and-set on the EVSE's slot, lock-free, so
 * ingest can do thousands per second next to any number of readers. Structural changes ({@link #put},
 * {@link #remove}) are serialized among themselves and replace one grid row by copy-on-write; a reader running at the
 * same time sees a moved point at its old or its new place, at most once.
 *
 * <p>Thread-safe.
 */
public final class PointIndex {
    /** The grid's cell: 0.01° is about 1.1 km × 0.8 km in Milan, tens of points per cell where they are densest. */
    static final double DEFAULT_CELL_DEGREES = 0.01;

    /** The highest map zoom {@link #map} accepts (slippy-map levels, 0 = the whole world in one tile). */
    public static final int MAX_MAP_ZOOM = 22;
    /** The most 256-pixel map tiles a {@link #map} box may cover at its zoom (a 4K screen shows about 150). */
    public static final int MAX_MAP_TILES = 400;

    private final CellGrid grid;
    private final GridRows rows;
    private final ConcurrentHashMap<String, Entry> byId = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    /** Odd while a writer changes the grid, bumped twice per change: a search that saw it move retries. */
    private volatile long structureVersion;
    /** How often a search retries when writers keep moving points before it deduplicates instead. */
    private static final int SEARCH_ATTEMPTS = 3;

    public PointIndex() {
        this(DEFAULT_CELL_DEGREES);
    }

    /** An index with another cell size: tests use coarse cells to reach the poles and the antimeridian. */
    PointIndex(double cellDegrees) {
        this.grid = new CellGrid(cellDegrees);
        this.rows = new GridRows(grid);
    }

    /**
     * Adds the point, or replaces the point with the same id (moved, or other facts). The live status of the EVSEs
     * it keeps (same uid) is kept; new EVSEs start UNKNOWN.
     */
    public void put(PointFacts facts) {
        InvalidQueryException.required("facts", facts);
        synchronized (writeLock) {
            Entry old = byId.get(facts.id());
            LiveStatus live = old != null && old.live.sameEvses(facts.evseUids()) ? old.live
                    : new LiveStatus(facts.evseUids(), old == null ? null : old.live);
            Entry entry = new Entry(facts, live, grid.key(facts.latitude(), facts.longitude()));
            structureVersion++;
            // new place first, then the map, then the old place
            rows.add(entry);
            byId.put(facts.id(), entry);
            if (old != null) {
                rows.remove(old);
            }
            structureVersion++;
        }
    }

    /** {@link #put} for each point, e.g. when the registry is loaded from the database. */
    public void putAll(Collection<PointFacts> points) {
        for (PointFacts facts : points) {
            put(facts);
        }
    }

    /** Removes the point; false if there was none with this id. */
    public boolean remove(String id) {
        synchronized (writeLock) {
            Entry old = byId.remove(id);
            if (old == null) {
                return false;
            }
            structureVersion++;
            rows.remove(old);
            structureVersion++;
            return true;
        }
    }

    /**
     * Sets an EVSE's live status, unless the point or the EVSE is unknown or the index holds a status captured later
     * (a replayed message never overwrites a newer status; an equal time overwrites). Lock-free.
     *
     * @return whether the status was set
     */
    public boolean updateStatus(String pointId, String evseUid, EvseStatus status, Instant capturedAt) {
        InvalidQueryException.required("status", status);
        InvalidQueryException.required("capturedAt", capturedAt);
        while (true) {
            Entry entry = pointId == null ? null : byId.get(pointId);
            if (entry == null) {
                return false;
            }
            boolean set = entry.live.update(evseUid, status, capturedAt);
            // a put that replaced the entry's live status meanwhile may have copied it before this update: again
            if (byId.get(pointId) == entry) {
                return set;
            }
        }
    }

    /** The point with this id, as now. */
    public Optional<PointView> get(String id) {
        Entry entry = id == null ? null : byId.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.view());
    }

    /** How many points the index holds. */
    public int size() {
        return byId.size();
    }

    /** One page of the matching points, nearest first (see {@link SearchQuery}). */
    public SearchResult search(SearchQuery query) {
        InvalidQueryException.required("query", query);
        for (int attempt = 1; attempt < SEARCH_ATTEMPTS; attempt++) {
            long before = structureVersion;
            SearchResult result = new NearestSearch(grid, rows, query).run(false);
            if ((before & 1) == 0 && structureVersion == before) {
                return result;
            }
        }
        return new NearestSearch(grid, rows, query).run(true);
    }

    /**
     * The matching points inside {@code box}, grouped for a map at {@code zoom} . Points are grouped by cells of 64 × 64 pixels of the map
     * (4 × 4 per 256-pixel tile, Web Mercator); a cell with one point gives that point, a cell with more a cluster.
     *
     * @throws InvalidQueryException if the zoom is outside 0..{@link #MAX_MAP_ZOOM} or the box covers more
     *                               than {@link #MAX_MAP_TILES} map tiles at that zoom
     */
    public MapView map(BoundingBox box, int zoom, Filters filters) {
        return new MapClustering(grid, rows).run(InvalidQueryException.required("box", box), zoom,
                InvalidQueryException.required("filters", filters));
    }
}
