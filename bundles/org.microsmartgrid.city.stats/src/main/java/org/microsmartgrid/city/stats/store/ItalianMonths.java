package org.microsmartgrid.city.stats.store;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.microsmartgrid.city.stats.cer.Statements;

/**
 * Calendar months in Italian time (Europe/Rome), the unit of {@code stats_session_month}: the API's periods are whole
 * Italian days, so a period from the 1st of a month to the last day of another is made of whole months only.
 */
final class ItalianMonths {

    private ItalianMonths() {
    }

    /** @return epoch ms of 00:00 Italian time on the 1st of the month {@code ms} is in */
    static long start(long ms) {
        ZonedDateTime t = Instant.ofEpochMilli(ms).atZone(Statements.ITALY);
        return t.toLocalDate().withDayOfMonth(1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    }

    /** @return the start of the month after the one {@code monthStart} starts */
    static long next(long monthStart) {
        return Instant.ofEpochMilli(monthStart).atZone(Statements.ITALY).toLocalDate().plusMonths(1)
                .atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    }

    /** @return the first month start at or after {@code ms} */
    static long firstStartFrom(long ms) {
        long s = start(ms);
        return s < ms ? next(s) : s;
    }
}
