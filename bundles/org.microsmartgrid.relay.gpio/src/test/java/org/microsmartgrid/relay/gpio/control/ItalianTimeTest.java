package org.microsmartgrid.relay.gpio.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ItalianTimeTest {
    @Test
    void relayReasonsSayItalianTimeWithACountdown() {
        Instant t = Instant.parse("2026-12-07T22:42:56Z");
        assertEquals("23:42:56 ora italiana", ItalianTime.of(t), "winter: UTC+1");
        assertEquals("00:42:56 ora italiana", ItalianTime.of(Instant.parse("2026-07-07T22:42:56Z")), "summer: UTC+2");
        assertEquals("in 42 s", ItalianTime.in(t.minusSeconds(42), t));
        assertEquals("in 3 min 5 s", ItalianTime.in(t.minusSeconds(185), t));
    }
}
