package org.microsmartgrid.city.stats.cer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The energy community's hourly rules. Pure functions.
 *
 * <p>Shared energy of an hour = min(energy the members fed into the grid, energy the members drew from it) (D.Lgs.
 * 199/2021 art. 31 c.2 lett. d; ARERA TIAD, delibera 727/2022/R/eel, art. 1 "energia elettrica condivisa").
 *
 * <p>Member share rule (ours; the law leaves the split to the community's statute, docs/energy-community.md): a
 * fraction {@code producerFraction} of the hour's shared energy goes to the members who fed energy in, in proportion
 * to what each fed in; the rest to the members who drew energy, in proportion to what each drew. A member who did both
 * in the hour gets both parts. The shares add up to the shared energy.
 */
public final class SharedEnergy {

    private SharedEnergy() {
    }

    public static double shared(double fedWh, double drawnWh) {
        if (fedWh < 0 || drawnWh < 0) throw new IllegalArgumentException("energy cannot be negative");
        return Math.min(fedWh, drawnWh);
    }

    /**
     * @param fed              each member's energy fed in this hour, Wh
     * @param drawn            each member's energy drawn this hour, Wh (same keys)
     * @param producerFraction the part of the shared energy that goes to producers, 0..1
     * @return each member's share of the hour's shared energy, Wh (same keys, same order)
     */
    public static <K> Map<K, Double> shares(Map<K, Double> fed, Map<K, Double> drawn, double producerFraction) {
        if (producerFraction < 0 || producerFraction > 1)
            throw new IllegalArgumentException("producer fraction must be within 0..1: " + producerFraction);
        if (!fed.keySet().equals(drawn.keySet())) throw new IllegalArgumentException("fed and drawn name other members");
        double f = 0, d = 0;
        for (double v : fed.values()) f += v;
        for (double v : drawn.values()) d += v;
        double shared = shared(f, d);
        Map<K, Double> out = new LinkedHashMap<>();
        for (K k : fed.keySet()) {
            double s = 0;
            if (shared > 0) {
                s += shared * producerFraction * fed.getOrDefault(k, 0.0) / f;
                s += shared * (1 - producerFraction) * drawn.getOrDefault(k, 0.0) / d;
            }
            out.put(k, s);
        }
        return out;
    }
}
