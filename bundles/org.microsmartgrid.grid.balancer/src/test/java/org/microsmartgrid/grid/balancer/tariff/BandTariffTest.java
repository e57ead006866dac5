package org.microsmartgrid.grid.balancer.tariff;

import org.microsmartgrid.api.tariff.TariffBand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;

class BandTariffTest {

    private static final Instant WED_NOON = Instant.parse("2026-04-08T10:00:00Z");
    private static final Instant THU_7 = Instant.parse("2026-04-09T05:00:00Z");

    @Test
    void cheapTimeBeforeADeadlineCountsOnlyTheCheapBands() {
        assertEquals(Duration.ofHours(8), BandTariff.of(TariffBand.F3).cheapBetween(WED_NOON, THU_7));
        // F2 + F3: 19–23 and 23–07 = 12 h
        assertEquals(Duration.ofHours(12), BandTariff.of(TariffBand.F2, TariffBand.F3).cheapBetween(WED_NOON, THU_7));
        assertEquals(Duration.ZERO, new BandTariff(java.util.Set.of()).cheapBetween(WED_NOON, THU_7));
    }

    @Test
    void aWeekendIsCheapFromSaturday23ToMonday7() {
        Instant fri18 = Instant.parse("2026-04-10T16:00:00Z");
        Instant mon9 = Instant.parse("2026-04-13T07:00:00Z");
        // Fri 23–Sat 07 (8 h), Sat 23–Mon 07 (32 h)
        assertEquals(Duration.ofHours(40), BandTariff.of(TariffBand.F3).cheapBetween(fri18, mon9));
    }

    @Test
    void theNextCheapPeriodIsFoundOrIsNow() {
        BandTariff f3 = BandTariff.of(TariffBand.F3);
        assertEquals(Optional.of(Instant.parse("2026-04-08T21:00:00Z")), f3.nextCheap(WED_NOON));
        Instant sundayNoon = Instant.parse("2026-04-12T10:00:00Z");
        assertEquals(Optional.of(sundayNoon), f3.nextCheap(sundayNoon));
        assertEquals(Optional.empty(), new BandTariff(java.util.Set.of()).nextCheap(WED_NOON));
    }

    @Test
    void aDeadlineInThePastHasNoCheapTime() {
        assertEquals(Duration.ZERO, BandTariff.of(TariffBand.F3).cheapBetween(THU_7, WED_NOON));
    }

    /** Walking from band change to band change agrees with checking every minute. */
    @Property(tries = 40)
    void cheapBetweenAgreesWithAMinuteByMinuteCount(@ForAll @IntRange(min = 0, max = 3000) int startHours,
                                                    @ForAll @IntRange(min = 0, max = 60 * 30) int lengthMinutes) {
        BandTariff f3 = BandTariff.of(TariffBand.F3);
        Instant from = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(startHours)).plusSeconds(17 * 60);
        Instant to = from.plus(Duration.ofMinutes(lengthMinutes));
        long minutes = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(1, ChronoUnit.MINUTES)) if (f3.cheapAt(t)) minutes++;
        assertEquals(Duration.ofMinutes(minutes), f3.cheapBetween(from, to));
    }

    @Test
    void cheapAtFollowsTheBand() {
        assertFalse(BandTariff.of(TariffBand.F3).cheapAt(WED_NOON));
        assertTrue(BandTariff.of(TariffBand.F1).cheapAt(WED_NOON));
    }
}
