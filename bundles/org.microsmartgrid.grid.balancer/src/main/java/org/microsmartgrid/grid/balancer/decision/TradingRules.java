package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;
import java.util.EnumSet;
import java.util.OptionalDouble;
import java.util.Set;

import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.grid.balancer.tariff.TariffOutlook;

/**
 * When the home battery sells to the grid and when it buys from it. With an hourly price (the PUN, €/MWh) for the
 * hour: SELL at or above {@code sellAboveEurMWh}, BUY at or below {@code buyBelowEurMWh}. Without one (no price list,
 * a list that failed, an hour it does not cover) the ARERA band decides: SELL in {@code sellBands}, BUY in
 * {@code buyBands}. Either way the SoC never goes below {@code reserveSocPercent} for it: that energy is kept for the
 * sessions of mobility aids.
 *
 * @param enabled           false: the battery never charges from nor discharges into the grid for money
 * @param reserveSocPercent below this only mobility aids' sessions may use the battery (0..100)
 * @param sellAboveEurMWh   sell in hours priced at least this
 * @param buyBelowEurMWh    buy in hours priced at most this; below {@code sellAboveEurMWh}
 * @param sellBands         the bands that count as expensive when an hour has no price
 * @param buyBands          the bands that count as cheap when an hour has no price
 */
public record TradingRules(boolean enabled, double reserveSocPercent, double sellAboveEurMWh, double buyBelowEurMWh,
                           Set<TariffBand> sellBands, Set<TariffBand> buyBands) {

    public static final TradingRules OFF = new TradingRules(false, 0, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Set.of(), Set.of());

    public TradingRules {
        if (!(reserveSocPercent >= 0 && reserveSocPercent <= 100))
            throw new IllegalArgumentException("the battery's reserve must be 0..100 %");
        if (!(buyBelowEurMWh < sellAboveEurMWh))
            throw new IllegalArgumentException("the buy price must be below the sell price");
        sellBands = sellBands.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sellBands));
        buyBands = buyBands.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(buyBands));
        for (TariffBand b : sellBands)
            if (buyBands.contains(b)) throw new IllegalArgumentException("band " + b + " cannot be both sell and buy");
    }

    public Trade tradeAt(TariffOutlook tariff, Instant t) {
        if (!enabled) return Trade.HOLD;
        OptionalDouble price = tariff.priceAt(t);
        if (price.isPresent()) {
            if (price.getAsDouble() >= sellAboveEurMWh) return Trade.SELL;
            return price.getAsDouble() <= buyBelowEurMWh ? Trade.BUY : Trade.HOLD;
        }
        TariffBand band = tariff.bandAt(t);
        if (sellBands.contains(band)) return Trade.SELL;
        return buyBands.contains(band) ? Trade.BUY : Trade.HOLD;
    }
}
