package org.microsmartgrid.grid.balancer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;

class GridSetupTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    private static MeterReading grid(String id) {
        return new MeterReading(id, MeterRole.GRID, 0, Quality.GOOD, T, Map.of(), null);
    }

    @Test
    void theDeclaredNumberOfGridMetersIsFine() {
        assertEquals(Optional.empty(), SnapshotGatherer.gridSetup(List.of(grid("grid")), 1));
        assertEquals(Optional.empty(), SnapshotGatherer.gridSetup(List.of(grid("a"), grid("b")), 2));
    }

    @Test
    void anUndeclaredGridMeterIsNamed() {
        String why = SnapshotGatherer.gridSetup(List.of(grid("pv"), grid("grid")), 1).orElseThrow();
        assertTrue(why.contains("[grid, pv]") && why.contains("grid.meters = 1") && why.contains("meter.role"), why);
    }
}
