package org.microsmartgrid.city.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** "Open now" in Italian time, with its summer time, overnight periods and exceptions. */
class OpeningHoursTest {
    private static final OpeningHours OFFICE = OpeningHours.weekly(List.of(
            new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0))));

    @Test
    void weeklyPeriodsAreItalianLocalTimeInWinterAndSummer() {
        // winter, UTC+1: 07:30 UTC is 08:30 in Rome
        assertTrue(OFFICE.isOpenAt(Instant.parse("2026-12-07T07:30:00Z")));
        assertFalse(OFFICE.isOpenAt(Instant.parse("2026-12-07T06:59:59Z")));
        assertTrue(OFFICE.isOpenAt(Instant.parse("2026-12-07T07:00:00Z")), "begin is included");
        assertFalse(OFFICE.isOpenAt(Instant.parse("2026-12-07T17:00:00Z")), "end is excluded (18:00 in Rome)");
        // summer, UTC+2: 06:30 UTC is 08:30 in Rome, 16:30 UTC is 18:30
        assertTrue(OFFICE.isOpenAt(Instant.parse("2026-06-01T06:30:00Z")));
        assertFalse(OFFICE.isOpenAt(Instant.parse("2026-06-01T16:30:00Z")));
        assertFalse(OFFICE.isOpenAt(Instant.parse("2026-12-08T07:30:00Z")), "Tuesday");
    }

    @Test
    void aPeriodEndingBeforeItBeginsRunsPastMidnight() {
        OpeningHours nights = OpeningHours.weekly(List.of(
                new WeeklyPeriod(DayOfWeek.FRIDAY, LocalTime.of(22, 0), LocalTime.of(2, 0))));
        assertTrue(nights.isOpenAt(Instant.parse("2026-12-11T21:30:00Z")), "Friday 22:30");
        assertTrue(nights.isOpenAt(Instant.parse("2026-12-12T00:30:00Z")), "Saturday 01:30");
        assertFalse(nights.isOpenAt(Instant.parse("2026-12-12T01:00:00Z")), "Saturday 02:00");
        assertFalse(nights.isOpenAt(Instant.parse("2026-12-11T00:30:00Z")), "Friday 01:30 belongs to Thursday");
        assertFalse(nights.isOpenAt(Instant.parse("2026-12-12T21:30:00Z")), "Saturday 22:30");
    }

    @Test
    void midnightAsEndIsTheEndOfTheDay() {
        OpeningHours sunday = OpeningHours.weekly(List.of(
                new WeeklyPeriod(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        assertTrue(sunday.isOpenAt(Instant.parse("2026-12-05T23:00:00Z")), "Sunday 00:00");
        assertTrue(sunday.isOpenAt(Instant.parse("2026-12-06T22:59:59Z")), "Sunday 23:59:59");
        assertFalse(sunday.isOpenAt(Instant.parse("2026-12-06T23:00:00Z")), "Monday 00:00");
        OpeningHours evening = OpeningHours.weekly(List.of(
                new WeeklyPeriod(DayOfWeek.SUNDAY, LocalTime.of(20, 0), LocalTime.MIDNIGHT)));
        assertTrue(evening.isOpenAt(Instant.parse("2026-12-06T22:30:00Z")), "Sunday 23:30");
        assertFalse(evening.isOpenAt(Instant.parse("2026-12-06T23:30:00Z")), "Monday 00:30");
    }

    @Test
    void alwaysOpenAndUnknown() {
        Instant any = Instant.parse("2026-03-29T01:30:00Z");
        assertTrue(OpeningHours.alwaysOpen().isOpenAt(any));
        assertFalse(OpeningHours.unknown().isOpenAt(any), "hours nobody gave are never open now");
    }

    @Test
    void exceptionalClosingsWinOverOpeningsWhichWinOverRegularHours() {
        Instant monday = Instant.parse("2026-12-07T10:00:00Z");
        Instant sunday = Instant.parse("2026-12-06T10:00:00Z");
        ExceptionalPeriod mondayMorning = new ExceptionalPeriod(Instant.parse("2026-12-07T09:00:00Z"),
                Instant.parse("2026-12-07T11:00:00Z"));
        ExceptionalPeriod sundayMorning = new ExceptionalPeriod(Instant.parse("2026-12-06T09:00:00Z"),
                Instant.parse("2026-12-06T11:00:00Z"));
        OpeningHours hours = OFFICE.withExceptions(List.of(sundayMorning), List.of(mondayMorning));
        assertFalse(hours.isOpenAt(monday));
        assertTrue(hours.isOpenAt(sunday));
        assertFalse(OpeningHours.alwaysOpen().withExceptions(List.of(), List.of(mondayMorning)).isOpenAt(monday));
        assertTrue(OpeningHours.alwaysOpen().withExceptions(List.of(sundayMorning), List.of(sundayMorning))
                .isOpenAt(monday));
    }

    @Test
    void badHoursAreRefused() {
        assertEquals("end", assertThrows(InvalidQueryException.class,
                () -> new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.NOON, LocalTime.NOON)).parameter());
        assertThrows(InvalidQueryException.class, () -> new ExceptionalPeriod(Instant.EPOCH, Instant.EPOCH));
        assertThrows(InvalidQueryException.class, () -> new OpeningHours(true, true, OFFICE.regularHours(),
                List.of(), List.of()));
        assertThrows(InvalidQueryException.class, () -> new OpeningHours(false, true, List.of(), List.of(),
                List.of()));
    }
}
