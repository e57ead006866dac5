package org.microsmartgrid.city.stats.sessions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.microsmartgrid.city.stats.districts.Districts;
import org.microsmartgrid.city.stats.energy.HourEnergy;

/**
 * Map searches per grid cell, district and hour, and those whose answer had no free point within walking distance.
 * The search's position is reduced to its cell and district here and never kept. Not thread-safe (its owner locks).
 */
public final class UnmetDemand {

    /** One hour of the searches from one grid cell and district (a cell may straddle a district boundary). */
    public record Cell(String area, String district, long hourStart, int searches, int unmet) {
    }

    private final double cellDegrees;
    private final double walkMetres;
    private final Supplier<Districts> districts;
    private Map<String, int[]> pending = new HashMap<>();

    /** @param districts the districts in use when a search arrives */
    public UnmetDemand(double cellDegrees, double walkMetres, Supplier<Districts> districts) {
        this.cellDegrees = cellDegrees;
        this.walkMetres = walkMetres;
        this.districts = districts;
    }

    public void searched(double lat, double lon, double nearestFreeMetres, long at) {
        if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return;
        String key = Areas.cell(lat, lon, cellDegrees) + "\u0000" + districts.get().of(lat, lon) + "\u0000"
                + HourEnergy.hourOf(at);
        int[] c = pending.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        if (!(nearestFreeMetres <= walkMetres)) c[1]++;
    }

    public List<Cell> drain() {
        List<Cell> out = new ArrayList<>();
        pending.forEach((k, v) -> {
            String[] key = k.split("\u0000");
            out.add(new Cell(key[0], key[1], Long.parseLong(key[2]), v[0], v[1]));
        });
        pending = new HashMap<>();
        return out;
    }
}
