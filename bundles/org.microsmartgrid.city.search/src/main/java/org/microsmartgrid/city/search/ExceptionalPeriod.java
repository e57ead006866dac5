package org.microsmartgrid.city.search;

import java.time.Instant;

/**
 * An exceptional opening or closing (OCPI ExceptionalPeriod), half open: {@code [begin, end)}.
 *
 * @throws InvalidQueryException if a value is missing or {@code end} is not after {@code begin}
 */
public record ExceptionalPeriod(Instant begin, Instant end) {
    public ExceptionalPeriod {
        InvalidQueryException.required("begin", begin);
        InvalidQueryException.required("end", end);
        if (!end.isAfter(begin)) {
            throw new InvalidQueryException("end", "la fine non segue l'inizio", "end is not after begin");
        }
    }

    boolean covers(Instant instant) {
        return !instant.isBefore(begin) && instant.isBefore(end);
    }
}
