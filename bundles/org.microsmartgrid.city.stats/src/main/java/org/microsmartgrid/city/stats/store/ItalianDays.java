package org.microsmartgrid.city.stats.store;

import java.time.Instant;

import org.microsmartgrid.city.stats.cer.Statements;

/**
 * Calendar days in Italian time (Europe/Rome), the unit of {@code stats_session_point_day}: 23, 24 or 25 hours long,
 * so never computed as multiples of 24 h. The API's periods are whole Italian days.
 */
final class ItalianDays {

    private ItalianDays() {
    }

    /** @return epoch ms of 00:00 Italian time of the day {@code ms} is in */
    static long start(long ms) {
        return Instant.ofEpochMilli(ms).atZone(Statements.ITALY).toLocalDate().atStartOfDay(Statements.ITALY)
                .toInstant().toEpochMilli();
    }

    /** @return the start of the day after the one {@code dayStart} starts */
    static long next(long dayStart) {
        return Instant.ofEpochMilli(dayStart).atZone(Statements.ITALY).toLocalDate().plusDays(1)
                .atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    }

    /** @return the first day start at or after {@code ms} */
    static long firstStartFrom(long ms) {
        long s = start(ms);
        return s < ms ? next(s) : s;
    }
}
