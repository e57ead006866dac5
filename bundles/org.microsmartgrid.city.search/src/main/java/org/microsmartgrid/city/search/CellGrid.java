package org.microsmartgrid.city.search;

import java.util.Arrays;

/**
 * The geometry of the index's grid: cells of {@code cellDegrees} × {@code cellDegrees} in latitude and longitude,
 * rows from the south pole, columns from the antimeridian (-180). It answers which columns of a row can hold a point
 * within an angular distance of an origin, and which columns a box covers, as sorted, disjoint, inclusive
 * {@code [from, to]} pairs. Bounds are conservative (cells widened by {@link #EPSILON_DEGREES}): a column may be
 * listed needlessly, never missed; the exact test is made on each point.
 */
final class CellGrid {
    /** Widening of every cell, against rounding of a point into the neighbouring cell. */
    static final double EPSILON_DEGREES = 1e-9;
    private static final int[] NONE = new int[0];

    final double cellDegrees;
    final int rows;
    final int cols;
    private final int[] allColumns;

    CellGrid(double cellDegrees) {
        if (!(cellDegrees > 0 && cellDegrees <= 90)) {
            throw new IllegalArgumentException("cell size outside (0, 90] degrees: " + cellDegrees);
        }
        this.cellDegrees = cellDegrees;
        this.rows = (int) Math.ceil(180 / cellDegrees);
        this.cols = (int) Math.ceil(360 / cellDegrees);
        this.allColumns = new int[] {0, cols - 1};
    }

    int row(double latitude) {
        return clamp((int) Math.floor((latitude + 90) / cellDegrees), rows);
    }

    int col(double longitude) {
        return clamp((int) Math.floor((longitude + 180) / cellDegrees), cols);
    }

    long key(double latitude, double longitude) {
        return (long) row(latitude) * cols + col(longitude);
    }

    double rowSouth(int row) {
        return Math.max(-90, -90 + row * cellDegrees - EPSILON_DEGREES);
    }

    double rowNorth(int row) {
        return Math.min(90, -90 + (row + 1) * cellDegrees + EPSILON_DEGREES);
    }

    /**
     * Columns of {@code row} that may hold a point within {@code angle} radians (≤ π) of the origin: a point in the
     * row's band is at least as far as hav(d) ≥ hav(Δφmin) + cos φ0 · min cos φ · hav(Δλ), so columns beyond the Δλ
     * that makes this exceed hav(angle) are left out.
     */
    int[] columnsWithin(int row, double originLat, double originLon, double cosOriginLat, double angle) {
        double south = Math.toRadians(rowSouth(row));
        double north = Math.toRadians(rowNorth(row));
        double phi = Math.toRadians(originLat);
        double dPhiMin = phi >= south && phi <= north ? 0 : Math.min(Math.abs(phi - south), Math.abs(phi - north));
        double h = GreatCircle.hav(Math.min(angle, Math.PI)) - GreatCircle.hav(dPhiMin);
        if (h < 0) {
            return NONE;
        }
        double denominator = cosOriginLat * Math.max(0, Math.min(Math.cos(south), Math.cos(north)));
        if (denominator <= 0 || h >= denominator) {
            return allColumns;
        }
        double dLon = Math.toDegrees(2 * Math.asin(Math.sqrt(h / denominator))) + EPSILON_DEGREES;
        if (dLon >= 180) {
            return allColumns;
        }
        return longitudes(originLon - dLon, originLon + dLon);
    }

    /** Columns a box covers (both ends of the antimeridian when it touches it). */
    int[] columnsOf(BoundingBox box) {
        if (box.widthDegrees() >= 360) {
            return allColumns;
        }
        int[] ranges = box.crossesAntimeridian() ? longitudes(box.west(), box.east() + 360)
                : longitudes(box.west(), box.east());
        // -180 and 180 are one meridian: a box reaching either holds the points at the other
        if (box.west() == -180 || box.east() == 180) {
            ranges = union(ranges, new int[] {0, 0, cols - 1, cols - 1});
        }
        return ranges;
    }

    /** Columns from longitude {@code from} to {@code to} (from ≤ to, each within one turn of [-180, 180]). */
    private int[] longitudes(double from, double to) {
        double lo = from - EPSILON_DEGREES;
        double hi = to + EPSILON_DEGREES;
        if (lo < -180) {
            return union(new int[] {0, col(hi)}, new int[] {col(lo + 360), cols - 1});
        }
        if (hi > 180) {
            return union(new int[] {0, col(hi - 360)}, new int[] {col(lo), cols - 1});
        }
        return new int[] {col(lo), col(hi)};
    }

    /** The columns in both sets of ranges. */
    static int[] intersect(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int n = 0;
        for (int i = 0; i < a.length; i += 2) {
            for (int j = 0; j < b.length; j += 2) {
                int from = Math.max(a[i], b[j]);
                int to = Math.min(a[i + 1], b[j + 1]);
                if (from <= to) {
                    out[n++] = from;
                    out[n++] = to;
                }
            }
        }
        return normalize(Arrays.copyOf(out, n));
    }

    /** The columns in either set of ranges. */
    static int[] union(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return normalize(all);
    }

    /** Sorted, disjoint, merged ranges, so no column is visited twice. */
    private static int[] normalize(int[] ranges) {
        int pairs = ranges.length / 2;
        long[] packed = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            packed[i] = ((long) ranges[2 * i] << 32) | (ranges[2 * i + 1] & 0xffffffffL);
        }
        Arrays.sort(packed);
        int[] out = new int[ranges.length];
        int n = 0;
        for (long p : packed) {
            int from = (int) (p >>> 32);
            int to = (int) p;
            if (n > 0 && from <= out[n - 1] + 1) {
                out[n - 1] = Math.max(out[n - 1], to);
            } else {
                out[n++] = from;
                out[n++] = to;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static int clamp(int index, int size) {
        return Math.max(0, Math.min(size - 1, index));
    }
}
