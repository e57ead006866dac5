package org.microsmartgrid.simulator.server;

import org.microsmartgrid.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

class SimulationClockTest {
    private static final Instant WALL = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant SIM = Instant.parse("2025-06-21T04:00:00Z");

    @Test
    void runsSpeedTimesFasterFromItsStart() {
        ManualClock wall = new ManualClock(WALL);
        SimulationClock clock = new SimulationClock(wall, SIM, 60);
        assertEquals(SIM, clock.now());
        wall.advance(Duration.ofSeconds(90));
        assertEquals(SIM.plus(Duration.ofMinutes(90)), clock.now());
    }

    @Test
    void changingSpeedKeepsTimeContinuous() {
        ManualClock wall = new ManualClock(WALL);
        SimulationClock clock = new SimulationClock(wall, SIM, 10);
        wall.advance(Duration.ofSeconds(6));
        clock.setSpeed(1);
        assertEquals(SIM.plusSeconds(60), clock.now());
        wall.advance(Duration.ofSeconds(6));
        assertEquals(SIM.plusSeconds(66), clock.now());
    }

    @Test
    void fractionalSpeedsAndJumps() {
        ManualClock wall = new ManualClock(WALL);
        SimulationClock clock = new SimulationClock(wall, SIM, 0.5);
        wall.advance(Duration.ofMillis(1001));
        assertEquals(SIM.plusMillis(500).plusNanos(500_000), clock.now());
        clock.jumpTo(SIM.minusSeconds(3600));
        wall.advance(Duration.ofSeconds(2));
        assertEquals(SIM.minusSeconds(3599), clock.now());
    }
}
