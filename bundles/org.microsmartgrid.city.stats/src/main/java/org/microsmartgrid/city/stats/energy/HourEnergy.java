package org.microsmartgrid.city.stats.energy;

/**
 * Energy through one building's grid connection in one hour, or the part of it one interval between two counter
 * readings contributed.
 *
 * @param hourStart the hour's first instant, epoch ms (UTC hours are Italian hours: the offsets are whole hours)
 * @param importWh  drawn from the grid
 * @param exportWh  fed into the grid
 * @param coveredMs how much of the hour valid intervals between readings cover; an hour is measured only when they
 *                  cover all of it ({@link #complete})
 */
public record HourEnergy(long hourStart, double importWh, double exportWh, long coveredMs) {

    public static final long HOUR_MS = 3_600_000L;

    public boolean complete() {
        return coveredMs >= HOUR_MS;
    }

    public HourEnergy plus(HourEnergy o) {
        if (o.hourStart != hourStart) throw new IllegalArgumentException("different hours");
        return new HourEnergy(hourStart, importWh + o.importWh, exportWh + o.exportWh, coveredMs + o.coveredMs);
    }

    public static long hourOf(long at) {
        return Math.floorDiv(at, HOUR_MS) * HOUR_MS;
    }
}
