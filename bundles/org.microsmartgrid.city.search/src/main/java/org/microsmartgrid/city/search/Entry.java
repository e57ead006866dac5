package org.microsmartgrid.city.search;

/**
 * One point as the index holds it: its facts, what the distance and the map need precomputed, and its live status.
 * Immutable but for the live slots; a changed point is a new entry (sharing the live status when its EVSEs are the
 * same), which is how readers tell a current entry from a replaced one (identity, see {@link PointIndex}).
 */
final class Entry {
    final PointFacts facts;
    final LiveStatus live;
    final long cellKey;
    final double latRad;
    final double lonRad;
    final double cosLat;
    /** Web Mercator x and y in [0, 1] (y grows southwards), for the map clusters. */
    final double mercatorX;
    final double mercatorY;
    /** The facts the filters test, as bit masks by enum ordinal (see {@link CompiledFilters}). */
    final int vehicles;
    final long connectors;
    final int facilities;
    final int operator;
    /** NaN when unrated. */
    final double rating;
    final long maxPowerW;
    final boolean freeOfCharge;

    Entry(PointFacts facts, LiveStatus live, long cellKey) {
        this.facts = facts;
        this.live = live;
        this.cellKey = cellKey;
        this.latRad = Math.toRadians(facts.latitude());
        this.lonRad = Math.toRadians(facts.longitude());
        this.cosLat = Math.cos(latRad);
        this.mercatorX = WebMercator.x(facts.longitude());
        this.mercatorY = WebMercator.y(facts.latitude());
        this.vehicles = CompiledFilters.mask(facts.vehicleClasses());
        this.connectors = CompiledFilters.longMask(facts.connectors());
        this.facilities = CompiledFilters.mask(facts.facilities());
        this.operator = 1 << facts.operatorType().ordinal();
        this.rating = facts.rating().orElse(Double.NaN);
        this.maxPowerW = facts.maxPowerW();
        this.freeOfCharge = facts.freeOfCharge();
    }

    PointView view() {
        return new PointView(facts, live.snapshot());
    }

}
