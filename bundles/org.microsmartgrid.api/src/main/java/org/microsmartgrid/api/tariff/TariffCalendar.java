package org.microsmartgrid.api.tariff;

import java.time.Instant;
import java.time.LocalDate;

/** Which ARERA band applies when, in Italian local time, with the holidays the band definition counts. */
public interface TariffCalendar {

    TariffBand band(Instant t);

    /** The first instant after {@code t} at which the band may change (it is constant in between). */
    Instant nextPossibleChange(Instant t);

    /** Whether the band definition counts this day as a holiday (all of it F3). */
    boolean isHoliday(LocalDate day);
}
