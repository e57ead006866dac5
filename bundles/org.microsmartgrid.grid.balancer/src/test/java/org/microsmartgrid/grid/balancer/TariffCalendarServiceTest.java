package org.microsmartgrid.grid.balancer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.testing.ComponentConfigs;

/** A typo in a holiday never takes the calendar away: the balancer needs it to run at all. */
class TariffCalendarServiceTest {
    private static final LocalDate SAINT_FRANCIS_2027 = LocalDate.of(2027, 10, 4);

    @Test
    void aBadListAtStartLeavesArerasAndABadChangeKeepsThePreviousList() {
        TariffCalendarService calendar = new TariffCalendarService();
        calendar.activate(config("04/10"));
        assertFalse(calendar.isHoliday(SAINT_FRANCIS_2027), "refused: ARERA's list only");
        assertTrue(calendar.isHoliday(LocalDate.of(2027, 12, 26)));

        calendar.modified(config("10-04"));
        assertTrue(calendar.isHoliday(SAINT_FRANCIS_2027), "a good change applies live");

        calendar.modified(config("10-04", "2027-02-30"));
        assertTrue(calendar.isHoliday(SAINT_FRANCIS_2027), "a bad change keeps the previous list");
        assertFalse(calendar.isHoliday(LocalDate.of(2027, 3, 2)));
    }

    private static TariffCalendarConfig config(String... extra) {
        return ComponentConfigs.of(TariffCalendarConfig.class, "extra.holidays", extra);
    }
}
