package org.microsmartgrid.console.relays;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RelaysPageTest {
    private static final Instant T = Instant.parse("2026-12-07T22:42:56Z");

    @Test
    void mockRelaysCarryAPermanentBanner() {
        String page = RelaysPage.render(new Snapshot(List.of(), List.of()), "/x", "t", null, T, RelaysPlugin.ITALY, true);
        assertTrue(page.contains("id=\"mock-gpio\"") && page.contains("nessuna presa viene comandata"), page);
        String real = RelaysPage.render(new Snapshot(List.of(), List.of()), "/x", "t", null, T, RelaysPlugin.ITALY, false);
        assertFalse(real.contains("mock-gpio"));
    }

    @Test
    void timesAreItalianLocalTime() {
        String page = RelaysPage.render(new Snapshot(List.of(), List.of()), "/x", "t", null, T, RelaysPlugin.ITALY, false);
        assertTrue(page.contains("23:42:56"), "22:42:56Z is 23:42:56 in Rome in December: " + page);
    }
}
