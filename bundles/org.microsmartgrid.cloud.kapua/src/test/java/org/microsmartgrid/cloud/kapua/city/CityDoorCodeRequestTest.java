package org.microsmartgrid.cloud.kapua.city;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorState;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;

/**
 * CITY-V1 EXEC door-code on the module: the point's owner on the city gets a courier code from the module's own door
 * service (issuer {@code city:<account>}), within the service's courier window; anything wrong issues nothing.
 */
class CityDoorCodeRequestTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    /** The door service as building.access behaves: unknown door and a too long courier window are refused. */
    static final class Doors implements DoorAccess {
        final List<String> issued = new ArrayList<>();
        final Duration courierMax;

        Doors(Duration courierMax) {
            this.courierMax = courierMax;
        }

        @Override
        public List<DoorState> doors() {
            return List.of(new DoorState("portone", "Portone via Larga", "FAIL_SECURE", false, "CLOSED", false),
                    new DoorState("retro", "Porta sul retro", "FAIL_SECURE", false, "NONE", false, false));
        }

        @Override
        public IssuedCode issue(String door, CodeKind kind, Instant from, Instant until, String reason, String by) {
            if (!door.equals("portone") && !door.equals("retro")) throw new IllegalArgumentException("Porta sconosciuta / unknown door");
            if (Duration.between(from, until).compareTo(courierMax) > 0)
                throw new IllegalArgumentException("Finestra troppo lunga / window too long: at most "
                        + courierMax.toHours() + " h for " + kind);
            issued.add(door + " " + kind + " " + from + " " + until + " " + reason + " " + by);
            return new IssuedCode("c-" + issued.size(), door, kind, from, until, "1234567" + issued.size());
        }

        @Override
        public AccessResult redeem(String door, String code, String via) {
            throw new UnsupportedOperationException();
        }
    }

    private final Doors doors = new Doors(Duration.ofHours(2));
    private final CityRequests city = requests(() -> Optional.of(doors));

    private static CityRequests requests(java.util.function.Supplier<Optional<DoorAccess>> access) {
        return new CityRequests(null, null, new CityDoorCodeHandler(access, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private static KuraRequest doorCode(Map<String, Object> metrics) {
        Map<String, Object> m = new HashMap<>(metrics);
        m.put("request.id", "door-code-1");
        m.put("requester.client.id", "mod-1");
        return new KuraRequest("CITY-V1", "EXEC", List.of("door-code"), m, null, "door-code-1", "mod-1");
    }

    private static Map<String, Object> ask(String door, Object startsIn, Object minutes) {
        return Map.of("door", door, "minutes_from_now", startsIn, "minutes", minutes, "account", "a1b2-c3");
    }

    @Test
    void theOwnerGetsACourierCodeFromTheDoorServiceWithTheCityAsIssuer() {
        KuraResponse r = city.handle(doorCode(ask("portone", 30, 90)));
        assertEquals(200, r.code(), r.exception());
        assertEquals(Map.of("code", "12345671", "id", "c-1", "from", "2026-12-07T10:30:00Z",
                "until", "2026-12-07T12:00:00Z"), r.metrics());
        assertEquals(List.of("portone COURIER 2026-12-07T10:30:00Z 2026-12-07T12:00:00Z null city:a1b2-c3"),
                doors.issued);
    }

    @Test
    void theOwnerIssuesForADoorKeptOffThePublicPageToo() {
        KuraResponse r = city.handle(doorCode(ask("retro", 0, 60)));
        assertEquals(200, r.code(), r.exception());
        assertEquals(List.of("retro COURIER 2026-12-07T10:00:00Z 2026-12-07T11:00:00Z null city:a1b2-c3"),
                doors.issued);
    }

    @Test
    void aWindowLongerThanTheDoorServiceAllowsIsRefusedWithItsReasonAndIssuesNothing() {
        KuraResponse r = city.handle(doorCode(ask("portone", 0L, 180L)));
        assertEquals(409, r.code());
        assertTrue(r.exception().contains("window too long"), r.exception());
        assertEquals(List.of(), doors.issued);
    }

    @Test
    void aMalformedRequestIs400AndIssuesNothing() {
        List<Map<String, Object>> bad = List.of(
                Map.of("minutes_from_now", 0, "minutes", 60, "account", "a1"),
                Map.of("door", "Portone!", "minutes_from_now", 0, "minutes", 60, "account", "a1"),
                Map.of("door", "portone", "minutes", 60, "account", "a1"),
                Map.of("door", "portone", "minutes_from_now", -1, "minutes", 60, "account", "a1"),
                Map.of("door", "portone", "minutes_from_now", 1441, "minutes", 60, "account", "a1"),
                Map.of("door", "portone", "minutes_from_now", "0", "minutes", 60, "account", "a1"),
                Map.of("door", "portone", "minutes_from_now", 0, "minutes", 4, "account", "a1"),
                Map.of("door", "portone", "minutes_from_now", 0, "minutes", 721, "account", "a1"),
                Map.of("door", "portone", "minutes_from_now", 0, "minutes", 60),
                Map.of("door", "portone", "minutes_from_now", 0, "minutes", 60, "account", "a1\nforged line"),
                Map.of("door", "portone", "minutes_from_now", 0, "minutes", 60, "account", "a1",
                        "kind", "INTERVENTION"));
        for (Map<String, Object> metrics : bad) {
            KuraResponse r = city.handle(doorCode(metrics));
            assertEquals(400, r.code(), metrics.toString());
            assertTrue(r.exception() != null && !r.exception().isBlank(), "a 400 says what is wrong");
        }
        assertEquals(List.of(), doors.issued);
    }

    @Test
    void anUnknownDoorOrAModuleWithoutDoorsIs404() {
        KuraResponse unknown = city.handle(doorCode(ask("cantina", 0, 60)));
        assertEquals(404, unknown.code());
        assertTrue(unknown.exception().contains("cantina"), unknown.exception());
        assertEquals(404, requests(Optional::empty).handle(doorCode(ask("portone", 0, 60))).code());
        assertEquals(List.of(), doors.issued);
    }
}
