package org.microsmartgrid.grid.balancer.tariff;

import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.api.tariff.TariffCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Cheap = the ARERA band at that moment is one of the configured cheap bands (F3 by default). */
public record BandTariff(Set<TariffBand> cheapBands, TariffCalendar calendar) implements TariffOutlook {

    public BandTariff {
        cheapBands = cheapBands.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(cheapBands));
    }

    /** With ARERA's own holidays. */
    public BandTariff(Set<TariffBand> cheapBands) {
        this(cheapBands, ItalianTariffCalendar.ARERA);
    }

    public static BandTariff of(TariffBand... cheap) {
        return new BandTariff(Set.of(cheap));
    }

    @Override
    public ZoneId zone() {
        return ItalianTariffCalendar.ROME;
    }

    @Override
    public TariffBand bandAt(Instant t) {
        return calendar.band(t);
    }

    @Override
    public boolean cheapAt(Instant t) {
        return cheapBands.contains(bandAt(t));
    }

    /** Walks from one possible band change to the next: a few steps per day, not one per hour. */
    @Override
    public Duration cheapBetween(Instant from, Instant to) {
        Instant end = min(to, from.plus(HORIZON));
        Duration total = Duration.ZERO;
        for (Instant t = from; t.isBefore(end); ) {
            Instant next = min(calendar.nextPossibleChange(t), end);
            if (cheapAt(t)) total = total.plus(Duration.between(t, next));
            t = next;
        }
        return total;
    }

    @Override
    public Optional<Instant> nextCheap(Instant from) {
        Instant end = from.plus(HORIZON);
        for (Instant t = from; t.isBefore(end); t = calendar.nextPossibleChange(t)) {
            if (cheapAt(t)) return Optional.of(t);
        }
        return Optional.empty();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
