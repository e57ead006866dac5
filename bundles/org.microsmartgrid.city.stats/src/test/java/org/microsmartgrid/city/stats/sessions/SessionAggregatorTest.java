package org.microsmartgrid.city.stats.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.VehicleClass;
import org.microsmartgrid.city.stats.districts.Districts;
import org.microsmartgrid.city.stats.districts.GeoJsonDistricts;

/** A closed session is counted in its point's district as configured when it closes. */
class SessionAggregatorTest {

    static Location at(String id, double lat, double lon) {
        return new Location(id, id, "Via", "Milano", lat, lon, OperatorType.PUBLIC_BODY, true, Set.of(VehicleClass.CAR),
                Set.of(), null, false, null, 0, null, List.of());
    }

    @Test
    void eachSessionInItsPointsDistrict() throws Exception {
        AtomicReference<Districts> districts = new AtomicReference<>(Districts.none());
        SessionAggregator s = new SessionAggregator(0.01, districts::get);
        long t = 1_780_000_000_000L;
        s.closed(at("marino", 45.4669, 9.1900), t, 5000, 1000);
        assertEquals(Districts.OTHER, s.drain().get(0).district(), "no districts configured yet");

        districts.set(GeoJsonDistricts.read(
                java.nio.file.Path.of("../../target-platform/msg-city/conf-demo/districts-milano-demo.geojson"), "name"));
        s.closed(at("marino", 45.4669, 9.1900), t, 5000, 1000);
        s.closed(at("marino", 45.4669, 9.1900), t + 60_000, 3000, 0);
        s.closed(at("centrale", 45.4861, 9.2045), t, 7000, 0);
        List<SessionHour> hours = s.drain();
        SessionHour marino = hours.stream().filter(h -> h.locationId().equals("marino")).findFirst().orElseThrow();
        assertEquals("Municipio 1", marino.district());
        assertEquals(2, marino.sessions());
        assertEquals(8000, marino.energyWh());
        assertEquals(Areas.cell(45.4669, 9.1900, 0.01), marino.area(), "the grid cell stays as it was");
        assertEquals(Districts.OTHER,
                hours.stream().filter(h -> h.locationId().equals("centrale")).findFirst().orElseThrow().district());
    }
}
