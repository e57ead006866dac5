package org.microsmartgrid.city.search;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When a point can be used, as OCPI Hours says it (twentyfourseven, regular_hours, exceptional_openings,
 * exceptional_closings), evaluated in the city's time zone {@link #ZONE} (Europe/Rome, with its daylight saving
 * time). Precedence at an instant: unknown hours are never "open now"; an exceptional closing closes; an exceptional
 * opening opens; otherwise 24/7 or a regular period.
 *
 * @param known               false when nobody told us (a point listed without hours): never matches "open now"
 * @param twentyFourSeven     open at all times (except exceptional closings)
 * @param regularHours        weekly periods in local time; must be empty when 24/7
 * @param exceptionalOpenings absolute periods open regardless of the regular hours
 * @param exceptionalClosings absolute periods closed regardless of everything else
 */
public record OpeningHours(boolean known, boolean twentyFourSeven, List<WeeklyPeriod> regularHours,
                           List<ExceptionalPeriod> exceptionalOpenings, List<ExceptionalPeriod> exceptionalClosings) {

    /** The city's time zone: every local time in opening hours is Italian time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private static final OpeningHours UNKNOWN = new OpeningHours(false, false, List.of(), List.of(), List.of());
    private static final OpeningHours ALWAYS = new OpeningHours(true, true, List.of(), List.of(), List.of());

    public OpeningHours {
        regularHours = List.copyOf(InvalidQueryException.required("regularHours", regularHours));
        exceptionalOpenings = List.copyOf(InvalidQueryException.required("exceptionalOpenings", exceptionalOpenings));
        exceptionalClosings = List.copyOf(InvalidQueryException.required("exceptionalClosings", exceptionalClosings));
        if (twentyFourSeven && !regularHours.isEmpty()) {
            throw new InvalidQueryException("regularHours", "orari settimanali con apertura 24/7",
                    "weekly hours given for a 24/7 point");
        }
        if (!known && (twentyFourSeven || !regularHours.isEmpty() || !exceptionalOpenings.isEmpty()
                || !exceptionalClosings.isEmpty())) {
            throw new InvalidQueryException("known", "orari sconosciuti ma con periodi", "unknown hours with periods");
        }
    }

    /** Hours nobody told us: never "open now". */
    public static OpeningHours unknown() {
        return UNKNOWN;
    }

    /** Open at all times. */
    public static OpeningHours alwaysOpen() {
        return ALWAYS;
    }

    /** Open in these weekly periods (Europe/Rome local time). */
    public static OpeningHours weekly(List<WeeklyPeriod> periods) {
        return new OpeningHours(true, false, periods, List.of(), List.of());
    }

    /** These hours with exceptional openings and closings added. */
    public OpeningHours withExceptions(List<ExceptionalPeriod> openings, List<ExceptionalPeriod> closings) {
        return new OpeningHours(known, twentyFourSeven, regularHours, openings, closings);
    }

    /** Whether the point is open at {@code instant} (see the class comment for the precedence). */
    public boolean isOpenAt(Instant instant) {
        if (!known) {
            return false;
        }
        ZonedDateTime local = instant.atZone(ZONE);
        return isOpenAt(instant, local.getDayOfWeek(), local.toLocalTime());
    }

    /** {@link #isOpenAt(Instant)} with the instant's local day and time in {@link #ZONE} worked out once per query. */
    boolean isOpenAt(Instant instant, DayOfWeek localDay, LocalTime localTime) {
        if (!known) {
            return false;
        }
        for (ExceptionalPeriod closing : exceptionalClosings) {
            if (closing.covers(instant)) {
                return false;
            }
        }
        for (ExceptionalPeriod opening : exceptionalOpenings) {
            if (opening.covers(instant)) {
                return true;
            }
        }
        if (twentyFourSeven) {
            return true;
        }
        for (WeeklyPeriod period : regularHours) {
            if (period.covers(localDay, localTime)) {
                return true;
            }
        }
        return false;
    }
}
