package org.microsmartgrid.cloud.kapua.city;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorState;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.cloud.kapua.outbox.Outbox;
import org.microsmartgrid.cloud.kapua.telemetry.OutboxSink;
import org.microsmartgrid.cloud.kapua.topic.KuraTopics;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

/**
 * CITY-V1 EXEC door on the module: a well-formed request reaches the module's door service as the keypad's would
 * (channel "city") and its answer carries the outcome only; a bad one is a 400 and tries nothing.
 */
class CityDoorRequestTest {

    /** The door service as building.access answers (its own outcomes and messages); records every attempt. */
    static final class Doors implements DoorAccess {
        final List<String> attempts = new ArrayList<>();

        @Override
        public List<DoorState> doors() {
            return List.of(new DoorState("portone", "Portone via Larga", "FAIL_SECURE", false, "CLOSED", false),
                    new DoorState("locker-1", "", "FAIL_SECURE", false, "NONE", false),
                    new DoorState("retro", "Porta sul retro / back door", "FAIL_SECURE", false, "NONE", false, false));
        }

        @Override
        public IssuedCode issue(String door, CodeKind kind, Instant from, Instant until, String reason, String by) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AccessResult redeem(String door, String code, String via) {
            if (doors().stream().noneMatch(d -> d.id().equals(door)))
                throw new IllegalArgumentException("Porta sconosciuta / unknown door '" + door + "'");
            attempts.add(door + " " + code + " " + via);
            return code.equals("12345678") ? new AccessResult("GRANTED", true, "Accesso consentito / Access granted")
                    : new AccessResult("REFUSED", false, "Codice non valido / Invalid code");
        }
    }

    @TempDir
    Path dir;
    private Outbox outbox;
    private final Doors doors = new Doors();
    private CityRequests city;

    @BeforeEach
    void open() throws Exception {
        outbox = Outbox.open(dir.resolve("outbox"), 100);
        city = new CityRequests(new CityFaultHandler(new OutboxSink(new KuraTopics("city", "mod-1"), outbox, () -> { },
                false)), new CityDoorHandler(() -> Optional.of(doors)), new CityDoorCodeHandler(() -> Optional.of(doors)));
    }

    @AfterEach
    void close() throws Exception {
        outbox.close();
    }

    private static KuraRequest door(Map<String, Object> metrics) {
        Map<String, Object> m = new HashMap<>(metrics);
        m.put("request.id", "door-1");
        m.put("requester.client.id", "mod-1");
        return new KuraRequest("CITY-V1", "EXEC", List.of("door"), m, null, "door-1", "mod-1");
    }

    @Test
    void aCodeIsTriedAsTheKeypadWouldAndTheReplyCarriesTheOutcomeOnly() {
        KuraResponse opened = city.handle(door(Map.of("door", "portone", "code", "12345678")));
        assertEquals(200, opened.code());
        assertEquals(Map.of("outcome", "GRANTED", "granted", true, "message", "Accesso consentito / Access granted"),
                opened.metrics());

        KuraResponse refused = city.handle(door(Map.of("door", "portone", "code", "87654321")));
        assertEquals(200, refused.code(), "the request was served; the refusal is its outcome");
        assertEquals("REFUSED", refused.metrics().get("outcome"));
        assertEquals(false, refused.metrics().get("granted"));

        assertEquals(List.of("portone 12345678 city", "portone 87654321 city"), doors.attempts);
        assertEquals(0, outbox.size(), "the module's own door service sends the access events, not this handler");
    }

    @Test
    void aMalformedRequestIs400AndTriesNothing() {
        List<Map<String, Object>> bad = List.of(
                Map.of("code", "12345678"),
                Map.of("door", "Portone!", "code", "12345678"),
                Map.of("door", "", "code", "12345678"),
                Map.of("door", 7L, "code", "12345678"),
                Map.of("door", "portone"),
                Map.of("door", "portone", "code", ""),
                Map.of("door", "portone", "code", 12345678L),
                Map.of("door", "portone", "code", "1".repeat(33)));
        for (Map<String, Object> metrics : bad) {
            KuraResponse r = city.handle(door(metrics));
            assertEquals(400, r.code(), metrics.toString());
            assertTrue(r.exception() != null && !r.exception().isBlank(), "a 400 says what is wrong");
        }
        assertEquals(List.of(), doors.attempts);
    }

