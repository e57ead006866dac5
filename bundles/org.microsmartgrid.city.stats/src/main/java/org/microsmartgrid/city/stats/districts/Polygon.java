package org.microsmartgrid.city.stats.districts;

import java.util.List;

/**
 * One polygon of a district's boundary as GeoJSON gives it (RFC 7946 §3.1.6): an outer ring and any holes, each a
 * closed list of [longitude, latitude] positions. Containment is the even-odd rule over all rings (a ray from the
 * point crosses the boundary an odd number of times), which also leaves holes out. Plane geometry on degrees: exact
 * enough for city districts a few kilometres wide, whose edges are short.
 */
public record Polygon(List<double[][]> rings) {

    public Polygon {
        if (rings.isEmpty()) throw new IllegalArgumentException("a polygon needs an outer ring");
        rings = List.copyOf(rings);
    }

    /** A point exactly on an edge may count as in or out: districts touch, and the first one listed then wins. */
    public boolean contains(double lat, double lon) {
        boolean inside = false;
        for (double[][] ring : rings) {
            for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                double xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
                // the edge (j, i) straddles the point's latitude, and the crossing is east of the point
                if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) inside = !inside;
            }
        }
        return inside;
    }
}
