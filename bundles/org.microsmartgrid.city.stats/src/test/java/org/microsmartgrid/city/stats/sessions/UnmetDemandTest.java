package org.microsmartgrid.city.stats.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.stats.districts.Districts;
import org.microsmartgrid.city.stats.districts.GeoJsonDistricts;

/** A search is counted in its origin's grid cell and district, and nothing finer is kept. */
class UnmetDemandTest {

    static final long T = 1_780_000_000_000L - 1_780_000_000_000L % 3_600_000L;

    @Test
    void eachSearchInItsCellAndDistrict() throws Exception {
        Districts milano = GeoJsonDistricts.read(
                Path.of("../../target-platform/msg-city/conf-demo/districts-milano-demo.geojson"), "name");
        UnmetDemand u = new UnmetDemand(0.01, 500, () -> milano);
        u.searched(45.4642, 9.19, 120, T + 1000); // the Duomo, exactly on the 9.19 edge: free point near
        u.searched(45.4642, 9.19, 900, T + 2000); // nothing free within 500 m
        u.searched(45.4642, 9.19, Double.POSITIVE_INFINITY, T + 3_600_000L); // the next hour, nothing free at all
        u.searched(45.60, 9.40, 100, T); // outside every district
        u.searched(Double.NaN, 9.19, 100, T); // not a position: not counted
        List<UnmetDemand.Cell> cells = u.drain().stream()
                .sorted(Comparator.comparing(UnmetDemand.Cell::area).thenComparingLong(UnmetDemand.Cell::hourStart)).toList();
        assertEquals(List.of(new UnmetDemand.Cell("45.46,9.19", "Municipio 1", T, 2, 1),
                new UnmetDemand.Cell("45.46,9.19", "Municipio 1", T + 3_600_000L, 1, 1),
                new UnmetDemand.Cell("45.60,9.40", Districts.OTHER, T, 1, 0)), cells);
        assertEquals(List.of(), u.drain(), "drained once");
    }
}
