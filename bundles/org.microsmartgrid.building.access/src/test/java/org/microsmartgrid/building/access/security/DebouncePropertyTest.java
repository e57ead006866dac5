package org.microsmartgrid.building.access.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DebouncePropertyTest {
    static final Duration DEBOUNCE = Duration.ofMillis(200);
    static final Instant T0 = Instant.parse("2026-12-07T21:00:00Z");

    @Property
    void pulsesShorterThanTheDebounceNeverChangeTheLevel(
            @ForAll @Size(min = 1, max = 50) List<@IntRange(min = 1, max = 199) Integer> pulses) {
        Debounce d = Debounce.startingAt(false);
        Instant now = T0;
        for (int ms : pulses) {
            // active for ms (< debounce), scanned every 10 ms, then idle for 10 ms
            for (int t = 0; t < ms; t += 10) d = d.step(true, now.plusMillis(t), DEBOUNCE);
            now = now.plusMillis(ms);
            d = d.step(false, now, DEBOUNCE);
            assertFalse(d.stable(), "a bounce became an alarm");
            now = now.plusMillis(10);
        }
    }

    @Property
    void aLevelHeldForTheDebounceIsTaken(@ForAll @IntRange(min = 200, max = 5000) int heldMs) {
        Debounce d = Debounce.startingAt(false);
        for (int t = 0; t <= heldMs; t += 10) d = d.step(true, T0.plusMillis(t), DEBOUNCE);
        assertEquals(true, d.stable());
    }
}
