package org.microsmartgrid.building.access.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleTest {
    final Throttle.Rules rules = new Throttle.Rules(3, Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofHours(1));
    final Instant t0 = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void backOffDoublesUpToTheMaximum() {
        Throttle.State s = Throttle.State.CLEAR;
        Instant now = t0;
        long[] expected = {30, 60, 120, 120};
        for (long seconds : expected) {
            for (int i = 0; i < 3; i++) s = Throttle.failure(s, rules, now);
            assertEquals(Duration.ofSeconds(seconds), Duration.between(now, s.blockedUntil()));
            assertTrue(Throttle.blocked(s, now.plusSeconds(seconds - 1)));
            assertFalse(Throttle.blocked(s, now.plusSeconds(seconds)));
            now = now.plusSeconds(seconds);
        }
    }

    @Test
    void oldFailuresAreForgotten() {
        Throttle.State s = Throttle.failure(Throttle.failure(Throttle.State.CLEAR, rules, t0), rules, t0);
        s = Throttle.failure(s, rules, t0.plus(Duration.ofHours(2)));
        assertEquals(1, s.failures());
        assertFalse(Throttle.blocked(s, t0.plus(Duration.ofHours(2))));
    }
}
