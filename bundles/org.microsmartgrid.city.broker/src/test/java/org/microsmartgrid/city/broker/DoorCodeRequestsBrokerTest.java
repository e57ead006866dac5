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
import org.microsmartgrid.city.broker.doorcodes.CodeAnswer;
import org.microsmartgrid.city.broker.doorcodes.DoorCodeRequests;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

/**
 * The owner of a module's point asks for a courier code: a CITY-V1 EXEC door-code request on the real embedded broker
 * (the module: Paho on loopback, with its own credential and access rules) whose reply is the answer; a module
 * offline or silent is "not reachable", at once or after the timeout, and nothing is sent later.
 */
class DoorCodeRequestsBrokerTest {

    @RegisterExtension
    final ModuleOnCityBroker broker = new ModuleOnCityBroker("door-code");
    private DoorCodeRequests codes;

    @BeforeEach
    void listen() {
        codes = new DoorCodeRequests(broker.channel(), System::currentTimeMillis, Duration.ofSeconds(5));
        broker.channel().listen(codes::onControl);
    }

    private static Map<String, Object> issued(String code, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("response.code", 200);
        m.put("code", code);
        m.put("id", id);
        m.put("from", "2026-12-07T10:00:00Z");
        m.put("until", "2026-12-07T11:00:00Z");
        return m;
    }

    private CodeAnswer ask(String door, int startsIn, int minutes) throws Exception {
        return codes.issueCourierCode("milano", CLIENT, door, startsIn, minutes, "acc-1").toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
    }

    @Test
    void theModulesCodeIsTheAnswerAndTheRequestSaysWhatTheOwnerAsked() throws Exception {
        broker.moduleComesOnline(r -> issued("12345678", "c-7"));
        CodeAnswer a = ask("portone", 30, 90);
        assertEquals(new CodeAnswer(CodeAnswer.Status.ISSUED, "12345678", "c-7", "2026-12-07T10:00:00Z",
                "2026-12-07T11:00:00Z", null), a);
        assertTrue(!a.toString().contains("12345678"), "an answer logged never shows the code");
        KuraMessage request = broker.requests.poll(5, TimeUnit.SECONDS);
        assertEquals("portone", request.metrics().get("door"));
        assertEquals("COURIER", request.metrics().get("kind"));
        assertEquals(30, request.metrics().get("minutes_from_now"));
        assertEquals(90, request.metrics().get("minutes"));
        assertEquals("acc-1", request.metrics().get("account"));
        assertEquals(CLIENT, request.metrics().get("requester.client.id"));
        assertEquals(0, codes.waiting(), "answered requests are forgotten");
    }

    @Test
    void refusalsUnknownDoorMalformedAndUnreadableRepliesAreTold() throws Exception {
        broker.moduleComesOnline(r -> switch ((String) r.metrics().get("door")) {
            case "cantina" -> Map.of("response.code", 404, "response.exception.message", "unknown door 'cantina'");
            case "bad" -> Map.of("response.code", 400, "response.exception.message", "minutes: 5-720");
            case "long" -> Map.of("response.code", 409, "response.exception.message", "window too long: at most 2 h");
            default -> Map.of("response.code", 200); // no code: not an answer the city can pass on
        });
        assertEquals(CodeAnswer.of(CodeAnswer.Status.UNKNOWN_DOOR, "unknown door 'cantina'"), ask("cantina", 0, 60));
        assertEquals(CodeAnswer.Status.MALFORMED, ask("bad", 0, 60).status());
        assertEquals(CodeAnswer.of(CodeAnswer.Status.REFUSED, "window too long: at most 2 h"), ask("long", 0, 600));
        assertEquals(CodeAnswer.Status.FAILED, ask("portone", 0, 60).status());
    }

    @Test
    void aModuleOfflineIsUnreachableAtOnceAndNothingIsSentLater() throws Exception {
        assertEquals(CodeAnswer.Status.UNREACHABLE, ask("portone", 0, 60).status());
        assertEquals(0, codes.waiting());
        broker.moduleComesOnline(r -> issued("12345678", "c-1"));
        assertNull(broker.requests.poll(500, TimeUnit.MILLISECONDS), "a request is never sent later: nobody waits for it");
    }

    @Test
    void aSilentModuleIsUnreachableAfterTheTimeoutAndALateReplyChangesNothing() throws Exception {
        codes = new DoorCodeRequests(broker.channel(), System::currentTimeMillis, Duration.ofMillis(300));
        broker.channel().listen(codes::onControl);
        broker.moduleComesOnline(r -> null);
        assertEquals(CodeAnswer.Status.UNREACHABLE, ask("portone", 0, 60).status());
        KuraMessage request = broker.requests.poll(5, TimeUnit.SECONDS);
        assertEquals(0, codes.waiting(), "given up");
        codes.onControl("$EDC/milano/" + CLIENT + "/CITY-V1/REPLY/" + request.metrics().get("request.id"),
                KuraPayloadCodec.encode(KuraMessage.of(1L, issued("12345678", "c-1")), false));
        assertEquals(0, codes.waiting());
    }
}
