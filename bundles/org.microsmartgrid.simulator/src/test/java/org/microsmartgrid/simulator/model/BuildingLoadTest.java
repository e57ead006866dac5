package org.microsmartgrid.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;

class BuildingLoadTest {

    @Test
    void weekdayEveningsPeakAndNightsAreQuiet() {
        LocalDateTime wednesday = LocalDateTime.parse("2025-06-18T00:00");
        assertTrue(BuildingLoad.profile(wednesday.withHour(20)) > 0.95);
        assertTrue(BuildingLoad.profile(wednesday.withHour(3)) < 0.01);
        assertTrue(BuildingLoad.profile(wednesday.withHour(7).withMinute(30)) > BuildingLoad.profile(wednesday.withHour(11)));
    }

    @Test
    void weekendMorningsStartLater() {
        LocalDateTime wednesday = LocalDateTime.parse("2025-06-18T07:30");
        LocalDateTime saturday = LocalDateTime.parse("2025-06-21T07:30");
        assertTrue(BuildingLoad.profile(wednesday) > BuildingLoad.profile(saturday));
        assertTrue(BuildingLoad.profile(saturday.withHour(10)) > BuildingLoad.profile(wednesday.withHour(10)));
    }

    @Test
    void anInjectedPeakAddsExactlyItsWattsInsideItsWindowOnly() {
        Instant t = Instant.parse("2025-06-18T10:00:00Z");
        BuildingLoad plain = new BuildingLoad(Location.MILAN, 5, 400, 2500);
        BuildingLoad injected = new BuildingLoad(Location.MILAN, 5, 400, 2500);
        injected.inject(new LoadInjection(t, t.plusSeconds(600), 3000));
        assertEquals(plain.powerW(t.minusSeconds(1)), injected.powerW(t.minusSeconds(1)), 1e-9);
        assertEquals(plain.powerW(t) + 3000, injected.powerW(t), 1e-9);
        assertEquals(plain.powerW(t.plusSeconds(599)) + 3000, injected.powerW(t.plusSeconds(599)), 1e-9);
        assertEquals(plain.powerW(t.plusSeconds(600)), injected.powerW(t.plusSeconds(600)), 1e-9);
    }

    @Test
    void neverBelowTheBaseLoad() {
        BuildingLoad load = new BuildingLoad(Location.MILAN, 11, 400, 2500);
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        for (int s = 0; s < 7 * 86400; s += 37) assertTrue(load.powerW(t.plusSeconds(s)) >= 400);
    }
}
