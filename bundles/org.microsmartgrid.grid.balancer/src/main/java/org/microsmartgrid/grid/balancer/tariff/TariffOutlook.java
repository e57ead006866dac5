package org.microsmartgrid.grid.balancer.tariff;

import org.microsmartgrid.api.tariff.TariffBand;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What energy costs now and later, as far as the balancer needs to know: is a moment "cheap", and how much cheap
 * time lies before a deadline. Implementations are pure functions of time.
 */
public interface TariffOutlook {

    /** Plans never look further ahead than this: a deadline weeks away is planned as two weeks away. */
    Duration HORIZON = Duration.ofDays(14);

    ZoneId zone();

    TariffBand bandAt(Instant t);

    boolean cheapAt(Instant t);

    /** The total cheap time within [from, to). */
    Duration cheapBetween(Instant from, Instant to);

    /** When the next cheap period starts (from itself when cheap now), within {@link #HORIZON}. */
    Optional<Instant> nextCheap(Instant from);

    /** The hour's energy price in €/MWh (e.g. the PUN), when a price list covers it; empty: only the band is known. */
    default OptionalDouble priceAt(Instant t) {
        return OptionalDouble.empty();
    }
}
