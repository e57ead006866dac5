package org.microsmartgrid.city.stats.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.stats.cer.Statements;
import org.microsmartgrid.city.stats.store.SessionQueries.Part;

/** Which level answers which stretch of a period: hours only where a day is partial, days only where a month is. */
class SessionQueryPartsTest {

    static final long H = 3_600_000L;

    static long day(int y, int m, int d) {
        return LocalDate.of(y, m, d).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    }

    @Test
    void theLastThirtyDaysAreReadAsDays() {
        long from = day(2025, 11, 8), to = day(2025, 12, 8);
        assertEquals(List.of(new Part("stats_session_point_day", "day_start", from, to)),
                SessionQueries.parts(from, to, true));
        assertEquals(List.of(new Part("stats_session_hour", "hour_start", from, to)),
                SessionQueries.parts(from, to, false), "before: all hours");
    }

    @Test
    void aQuarterCutMidMonthIsDaysThenMonthsThenDays() {
        long from = day(2025, 2, 15), to = day(2025, 5, 15);
        assertEquals(List.of(new Part("stats_session_point_day", "day_start", from, day(2025, 3, 1)),
                        new Part("stats_session_month", "month_start", day(2025, 3, 1), day(2025, 5, 1)),
                        new Part("stats_session_point_day", "day_start", day(2025, 5, 1), to)),
                SessionQueries.parts(from, to, true));
    }

    @Test
    void onlyThePartialDaysAtTheVeryEdgesAreHours() {
        // 30 March 2025 is 23 hours long in Italy (summer time): the days are Italian days, not 24 h
        long from = day(2025, 3, 29) + 5 * H, to = day(2025, 4, 2) + 3 * H;
        assertEquals(List.of(new Part("stats_session_hour", "hour_start", from, day(2025, 3, 30)),
                        new Part("stats_session_point_day", "day_start", day(2025, 3, 30), day(2025, 4, 2)),
                        new Part("stats_session_hour", "hour_start", day(2025, 4, 2), to)),
                SessionQueries.parts(from, to, true));
        assertEquals(23 * H, day(2025, 3, 31) - day(2025, 3, 30));
    }

    @Test
    void lessThanAWholeDayIsHours() {
        long from = day(2025, 6, 3) + 2 * H, to = day(2025, 6, 4) + 20 * H;
        assertEquals(List.of(new Part("stats_session_hour", "hour_start", from, to)), SessionQueries.parts(from, to, true));
    }

    @Test
    void wholeMonthsAreMonths() {
        assertEquals(List.of(new Part("stats_session_month", "month_start", day(2025, 1, 1), day(2026, 1, 1))),
                SessionQueries.parts(day(2025, 1, 1), day(2026, 1, 1), true));
    }
}
