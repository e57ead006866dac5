package org.microsmartgrid.runtime.systemd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LoopLivenessTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration STUCK = Duration.ofSeconds(15);

    @Test
    void aModuleWithoutLoopIsAliveWhileTheFrameworkRuns() {
        assertTrue(LoopLiveness.alive(false, null, T0, T0.plusSeconds(3600), STUCK));
    }

    @Test
    void aLoopThatCyclesIsAliveAndOneThatStoppedIsNot() {
        assertTrue(LoopLiveness.alive(true, T0.plusSeconds(100), T0, T0.plusSeconds(101), STUCK));
        assertFalse(LoopLiveness.alive(true, T0.plusSeconds(100), T0, T0.plusSeconds(116), STUCK));
    }

    @Test
    void aNewLoopGetsTimeForItsFirstCycleButNotForever() {
        assertTrue(LoopLiveness.alive(true, null, T0, T0.plusSeconds(10), STUCK));
        assertFalse(LoopLiveness.alive(true, null, T0, T0.plusSeconds(16), STUCK));
    }

    @Test
    void aCycleFromBeforeTheLoopWasSeenDoesNotCountAgainstIt() {
        assertTrue(LoopLiveness.alive(true, T0.minusSeconds(60), T0, T0.plusSeconds(5), STUCK));
    }
}
