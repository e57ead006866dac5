package org.microsmartgrid.city.search;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One weekly opening period in local time (OCPI RegularHours: weekday, period_begin, period_end), half open:
 * {@code [begin, end)}. {@code end} at {@link LocalTime#MIDNIGHT} means the end of the day (OCPI "24:00"), so
 * 00:00–00:00 is the whole day; an {@code end} before {@code begin} crosses midnight into the next day (Friday
 * 22:00–02:00 is open early on Saturday).
 *
 * @throws InvalidQueryException if a value is missing, or begin equals end (other than the whole day)
 */
public record WeeklyPeriod(DayOfWeek day, LocalTime begin, LocalTime end) {
    public WeeklyPeriod {
        InvalidQueryException.required("day", day);
        InvalidQueryException.required("begin", begin);
        InvalidQueryException.required("end", end);
        if (begin.equals(end) && !begin.equals(LocalTime.MIDNIGHT)) {
            throw new InvalidQueryException("end", "periodo vuoto: inizio e fine " + begin,
                    "empty period: begins and ends at " + begin);
        }
    }

    /** Whether the period runs past midnight into the next day. */
    public boolean crossesMidnight() {
        return !end.equals(LocalTime.MIDNIGHT) && end.isBefore(begin);
    }

    /** Whether local time {@code time} on local day {@code today} falls in this period. */
    boolean covers(DayOfWeek today, LocalTime time) {
        if (today == day) {
            if (end.equals(LocalTime.MIDNIGHT) || crossesMidnight()) {
                return !time.isBefore(begin);
            }
            return !time.isBefore(begin) && time.isBefore(end);
        }
        return crossesMidnight() && today == day.plus(1) && time.isBefore(end);
    }
}
