package org.microsmartgrid.city.stats.energy;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns two consecutive counter readings into energy per hour. Pure.
 *
 * <p>The rules (docs/statistics.md): the energy between two readings is the counters' difference; an interval that
 * crosses an hour boundary is split in proportion to time (readings come every 10 s, so the split moves at most one
 * interval's energy between neighbouring hours). An interval longer than {@code maxGapMs}, a counter that goes back
 * or jumps beyond what the connection can carry is not placed in any hour: the hours it touches stay incomplete, and
 * the next interval starts from the new reading.
 */
public final class CounterHours {

    /**
     * @param verdict null when the interval counts, else why it does not
     * @param hours   the interval's energy per hour (empty when it does not count)
     */
    public record Step(BadData verdict, List<HourEnergy> hours) {
    }

    private final long maxGapMs;
    private final double maxPowerW;

    /**
     * @param maxGapMs  the longest interval between readings whose energy is still placed in hours
     * @param maxPowerW the most a building's connection can carry; more is a jump of the counter
     */
    public CounterHours(long maxGapMs, double maxPowerW) {
        if (maxGapMs <= 0 || maxPowerW <= 0) throw new IllegalArgumentException("limits must be positive");
        this.maxGapMs = maxGapMs;
        this.maxPowerW = maxPowerW;
    }

    public Step step(CounterSample previous, CounterSample next) {
        long dt = next.at() - previous.at();
        if (dt <= 0) return new Step(BadData.NOT_AFTER_PREVIOUS, List.of());
        double imp = next.importWh() - previous.importWh();
        double exp = next.exportWh() - previous.exportWh();
        if (imp < 0 || exp < 0) return new Step(BadData.COUNTER_BACK, List.of());
        if (dt > maxGapMs) return new Step(BadData.GAP, List.of());
        double maxWh = maxPowerW * dt / HourEnergy.HOUR_MS;
        if (imp > maxWh || exp > maxWh) return new Step(BadData.IMPLAUSIBLE_JUMP, List.of());
        List<HourEnergy> out = new ArrayList<>(2);
        long from = previous.at();
        while (from < next.at()) {
            long hour = HourEnergy.hourOf(from);
            long to = Math.min(next.at(), hour + HourEnergy.HOUR_MS);
            double f = (double) (to - from) / dt;
            out.add(new HourEnergy(hour, imp * f, exp * f, to - from));
            from = to;
        }
        return new Step(null, out);
    }
}
