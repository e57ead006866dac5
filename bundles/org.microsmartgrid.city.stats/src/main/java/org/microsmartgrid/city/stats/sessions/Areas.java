package org.microsmartgrid.city.stats.sessions;

import java.util.Locale;

/**
 * The grid the statistics place points and unmet searches on: cells of {@code cellDegrees} of latitude and longitude
 * (0.01° is about 1.1 km north-south and 0.8 km east-west in Milan), named by their south-west corner. Coarse on
 * purpose: a cell holds many homes, so an aggregate never points at one (docs/statistics.md).
 */
public final class Areas {

    private Areas() {
    }

    public static String cell(double lat, double lon, double cellDegrees) {
        if (!(cellDegrees > 0)) throw new IllegalArgumentException("cell size must be positive");
        double south = Math.floor(lat / cellDegrees) * cellDegrees;
        double west = Math.floor(lon / cellDegrees) * cellDegrees;
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(cellDegrees)));
        return String.format(Locale.ROOT, "%." + decimals + "f,%." + decimals + "f", south + 1e-9, west + 1e-9);
    }
}
