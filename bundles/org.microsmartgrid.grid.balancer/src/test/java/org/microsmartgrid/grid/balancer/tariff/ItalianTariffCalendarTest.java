package org.microsmartgrid.grid.balancer.tariff;

import org.microsmartgrid.api.tariff.TariffBand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.api.tariff.TariffBand.F1;
import static org.microsmartgrid.api.tariff.TariffBand.F2;
import static org.microsmartgrid.api.tariff.TariffBand.F3;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItalianTariffCalendarTest {

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2038, 2038-04-25",
            "2285, 2285-03-22"})
    void easterSundayByTheComputus(int year, LocalDate easter) {
        assertEquals(easter, ItalianTariffCalendar.easterSunday(year));
        assertEquals(DayOfWeek.SUNDAY, easter.getDayOfWeek());
    }

    @Test
    void easterMondayIsAHoliday() {
        assertTrue(ItalianTariffCalendar.ARERA.isHoliday(LocalDate.of(2026, 4, 6)));
        assertTrue(ItalianTariffCalendar.ARERA.isHoliday(LocalDate.of(2027, 3, 29)));
        assertFalse(ItalianTariffCalendar.ARERA.isHoliday(LocalDate.of(2026, 4, 7)));
        assertEquals(F3, ItalianTariffCalendar.ARERA.band(LocalDateTime.of(2026, 4, 6, 10, 0)), "Easter Monday 10:00");
        assertEquals(F1, ItalianTariffCalendar.ARERA.band(LocalDateTime.of(2026, 4, 7, 10, 0)), "the Tuesday after");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // weekday
            "2026-04-08T06:59, F3", "2026-04-08T07:00, F2", "2026-04-08T07:59, F2", "2026-04-08T08:00, F1",
            "2026-04-08T18:59, F1", "2026-04-08T19:00, F2", "2026-04-08T22:59, F2", "2026-04-08T23:00, F3",
            // Friday evening, Saturday, Sunday
            "2026-04-10T19:30, F2", "2026-04-11T06:30, F3", "2026-04-11T07:00, F2", "2026-04-11T12:00, F2",
            "2026-04-11T22:30, F2", "2026-04-11T23:30, F3", "2026-04-12T12:00, F3", "2026-04-12T20:00, F3",
            // holidays on weekdays
            "2025-08-15T12:00, F3", "2026-01-06T10:00, F3", "2026-04-25T10:00, F3", "2026-05-01T10:00, F3",
            "2026-06-02T10:00, F3", "2026-11-01T10:00, F3", "2026-12-08T10:00, F3", "2026-12-25T10:00, F3",
            "2026-12-26T10:00, F3", "2027-01-01T10:00, F3"})
    void bands(LocalDateTime local, TariffBand band) {
        assertEquals(band, ItalianTariffCalendar.ARERA.band(local));
    }

    @Test
    void fifteenAugustOnAWeekdayIsF3AllDay() {
        LocalDate ferragosto = LocalDate.of(2025, 8, 15);
        assertEquals(DayOfWeek.FRIDAY, ferragosto.getDayOfWeek());
        for (int h = 0; h < 24; h++) assertEquals(F3, ItalianTariffCalendar.ARERA.band(ferragosto.atTime(h, 30)));
    }

    @Test
    void instantsAreReadInRomeTimeAcrossDaylightSaving() {
        // 07:30 UTC is 08:30 in winter (CET) and 09:30 in summer (CEST): F1 both; 06:30 UTC is 07:30 / 08:30
        assertEquals(F2, ItalianTariffCalendar.ARERA.band(Instant.parse("2026-01-14T06:30:00Z")));
        assertEquals(F1, ItalianTariffCalendar.ARERA.band(Instant.parse("2026-07-15T06:30:00Z")));
    }

    @Test
    void nextPossibleChangeStepsThroughTheBandBoundaries() {
        Instant t = Instant.parse("2026-04-08T10:00:00Z"); // 12:00 CEST
        assertEquals(Instant.parse("2026-04-08T17:00:00Z"), ItalianTariffCalendar.ARERA.nextPossibleChange(t)); // 19:00
        assertEquals(Instant.parse("2026-04-08T21:00:00Z"),
                ItalianTariffCalendar.ARERA.nextPossibleChange(Instant.parse("2026-04-08T17:00:00Z"))); // 23:00
        assertEquals(Instant.parse("2026-04-08T22:00:00Z"),
                ItalianTariffCalendar.ARERA.nextPossibleChange(Instant.parse("2026-04-08T21:00:00Z"))); // midnight
    }
}
