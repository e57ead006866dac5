package org.microsmartgrid.host.energy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.microsmartgrid.api.tariff.TariffCalendar;

/**
 * The building's energy by Italian day, ARERA band and {@link Flow}, from the meters' counters. Each counter (a meter
 * and a channel) keeps its last reading; a new reading adds the step since then, split over days and bands by
 * {@link BandSplit}. Because the last readings are kept with the totals (and saved with them), a restart loses
 * nothing: the first reading afterwards adds the whole pause.
 * <p>
 * A counter starts a new <em>segment</em> — the reading becomes its new base and adds nothing — when
 * <ul>
 * <li>it is seen for the first time (a new meter);</li>
 * <li>it went back (the meter was replaced or its counter reset);</li>
 * <li>it jumped further than {@code maxPowerW} could have delivered since the last reading, plus
 * {@link #SLACK_WH} for a counter's rounding (a replacement meter whose counter happens to be higher).</li>
 * </ul>
 * The energy between the old meter's last reading and the new meter's first one is unknown and not counted.
 * Thread-safe.
 */
public final class EnergyLedger {
    /** A counter's rounding: SDM meters hold kWh as 32-bit floats (a step of 0.25 Wh at 4000 kWh). */
    public static final double SLACK_WH = 50;

    /** What a reading did. */
    public enum Outcome {
        /** The first reading of a counter: its base. */
        BASELINE,
        /** The step was added. */
        ADDED,
        /** Not after the last reading (the same sample again): ignored. */
        IGNORED,
        /** The counter went back: a new segment starts. */
        WENT_BACK,
        /** The counter jumped beyond what the maximum power allows: a new segment starts. */
        JUMPED
    }

    /** A counter's last reading. */
    public record Mark(Flow flow, double wh, Instant at) {
    }

    private final TariffCalendar calendar;
    private final double maxPowerW;
    private final Map<String, Mark> counters = new LinkedHashMap<>();
    private final NavigableMap<LocalDate, double[][]> days = new TreeMap<>();

    public EnergyLedger(TariffCalendar calendar, double maxPowerW) {
        if (!(maxPowerW > 0)) throw new IllegalArgumentException("the maximum power must be > 0 W");
        this.calendar = calendar;
        this.maxPowerW = maxPowerW;
    }

    /**
     * @param counter the counter's key, e.g. "grid/IMPORT_ENERGY" (a meter id and its channel)
     * @param flow    the flow it feeds
     * @param wh      the counter's value, Wh
     * @param at      when the meter gave it
     */
    public synchronized Outcome record(String counter, Flow flow, double wh, Instant at) {
        if (!Double.isFinite(wh)) throw new IllegalArgumentException("a counter must be a finite number");
        Mark last = counters.get(counter);
        if (last == null || last.flow() != flow) {
            counters.put(counter, new Mark(flow, wh, at));
            return Outcome.BASELINE;
        }
        if (!at.isAfter(last.at())) return Outcome.IGNORED;
        counters.put(counter, new Mark(flow, wh, at));
        if (wh < last.wh()) return Outcome.WENT_BACK;
        double step = wh - last.wh();
        double hours = Duration.between(last.at(), at).toNanos() / 3.6e12;
        if (step > maxPowerW * hours + SLACK_WH) return Outcome.JUMPED;
        if (step > 0) {
            for (BandSplit.Piece p : BandSplit.split(last.at(), at, step, calendar))
                days.computeIfAbsent(p.day(), d -> new double[Flow.values().length][3])[flow.ordinal()][p.band().ordinal()] += p.wh();
        }
        return Outcome.ADDED;
    }

    /** Totals of the days from {@code first} to {@code last}, both included. */
    public synchronized Totals totals(LocalDate first, LocalDate last) {
        Totals t = Totals.ZERO;
        for (double[][] d : days.subMap(first, true, last, true).values()) t = t.plus(Totals.ofDay(d));
        return t;
    }

    /** Each day's totals from {@code first} to {@code last} (days without energy are absent). */
    public synchronized NavigableMap<LocalDate, Totals> daily(LocalDate first, LocalDate last) {
        NavigableMap<LocalDate, Totals> m = new TreeMap<>();
        days.subMap(first, true, last, true).forEach((day, d) -> m.put(day, Totals.ofDay(d)));
        return m;
    }

    /** Forgets the days before {@code first} (the counters' marks are kept). */
    public synchronized void forgetBefore(LocalDate first) {
        days.headMap(first, false).clear();
    }

    /** A copy of everything, to save. */
    public synchronized LedgerState state() {
        Map<LocalDate, double[][]> copy = new TreeMap<>();
        days.forEach((day, d) -> {
            double[][] c = new double[d.length][];
            for (int i = 0; i < d.length; i++) c[i] = d[i].clone();
            copy.put(day, c);
        });
        return new LedgerState(Map.copyOf(counters), copy);
    }

    /** Takes over a saved state (at start, before any reading). */
    public synchronized void restore(LedgerState state) {
        counters.clear();
        days.clear();
        counters.putAll(state.counters());
        state.days().forEach((day, d) -> {
            double[][] c = new double[Flow.values().length][3];
            for (int i = 0; i < Math.min(c.length, d.length); i++) System.arraycopy(d[i], 0, c[i], 0, Math.min(3, d[i].length));
            days.put(day, c);
        });
    }

    /** Everything the ledger knows: the counters' last readings and the energy of each day (flow × band, Wh). */
    public record LedgerState(Map<String, Mark> counters, Map<LocalDate, double[][]> days) {
    }
}
