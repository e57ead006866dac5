package org.microsmartgrid.host.energy;

import java.util.EnumMap;
import java.util.Map;

import org.microsmartgrid.api.tariff.TariffBand;

/**
 * Energy of each flow in each ARERA band over some days, Wh, plus the PV energy used on site ("self-consumed"):
 * for each day and band, what the PV produced minus what went to the grid, never below zero. Immutable.
 */
public final class Totals {
    public static final Totals ZERO = new Totals(new double[Flow.values().length][3], new double[3]);

    private final double[][] wh;
    private final double[] selfConsumed;

    private Totals(double[][] wh, double[] selfConsumed) {
        this.wh = wh;
        this.selfConsumed = selfConsumed;
    }

    /** One day's totals from its flows by band. */
    static Totals ofDay(double[][] dayWh) {
        double[][] copy = new double[Flow.values().length][3];
        double[] self = new double[3];
        for (int f = 0; f < copy.length; f++) copy[f] = dayWh[f].clone();
        for (int b = 0; b < 3; b++)
            self[b] = Math.max(0, dayWh[Flow.PV.ordinal()][b] - dayWh[Flow.GRID_EXPORT.ordinal()][b]);
        return new Totals(copy, self);
    }

    public Totals plus(Totals o) {
        double[][] sum = new double[wh.length][3];
        double[] self = new double[3];
        for (int f = 0; f < wh.length; f++) for (int b = 0; b < 3; b++) sum[f][b] = wh[f][b] + o.wh[f][b];
        for (int b = 0; b < 3; b++) self[b] = selfConsumed[b] + o.selfConsumed[b];
        return new Totals(sum, self);
    }

    public double wh(Flow flow, TariffBand band) {
        return wh[flow.ordinal()][band.ordinal()];
    }

    public double wh(Flow flow) {
        double[] w = wh[flow.ordinal()];
        return w[0] + w[1] + w[2];
    }

    public double selfConsumedWh(TariffBand band) {
        return selfConsumed[band.ordinal()];
    }

    public double selfConsumedWh() {
        return selfConsumed[0] + selfConsumed[1] + selfConsumed[2];
    }

    public Map<TariffBand, Double> byBand(Flow flow) {
        Map<TariffBand, Double> m = new EnumMap<>(TariffBand.class);
        for (TariffBand b : TariffBand.values()) m.put(b, wh(flow, b));
        return m;
    }
}
