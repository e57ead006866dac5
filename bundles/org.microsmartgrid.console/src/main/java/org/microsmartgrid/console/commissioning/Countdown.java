package org.microsmartgrid.console.commissioning;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as an installer on site reads them: Italian local time and how long until then ("alle 00:42:56, tra 25 s"),
 * never a raw UTC timestamp such as "DEFERRED … until 23:42:56Z".
 */
public final class Countdown {

    public static final ZoneId ITALY = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private Countdown() {
    }

    /** "tra 25 s", "tra 2 min 05 s", "tra 1 h 02 min"; "ora / now" once it has passed. */
    public static String in(Instant now, Instant until) {
        long s = (long) Math.ceil(Duration.between(now, until).toMillis() / 1000.0);
        if (s <= 0) return "ora / now";
        if (s < 60) return "tra " + s + " s";
        if (s < 3600) return String.format(Locale.ROOT, "tra %d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "tra %d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** "alle 00:42:56 (tra 25 s)" in the given zone. */
    public static String at(Instant now, Instant until, ZoneId zone) {
        return "alle " + HH_MM_SS.format(until.atZone(zone)) + " (" + in(now, until) + ")";
    }
}
