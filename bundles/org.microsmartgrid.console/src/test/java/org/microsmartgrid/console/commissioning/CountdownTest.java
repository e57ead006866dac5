package org.microsmartgrid.console.commissioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Times for people: Italian local time and how long to wait, instead of "DEFERRED … until 23:42:56Z". */
class CountdownTest {

    private static final Instant NOW = Instant.parse("2026-12-06T23:42:31Z");

    @Test
    void aDeferredSwitchReadsAsItalianTimeAndSecondsToWait() {
        assertEquals("alle 00:42:56 (tra 25 s)", Countdown.at(NOW, Instant.parse("2026-12-06T23:42:56Z"), Countdown.ITALY));
    }

    @Test
    void summerTimeIsTwoHoursAheadOfUtc() {
        assertEquals("alle 14:00:00 (tra 1 h 00 min)", Countdown.at(Instant.parse("2026-07-01T11:00:00Z"),
                Instant.parse("2026-07-01T12:00:00Z"), Countdown.ITALY));
    }

    @Test
    void minutesSecondsAndThePast() {
        assertEquals("tra 2 min 05 s", Countdown.in(NOW, NOW.plusSeconds(125)));
        assertEquals("tra 1 s", Countdown.in(NOW, NOW.plusMillis(200)), "a part of a second still has to pass");
        assertEquals("ora / now", Countdown.in(NOW, NOW.minusSeconds(3)));
    }
}
