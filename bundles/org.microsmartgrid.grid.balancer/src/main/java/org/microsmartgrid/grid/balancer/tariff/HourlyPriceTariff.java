package org.microsmartgrid.grid.balancer.tariff;

import org.microsmartgrid.api.tariff.TariffBand;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Cheap = the hourly price (e.g. the PUN of the day-ahead market, per kWh) is below a threshold. Hours without a
 * price fall back to another outlook (normally the band calendar), so a price list that runs out is harmless.
 *
 * @param prices    price per hour, keyed by the hour's start (whole UTC hours; Italy's offset is whole hours)
 * @param threshold an hour is cheap when its price is strictly below this
 * @param fallback  used for hours the list does not cover
 */
public record HourlyPriceTariff(NavigableMap<Instant, Double> prices, double threshold, TariffOutlook fallback)
        implements TariffOutlook {

    public HourlyPriceTariff {
        TreeMap<Instant, Double> copy = new TreeMap<>();
        for (Map.Entry<Instant, Double> e : prices.entrySet()) {
            if (!e.getKey().equals(e.getKey().truncatedTo(ChronoUnit.HOURS)))
                throw new IllegalArgumentException("a price must start on a whole hour: " + e.getKey());
            if (e.getValue() == null || !Double.isFinite(e.getValue()))
                throw new IllegalArgumentException("the price of " + e.getKey() + " is not a number");
            copy.put(e.getKey(), e.getValue());
        }
        prices = java.util.Collections.unmodifiableNavigableMap(copy);
    }

    @Override
    public ZoneId zone() {
        return fallback.zone();
    }

    @Override
    public TariffBand bandAt(Instant t) {
        return fallback.bandAt(t);
    }

    @Override
    public OptionalDouble priceAt(Instant t) {
        Double price = prices.get(t.truncatedTo(ChronoUnit.HOURS));
        return price == null ? fallback.priceAt(t) : OptionalDouble.of(price);
    }

    @Override
    public boolean cheapAt(Instant t) {
        Double price = prices.get(t.truncatedTo(ChronoUnit.HOURS));
        return price == null ? fallback.cheapAt(t) : price < threshold;
    }

    @Override
    public Duration cheapBetween(Instant from, Instant to) {
        Instant end = to.isBefore(from.plus(HORIZON)) ? to : from.plus(HORIZON);
        Duration total = Duration.ZERO;
        for (Instant t = from; t.isBefore(end); ) {
            Instant hourEnd = t.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
            Instant next = hourEnd.isBefore(end) ? hourEnd : end;
            if (prices.containsKey(t.truncatedTo(ChronoUnit.HOURS))) {
                if (cheapAt(t)) total = total.plus(Duration.between(t, next));
            } else {
                total = total.plus(fallback.cheapBetween(t, next));
            }
            t = next;
        }
        return total;
    }

    @Override
    public Optional<Instant> nextCheap(Instant from) {
        Instant end = from.plus(HORIZON);
        for (Instant t = from; t.isBefore(end); t = t.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1))) {
            if (cheapAt(t)) return Optional.of(t);
        }
        return Optional.empty();
    }
}
