package org.microsmartgrid.city.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.broker.ModuleOnCityBroker.CLIENT;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.microsmartgrid.city.broker.doors.DoorAnswer;
import org.microsmartgrid.city.broker.doors.DoorRequests;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

/**
 * A code typed on the city's "I am at the door" page goes to the module as a CITY-V1 EXEC door request on the real
 * embedded broker (the module: Paho on loopback, with its own credential and access rules) and the module's reply is
 * the answer; a module offline or silent is "not reachable", at once or after the timeout.
 */
class DoorRequestsBrokerTest {

    @RegisterExtension
    final ModuleOnCityBroker broker = new ModuleOnCityBroker("door");
    private DoorRequests doors;

    @BeforeEach
    void listen() {
        doors = new DoorRequests(broker.channel(), System::currentTimeMillis, Duration.ofSeconds(5));
        broker.channel().listen(doors::onControl);
    }

    private static Map<String, Object> outcome(String outcome, boolean granted, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("response.code", 200);
        m.put("outcome", outcome);
        m.put("granted", granted);
        m.put("message", message);
        return m;
    }

    private DoorAnswer tryCode(String door, String code) throws Exception {
        return doors.tryCode("milano", CLIENT, door, code).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void theModulesAnswerIsTheAnswer() throws Exception {
        broker.moduleComesOnline(r -> "12345678".equals(r.metrics().get("code"))
                ? outcome("GRANTED", true, "Accesso consentito / Access granted")
                : "99999999".equals(r.metrics().get("code")) ? outcome("THROTTLED", false, "Troppi tentativi")
                : outcome("REUSED", false, "Codice già usato / Code already used"));

        DoorAnswer opened = tryCode("portone", "12345678");
        assertEquals(new DoorAnswer(DoorAnswer.Status.OPENED, "GRANTED", "Accesso consentito / Access granted"), opened);
        KuraMessage request = broker.requests.poll(5, TimeUnit.SECONDS);
        assertEquals("portone", request.metrics().get("door"));
        assertEquals("12345678", request.metrics().get("code"));
        // the reply must come on the module's own namespace, the only one the broker lets it publish in
        assertEquals(CLIENT, request.metrics().get("requester.client.id"));
        assertTrue(((String) request.metrics().get("request.id")).startsWith("door-"));

        DoorAnswer reused = tryCode("portone", "11111111");
        assertEquals(DoorAnswer.Status.REFUSED, reused.status());
        assertEquals("REUSED", reused.outcome());
        assertEquals(DoorAnswer.Status.THROTTLED, tryCode("portone", "99999999").status());
        assertEquals(0, doors.waiting(), "answered requests are forgotten");
    }

    @Test
    void unknownDoorMalformedAndUnreadableRepliesAreTold() throws Exception {
        broker.moduleComesOnline(r -> switch ((String) r.metrics().get("door")) {
            case "cantina" -> Map.of("response.code", 404, "response.exception.message", "unknown door");
            case "bad" -> Map.of("response.code", 400);
            default -> Map.of("response.code", 200); // no outcome: not an answer the city can pass on
        });
        assertEquals(DoorAnswer.Status.UNKNOWN_DOOR, tryCode("cantina", "12345678").status());
        assertEquals(DoorAnswer.Status.MALFORMED, tryCode("bad", "12345678").status());
        assertEquals(DoorAnswer.Status.FAILED, tryCode("portone", "12345678").status());
    }

    @Test
    void aModuleOfflineIsUnreachableAtOnceAndNothingIsKeptForLater() throws Exception {
        assertEquals(DoorAnswer.Status.UNREACHABLE, tryCode("portone", "12345678").status());
        assertEquals(0, doors.waiting());
        broker.moduleComesOnline(r -> outcome("GRANTED", true, "ok"));
        assertNull(broker.requests.poll(500, TimeUnit.MILLISECONDS), "a code is never sent later: nobody waits for it");
    }

    @Test
    void aSilentModuleIsUnreachableAfterTheTimeoutAndALateOrForeignReplyChangesNothing() throws Exception {
        doors = new DoorRequests(broker.channel(), System::currentTimeMillis, Duration.ofMillis(300));
        broker.channel().listen(doors::onControl);
        broker.moduleComesOnline(r -> null);
        assertEquals(DoorAnswer.Status.UNREACHABLE, tryCode("portone", "12345678").status());
        KuraMessage request = broker.requests.poll(5, TimeUnit.SECONDS);
        assertEquals(0, doors.waiting(), "given up");
        // a reply after the timeout, or on another module's namespace, finds nothing waiting
        doors.onControl("$EDC/milano/" + CLIENT + "/CITY-V1/REPLY/" + request.metrics().get("request.id"),
                KuraPayloadCodec.encode(KuraMessage.of(1L, outcome("GRANTED", true, "ok")), false));
        assertEquals(0, doors.waiting());
    }
}