    @Test
    void anUnknownDoorOrAModuleWithoutDoorsIs404() {
        KuraResponse unknown = city.handle(door(Map.of("door", "cantina", "code", "12345678")));
        assertEquals(404, unknown.code());
        assertTrue(unknown.exception().contains("cantina"), unknown.exception());

        CityRequests noDoors = new CityRequests(new CityFaultHandler(new OutboxSink(new KuraTopics("city", "mod-1"),
                outbox, () -> { }, false)), new CityDoorHandler(Optional::empty), new CityDoorCodeHandler(Optional::empty));
        assertEquals(404, noDoors.handle(door(Map.of("door", "portone", "code", "12345678"))).code());
        assertEquals(List.of(), doors.attempts);
    }

    @Test
    void aDoorKeptOffThePublicPageIsAnsweredAsAnUnknownDoorAndTriesNothing() {
        KuraResponse unknown = city.handle(door(Map.of("door", "cantina", "code", "12345678")));
        KuraResponse offPage = city.handle(door(Map.of("door", "retro", "code", "12345678")));
        assertEquals(404, offPage.code());
        assertEquals(unknown.exception().replace("cantina", "retro"), offPage.exception(),
                "the same words as for a door the module does not have");
        assertEquals(List.of(), doors.attempts, "no attempt reaches the door service, none is counted");
    }

    @Test
    void otherCityRequestsStillReachTheirHandlerAndUnknownOnesAre404() {
        Map<String, Object> m = new HashMap<>(Map.of("fault_id", "f1", "kind", "NO_POWER", "reported", 1L));
        m.put("request.id", "f1");
        m.put("requester.client.id", "mod-1");
        assertEquals(200, city.handle(new KuraRequest("CITY-V1", "EXEC", List.of("faults"), m, null, "f1", "mod-1"))
                .code());
        assertEquals(404, city.handle(new KuraRequest("CITY-V1", "GET", List.of("door"), m, null, "f1", "mod-1"))
                .code());
        assertEquals(404, city.handle(new KuraRequest("CITY-V1", "EXEC", List.of("door", "portone"), m, null, "f1",
                "mod-1")).code());
    }

    @Test
    void theCityLearnsDoorIdsAndLabelsOnly() {
        JsonArray list = JsonParser.parseString(CityDoorHandler.publicList(doors.doors())).getAsJsonArray();
        assertEquals(2, list.size());
        assertEquals("portone", list.get(0).getAsJsonObject().get("id").getAsString());
        assertEquals("Portone via Larga", list.get(0).getAsJsonObject().get("label").getAsString());
        assertEquals("locker-1", list.get(1).getAsJsonObject().get("label").getAsString(), "no name: the id");
        assertEquals(2, list.get(0).getAsJsonObject().size(), "nothing but id and label");
        assertFalse(CityDoorHandler.publicList(List.of()).contains("id"));
        assertFalse(CityDoorHandler.publicList(doors.doors()).contains("retro"), "kept off the public page");
    }

    @Test
    void theDoorsKeptOffThePublicPageGoUnderTheirOwnKeyForTheOwner() {
        JsonArray owners = JsonParser.parseString(CityDoorHandler.ownerOnlyList(doors.doors())).getAsJsonArray();
        assertEquals(1, owners.size());
        assertEquals("retro", owners.get(0).getAsJsonObject().get("id").getAsString());
        assertEquals("Porta sul retro / back door", owners.get(0).getAsJsonObject().get("label").getAsString());
        assertEquals(null, CityDoorHandler.ownerOnlyList(doors.doors().subList(0, 2)), "all public: no key at all");
    }
}
