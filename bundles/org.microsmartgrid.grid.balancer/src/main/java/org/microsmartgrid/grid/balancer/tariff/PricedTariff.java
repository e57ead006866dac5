package org.microsmartgrid.grid.balancer.tariff;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalDouble;

import org.microsmartgrid.api.tariff.TariffBand;

/**
 * A band outlook plus the hours' prices (€/MWh) of a {@link PriceList}: the prices tell the battery when to sell
 * and buy ({@link org.microsmartgrid.grid.balancer.decision.TradingRules}); what counts as cheap for the charging
 * sessions stays with the bands, so a price list never changes when a car charges.
 */
public record PricedTariff(TariffOutlook bands, PriceList prices) implements TariffOutlook {

    public PricedTariff {
        if (bands == null || prices == null) throw new IllegalArgumentException("bands and prices are required");
    }

    @Override
    public ZoneId zone() {
        return bands.zone();
    }

    @Override
    public TariffBand bandAt(Instant t) {
        return bands.bandAt(t);
    }

    @Override
    public boolean cheapAt(Instant t) {
        return bands.cheapAt(t);
    }

    @Override
    public Duration cheapBetween(Instant from, Instant to) {
        return bands.cheapBetween(from, to);
    }

    @Override
    public Optional<Instant> nextCheap(Instant from) {
        return bands.nextCheap(from);
    }

    @Override
    public OptionalDouble priceAt(Instant t) {
        return prices.priceAt(t);
    }
}
