package org.microsmartgrid.relay.gpio.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times in messages people read (the console, Kapua, the log's reasons): Italian local time, since a Pi's clock is
 * usually set to UTC and an installer on site reads "23:42:56Z" as the wrong hour. The API's records keep instants.
 */
final class ItalianTime {
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ItalianTime() {}

    /** "23:42:56 ora italiana" */
    static String of(Instant t) {
        return CLOCK.format(t.atZone(ROME)) + " ora italiana";
    }

    /** "in 42 s" / "in 3 min 5 s": how long until {@code then}, for a countdown. */
    static String in(Instant now, Instant then) {
        long s = Math.max(0, Duration.between(now, then).toSeconds());
        return s < 60 ? "in " + s + " s" : "in " + s / 60 + " min " + s % 60 + " s";
    }
}
