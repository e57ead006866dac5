package org.microsmartgrid.host.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.api.tariff.TariffBand.F1;
import static org.microsmartgrid.api.tariff.TariffBand.F2;
import static org.microsmartgrid.api.tariff.TariffBand.F3;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.grid.balancer.tariff.ItalianTariffCalendar;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

class BandSplitTest {
    static final ItalianTariffCalendar ARERA = ItalianTariffCalendar.ARERA;

    static Instant rome(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BandSplit.ROME).toInstant();
    }

    @Test
    void aStepAcrossEightOClockOnAMondayIsHalfF2HalfF1() {
        List<BandSplit.Piece> p = BandSplit.split(rome("2026-03-02T07:30"), rome("2026-03-02T08:30"), 1000, ARERA);
        assertEquals(List.of(new BandSplit.Piece(LocalDate.of(2026, 3, 2), F2, 500),
                new BandSplit.Piece(LocalDate.of(2026, 3, 2), F1, 500)), p);
    }

    @Test
    void aStepAcrossMidnightGoesToBothDaysInItalianTime() {
        // Friday 23:00 to Saturday 01:00 Italian time (22:00 to 00:00 UTC in winter): all F3, one hour each day
        List<BandSplit.Piece> p = BandSplit.split(rome("2026-01-09T23:00"), rome("2026-01-10T01:00"), 300, ARERA);
        assertEquals(2, p.size());
        assertEquals(new BandSplit.Piece(LocalDate.of(2026, 1, 9), F3, 150), p.get(0));
        assertEquals(new BandSplit.Piece(LocalDate.of(2026, 1, 10), F3, 150), p.get(1));
    }

    @Test
    void theSpringDaylightSavingSundayHasTwentyThreeHours() {
        // 29 March 2026: clocks go from 02:00 to 03:00. A pause from Saturday 23:00 to Monday 00:00 lasts 24 real
        // hours: one on Saturday, 23 on Sunday
        List<BandSplit.Piece> p = BandSplit.split(rome("2026-03-28T23:00"), rome("2026-03-30T00:00"), 2400, ARERA);
        assertEquals(2, p.size());
        assertEquals(100, p.get(0).wh(), 1e-9);
        assertEquals(LocalDate.of(2026, 3, 29), p.get(1).day());
        assertEquals(2300, p.get(1).wh(), 1e-9);
        assertEquals(F3, p.get(1).band());
    }

    @Test
    void theAutumnDaylightSavingSundayHasTwentyFiveHours() {
        // 25 October 2026: clocks go from 03:00 back to 02:00. Sunday to Monday midnight: 25 real hours
        List<BandSplit.Piece> p = BandSplit.split(rome("2026-10-24T23:00"), rome("2026-10-26T07:00"), 3300, ARERA);
        assertEquals(3, p.size());
        assertEquals(100, p.get(0).wh(), 1e-9); // Saturday 23-24
        assertEquals(2500, p.get(1).wh(), 1e-9); // all of Sunday
        assertEquals(new BandSplit.Piece(LocalDate.of(2026, 10, 26), F3, 700), p.get(2)); // Monday 00-07
    }

    @Test
    void aNationalHolidayOnAWeekdayIsF3AllDay() {
        // Tuesday 8 December 2026 (Immacolata), 12:00-13:00
        List<BandSplit.Piece> p = BandSplit.split(rome("2026-12-08T12:00"), rome("2026-12-08T13:00"), 42, ARERA);
        assertEquals(List.of(new BandSplit.Piece(LocalDate.of(2026, 12, 8), F3, 42)), p);
    }

    @Property(tries = 300)
    void thePiecesAddUpToTheStepAndFollowTheCalendar(@ForAll @LongRange(min = 1_767_225_600L, max = 1_798_761_600L) long fromSecond,
                                                     @ForAll @LongRange(min = 1, max = 10 * 86_400) long seconds,
                                                     @ForAll @DoubleRange(min = 0, max = 100_000) double wh) {
        Instant from = Instant.ofEpochSecond(fromSecond);
        Instant to = from.plusSeconds(seconds);
        List<BandSplit.Piece> pieces = BandSplit.split(from, to, wh, ARERA);
        assertEquals(wh, pieces.stream().mapToDouble(BandSplit.Piece::wh).sum(), 1e-9 * Math.max(1, wh));
        LocalDate previous = null;
        for (BandSplit.Piece p : pieces) {
            assertTrue(p.wh() >= -1e-9, p.toString());
            assertTrue(!p.day().isBefore(BandSplit.day(from)) && !p.day().isAfter(BandSplit.day(to)), p.toString());
            if (previous != null) assertTrue(!p.day().isBefore(previous), "days in order");
            previous = p.day();
        }
        // energy in proportion to time: one band's piece of an hour-aligned step, against the hours the calendar gives
        double perSecond = wh / seconds;
        for (BandSplit.Piece p : pieces) assertTrue(p.wh() <= perSecond * 25 * 3600 + 1e-6, "no piece longer than a day");
    }
}
