package org.microsmartgrid.grid.balancer.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.tariff.TariffBand;

class BandHolidaysTest {

    @Test
    void saintFrancisIsANationalHolidayButNotInAresBandListUnlessAdded() {
        // Law 151/2025: 4 October is a national holiday from 2026. ARERA lists its band holidays one by one.
        LocalDateTime monday2027 = LocalDateTime.of(2027, 10, 4, 10, 0);
        assertEquals(TariffBand.F1, ItalianTariffCalendar.ARERA.band(monday2027), "ARERA's list: a working Monday");
        ItalianTariffCalendar withIt = new ItalianTariffCalendar(BandHolidays.ARERA.withExtra(new String[] {"10-04"}));
        assertEquals(TariffBand.F3, withIt.band(monday2027), "added by the installer: all day F3");
        assertEquals(TariffBand.F3, ItalianTariffCalendar.ARERA.band(LocalDateTime.of(2026, 10, 4, 10, 0)),
                "in 2026 it is a Sunday: F3 either way");
    }

    @Test
    void aOneDayHolidayCountsOnlyThatYear() {
        BandHolidays h = BandHolidays.ARERA.withExtra(new String[] {" 2027-10-04 ", ""});
        assertTrue(h.isHoliday(LocalDate.of(2027, 10, 4)));
        assertFalse(h.isHoliday(LocalDate.of(2028, 10, 4)));
        assertTrue(h.isHoliday(LocalDate.of(2028, 12, 26)), "ARERA's days stay");
    }

    @Test
    void badEntriesAreAllNamedAndNothingIsAdded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BandHolidays.ARERA.withExtra(new String[] {"04/10", "02-30", "2027-13-01", "10-04"}));
        assertTrue(e.getMessage().contains("'04/10'"), e.getMessage());
        assertTrue(e.getMessage().contains("'02-30'"), e.getMessage());
        assertTrue(e.getMessage().contains("'2027-13-01'"), e.getMessage());
        assertFalse(e.getMessage().contains("'10-04'"), "a good entry is not blamed: " + e.getMessage());
        assertFalse(BandHolidays.ARERA.isHoliday(LocalDate.of(2027, 10, 4)), "ARERA's list is untouched");
    }
}
