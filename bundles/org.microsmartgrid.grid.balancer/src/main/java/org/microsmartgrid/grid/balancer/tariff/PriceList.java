package org.microsmartgrid.grid.balancer.tariff;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Hourly energy prices in €/MWh, keyed by the hour's start (whole hours; Italy's offsets are whole hours), already
 * checked by {@link PriceCsv}. Immutable.
 *
 * @param source where the prices came from (a file's path or a feed's URL), for people
 */
public record PriceList(NavigableMap<Instant, Double> hours, String source) {

    public static final PriceList EMPTY = new PriceList(new TreeMap<>(), "none");

    public PriceList {
        TreeMap<Instant, Double> copy = new TreeMap<>();
        for (Map.Entry<Instant, Double> e : hours.entrySet()) {
            if (!e.getKey().equals(e.getKey().truncatedTo(ChronoUnit.HOURS)))
                throw new IllegalArgumentException("a price must start on a whole hour: " + e.getKey());
            if (e.getValue() == null || !(e.getValue() >= 0) || e.getValue().isInfinite())
                throw new IllegalArgumentException("the price of " + e.getKey() + " must be a number >= 0");
            copy.put(e.getKey(), e.getValue());
        }
        hours = Collections.unmodifiableNavigableMap(copy);
    }

    public OptionalDouble priceAt(Instant t) {
        Double p = hours.get(t.truncatedTo(ChronoUnit.HOURS));
        return p == null ? OptionalDouble.empty() : OptionalDouble.of(p);
    }

    public boolean isEmpty() {
        return hours.isEmpty();
    }
}
