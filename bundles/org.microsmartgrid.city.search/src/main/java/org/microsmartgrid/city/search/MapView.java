package org.microsmartgrid.city.search;

import java.util.List;

/**
 * What a map shows for a box at a zoom: clusters, and points alone in their cell. The counts of the clusters plus the
 * single points are exactly the matching points in the box. Clusters are ordered by cell (north-west first), points
 * by id, so the same index answers the same way.
 */
public record MapView(List<Cluster> clusters, List<PointView> points) {
    public MapView {
        clusters = List.copyOf(clusters);
        points = List.copyOf(points);
    }

    /** The number of points the view stands for. */
    public int total() {
        int total = points.size();
        for (Cluster cluster : clusters) {
            total += cluster.count();
        }
        return total;
    }
}
