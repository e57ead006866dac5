package org.microsmartgrid.grid.balancer.tariff;

import org.microsmartgrid.api.tariff.TariffBand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class HourlyPriceTariffTest {

    private static final Instant H10 = Instant.parse("2026-04-08T10:00:00Z"); // Wednesday 12:00 in Rome, F1

    private static HourlyPriceTariff prices(double... perHour) {
        TreeMap<Instant, Double> map = new TreeMap<>();
        for (int i = 0; i < perHour.length; i++) map.put(H10.plus(Duration.ofHours(i)), perHour[i]);
        return new HourlyPriceTariff(map, 0.10, BandTariff.of(TariffBand.F3));
    }

    @Test
    void anHourIsCheapWhenItsPriceIsBelowTheThreshold() {
        HourlyPriceTariff t = prices(0.15, 0.08, 0.10);
        assertFalse(t.cheapAt(H10.plusSeconds(1800)));
        assertTrue(t.cheapAt(H10.plus(Duration.ofMinutes(90))));
        assertFalse(t.cheapAt(H10.plus(Duration.ofMinutes(150))), "equal to the threshold is not below it");
    }

    @Test
    void hoursWithoutAPriceFallBackToTheBands() {
        HourlyPriceTariff t = prices(0.15);
        assertFalse(t.cheapAt(H10.plus(Duration.ofHours(5))), "17:00 Wednesday is F1");
        assertTrue(t.cheapAt(Instant.parse("2026-04-08T22:00:00Z")), "midnight is F3");
    }

    @Test
    void cheapTimeMixesPricesAndBands() {
        // 12:30–13:00 expensive, 13–14 cheap (price), 14–15 expensive, then F1 until 19:00, F2 until 23:00, F3 to 01:00
        HourlyPriceTariff t = prices(0.15, 0.05, 0.20);
        Duration cheap = t.cheapBetween(H10.plus(Duration.ofMinutes(30)), Instant.parse("2026-04-08T23:00:00Z"));
        assertEquals(Duration.ofHours(1).plus(Duration.ofHours(2)), cheap);
        assertEquals(Optional.of(H10.plus(Duration.ofHours(1))), t.nextCheap(H10));
    }

    @Test
    void pricesMustStartOnWholeHours() {
        TreeMap<Instant, Double> map = new TreeMap<>();
        map.put(H10.plusSeconds(60), 0.1);
        assertThrows(IllegalArgumentException.class, () -> new HourlyPriceTariff(map, 0.1, BandTariff.of(TariffBand.F3)));
    }
}
