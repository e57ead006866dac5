package org.microsmartgrid.city.ocpi.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.microsmartgrid.city.ocpi.OcpiSchemas;
import org.microsmartgrid.city.ocpi.model.OcpiJson;
import org.microsmartgrid.city.ocpi.model.OcpiLocation;
import org.microsmartgrid.city.ocpi.model.RegularHours;
import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.ModuleState;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.VehicleClass;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the registry holds (names with markup and line breaks, long texts, odd positions, unknown connector
 * values, hours OCPI cannot say), what we publish is valid OCPI 2.2.1 by the schemas written from the spec, and a
 * private provider's name and address never appear in it.
 */
class LocationMapperPropertyTest {

    private final LocationMapper mapper = new LocationMapper(Points.PARTY);

    @Property(tries = 200)
    void everyPublishedLocationIsValidOcpi(@ForAll("locations") Location l) {
        Optional<OcpiLocation> o = mapper.map(l);
        if (o.isEmpty()) {
            assertFalse(l.located() && Math.abs(l.latitude()) <= 90 && Math.abs(l.longitude()) <= 180
                    && l.evses().stream().anyMatch(e -> e.connectors().stream().anyMatch(c -> c.standard().startsWith("DOMESTIC"))),
                    "a point that can be valid OCPI is published");
            return;
        }
        String json = OcpiJson.GSON.toJson(o.get());
        assertEquals(List.of(), OcpiSchemas.locations("Location", json), json);
        if (o.get().openingTimes() != null && o.get().openingTimes().regularHours() != null)
            for (RegularHours h : o.get().openingTimes().regularHours())
                assertTrue(h.periodEnd().compareTo(h.periodBegin()) > 0, "period_end later than period_begin: " + h);
        if (l.operatorType() == OperatorType.PRIVATE_INDIVIDUAL) {
            assertEquals(Privacy.PRIVATE_NAME, o.get().name(), "a private provider's name is withheld");
            assertEquals("", o.get().address(), "a private provider's address is withheld");
        }
        long newest = l.evses().stream().mapToLong(Evse::statusAt).max().orElse(0);
        assertEquals(OcpiTime.format(Math.max(l.lastUpdated(), newest)), o.get().lastUpdated());
    }

    @Provide
    Arbitrary<Location> locations() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().withChars("àèìòù—\r\n\t <>\"&'€😀xyz").ofMaxLength(300),
                Arbitraries.of("Bar Roma", "Mario Rossi", "Via Larga 12", "<script>alert(1)</script>"));
        Arbitrary<Double> lat = Arbitraries.oneOf(Arbitraries.doubles().between(-90, 90),
                Arbitraries.of(45.46, 0.0, -0.0, 90.0, -90.0, 91.0, Double.NaN), Arbitraries.just(null));
        Arbitrary<Double> lon = Arbitraries.oneOf(Arbitraries.doubles().between(-180, 180),
                Arbitraries.of(9.19, 180.0, -180.0, 181.0, Double.NEGATIVE_INFINITY));
        Arbitrary<String> standard = Arbitraries.of("DOMESTIC_F", "DOMESTIC_L", "IEC_62196_T2", "SCHUKO", "");
        Arbitrary<Connector> connector = Combinators.combine(Arbitraries.integers().between(1, 3), standard,
                Arbitraries.of("SOCKET", "CABLE"), Arbitraries.of("AC_1_PHASE", "AC_3_PHASE", "DC"),
                Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 500),
                Arbitraries.integers().between(0, 350_000)).as(Connector::new);
        Arbitrary<Evse> evse = Combinators.combine(Arbitraries.integers().between(1, 16),
                Arbitraries.of(EvseStatus.class), Arbitraries.longs().between(0, 4_000_000_000_000L),
                connector.list().ofMinSize(1).ofMaxSize(2)).as((n, s, at, cs) -> new Evse(n, s, at, null, cs));
        Arbitrary<String> hours = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("24/7", "Mo-Fr 08:00-20:00",
                "Sa-Mo 22:00-02:00; Tu 00:00-24:00", "Mo,We,Fr 06:00-09:00,17:00-23:30", "PH off", "Su 23:59-00:00"),
                Arbitraries.strings().withChars("MoTuWeSa-:,; 0123456789").ofMaxLength(40));
        Arbitrary<ModuleState> module = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(true, false)
                .map(on -> new ModuleState("milano", "AA:BB", "SN-1", "0.1.0", on, 1_700_000_000_000L)));
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.create(() -> java.util.UUID.randomUUID().toString()),
                Arbitraries.strings().alpha().numeric().withChars("-._").ofMinLength(1).ofMaxLength(36));
        return Combinators.combine(id, text, Arbitraries.oneOf(text, Arbitraries.just(null)), lat, lon,
                Arbitraries.of(OperatorType.class), Arbitraries.of(VehicleClass.class).set(),
                Arbitraries.of("CAFE", "WIFI", "PARKING_LOT", "SHADE", "cafe", "BIKE_SHARING").set()).as(
                (i, name, address, la, lo, type, vehicles, facilities) -> new Object[] {i, name, address, la, lo, type,
                        vehicles, facilities})
                .flatMap(a -> Combinators.combine(hours, module, evse.list().ofMaxSize(4), text.injectNull(0.3),
                        Arbitraries.longs().between(0, 4_000_000_000_000L)).as((h, m, es, city, updated) -> {
                    @SuppressWarnings("unchecked")
                    Set<VehicleClass> vehicles = (Set<VehicleClass>) a[6];
                    @SuppressWarnings("unchecked")
                    Set<String> facilities = (Set<String>) a[7];
                    return new Location((String) a[0], (String) a[1], (String) a[2], city, (Double) a[3],
                            (Double) a[4], (OperatorType) a[5], m != null, vehicles, facilities, h, false, null,
                            updated, m, es);
                }));
    }
}
