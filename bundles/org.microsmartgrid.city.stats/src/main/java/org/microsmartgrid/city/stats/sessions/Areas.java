package org.microsmartgrid.city.stats.sessions;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The grid the statistics place points and unmet searches on: cells of {@code cellDegrees} of latitude and longitude
 * (0.01° is about 1.1 km north-south and 0.8 km east-west in Milan), named by their south-west corner. Coarse on
 * purpose: a cell holds many homes, so an aggregate never points at one (docs/statistics.md).
 *
 * <p>A cell is the half-open decimal square [k·size, (k+1)·size). The arithmetic is decimal and exact: a coordinate
 * is taken as written (Java's shortest decimal form of the double, so 9.19 is 9.19, not the binary 9.18999…, which
 * floating-point division would put in the cell to the west), and the cell size likewise.
 */
public final class Areas {

    private Areas() {
    }

    public static String cell(double lat, double lon, double cellDegrees) {
        if (!(cellDegrees > 0) || !Double.isFinite(cellDegrees))
            throw new IllegalArgumentException("cell size must be positive");
        BigDecimal size = BigDecimal.valueOf(cellDegrees);
        int decimals = Math.max(0, size.stripTrailingZeros().scale());
        return corner(lat, size, decimals) + "," + corner(lon, size, decimals);
    }

    /** The start of the cell the coordinate is in, with the cell size's decimals. */
    private static String corner(double coordinate, BigDecimal size, int decimals) {
        BigDecimal index = BigDecimal.valueOf(coordinate).divide(size, 0, RoundingMode.FLOOR);
        return index.multiply(size).setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
    }
}
