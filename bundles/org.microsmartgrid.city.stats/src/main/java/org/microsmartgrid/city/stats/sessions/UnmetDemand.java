package org.microsmartgrid.city.stats.sessions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.microsmartgrid.city.stats.energy.HourEnergy;

/**
 * Map searches per grid cell and hour, and those whose answer had no free point within walking distance. The search's
 * position is reduced to its cell here and never kept. Not thread-safe (its owner locks).
 */
public final class UnmetDemand {

    /** One cell's hour. */
    public record Cell(String area, long hourStart, int searches, int unmet) {
    }

    private final double cellDegrees;
    private final double walkMetres;
    private Map<String, int[]> pending = new HashMap<>();

    public UnmetDemand(double cellDegrees, double walkMetres) {
        this.cellDegrees = cellDegrees;
        this.walkMetres = walkMetres;
    }

    public void searched(double lat, double lon, double nearestFreeMetres, long at) {
        if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return;
        String key = Areas.cell(lat, lon, cellDegrees) + "@" + HourEnergy.hourOf(at);
        int[] c = pending.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        if (!(nearestFreeMetres <= walkMetres)) c[1]++;
    }

    public List<Cell> drain() {
        List<Cell> out = new ArrayList<>();
        pending.forEach((k, v) -> {
            int at = k.lastIndexOf('@');
            out.add(new Cell(k.substring(0, at), Long.parseLong(k.substring(at + 1)), v[0], v[1]));
        });
        pending = new HashMap<>();
        return out;
    }
}
