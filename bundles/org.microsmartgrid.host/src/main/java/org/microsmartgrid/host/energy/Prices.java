package org.microsmartgrid.host.energy;

import java.util.EnumMap;
import java.util.Map;

import org.microsmartgrid.api.tariff.TariffBand;

/**
 * The site's prices: what a kWh from the grid costs in each ARERA band, and what a kWh sold to the grid earns.
 *
 * @param gridEurKwh   price of grid energy per band, EUR/kWh (all taxes and charges the host pays per kWh)
 * @param exportEurKwh what exported energy earns, EUR/kWh (e.g. GSE's "ritiro dedicato"); 0 if nothing
 */
public record Prices(Map<TariffBand, Double> gridEurKwh, double exportEurKwh) {
    public Prices {
        gridEurKwh = Map.copyOf(new EnumMap<>(gridEurKwh));
        for (TariffBand b : TariffBand.values())
            if (!gridEurKwh.containsKey(b)) throw new IllegalArgumentException("no grid price for band " + b);
    }

    /**
     * Reads "F1=0.30" entries (one per band).
     *
     * @throws IllegalArgumentException naming the entry that is wrong
     */
    public static Map<TariffBand, Double> parseBands(String property, String[] entries) {
        Map<TariffBand, Double> m = new EnumMap<>(TariffBand.class);
        for (String raw : entries == null ? new String[0] : entries) {
            String e = raw == null ? "" : raw.strip();
            if (e.isEmpty()) continue;
            String[] kv = e.split("=", 2);
            TariffBand band;
            double price;
            try {
                band = TariffBand.valueOf(kv[0].strip());
                price = Double.parseDouble(kv[1].strip());
            } catch (RuntimeException x) {
                throw new IllegalArgumentException(property + ": '" + e + "' is not of the form F1=0.30");
            }
            if (!(price >= 0) || price > 10)
                throw new IllegalArgumentException(property + ": the price of " + band + " must be 0..10 EUR/kWh");
            if (m.put(band, price) != null) throw new IllegalArgumentException(property + ": " + band + " is given twice");
        }
        for (TariffBand b : TariffBand.values())
            if (!m.containsKey(b)) throw new IllegalArgumentException(property + ": the price of " + b + " is missing");
        return m;
    }

    public double grid(TariffBand band) {
        return gridEurKwh.get(band);
    }
}
