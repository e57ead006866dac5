package org.microsmartgrid.city.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.microsmartgrid.city.broker.ModuleOnCityBroker.CLIENT;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.microsmartgrid.city.broker.charging.StartAnswer;
import org.microsmartgrid.city.broker.charging.StartRequests;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

/**
 * A driver's "Start charging" on the city's map goes to the module as a CITY-V1 EXEC start request on the real
 * embedded broker (the module: Paho on loopback, with its own credential and access rules) carrying the socket and
 * the mode and nothing about the driver; the module's reply is the answer; a module offline is "not reachable" at once
 * and nothing is sent later.
 */
class StartRequestsBrokerTest {

    @RegisterExtension
    final ModuleOnCityBroker broker = new ModuleOnCityBroker("start");
    private StartRequests starts;

    @BeforeEach
    void listen() {
        starts = new StartRequests(broker.channel(), System::currentTimeMillis, Duration.ofSeconds(5));
        broker.channel().listen(starts::onControl);
    }

    private StartAnswer start(int socket, String mode) throws Exception {
        return starts.start("milano", CLIENT, socket, mode).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void theModulesSessionIdIsTheAnswerAndTheRequestNamesNoDriver() throws Exception {
        broker.moduleComesOnline(r -> switch ((Integer) r.metrics().get("socket")) {
            case 1 -> Map.of("response.code", 200, "session_id", "0f6c1d2e-0000-4000-8000-000000000001");
            case 2 -> Map.of("response.code", 409, "response.exception.message", "socket 2 is busy");
            case 3 -> Map.of("response.code", 404, "response.exception.message", "no socket 3");
            case 4 -> Map.of("response.code", 400);
            default -> Map.of("response.code", 200); // no session id: not an answer the city can keep
        });
        assertEquals(new StartAnswer(StartAnswer.Status.STARTED, "0f6c1d2e-0000-4000-8000-000000000001", null),
                start(1, "SOLAR_ONLY"));
        KuraMessage request = broker.requests.poll(5, TimeUnit.SECONDS);
        assertEquals(1, request.metrics().get("socket"));
        assertEquals("SOLAR_ONLY", request.metrics().get("mode"));
        assertEquals(CLIENT, request.metrics().get("requester.client.id"));
        assertEquals(java.util.Set.of("request.id", "requester.client.id", "socket", "mode"), request.metrics().keySet(),
                "nothing about the driver goes to the module");

        StartAnswer busy = start(2, "NOW");
        assertEquals(StartAnswer.Status.REFUSED, busy.status());
        assertEquals("socket 2 is busy", busy.message());
        assertEquals(StartAnswer.Status.UNKNOWN_SOCKET, start(3, "NOW").status());
        assertEquals(StartAnswer.Status.MALFORMED, start(4, "NOW").status());
        assertEquals(StartAnswer.Status.FAILED, start(5, "NOW").status());
    }

    @Test
    void aModuleOfflineIsUnreachableAtOnceAndNothingIsSentLater() throws Exception {
        assertEquals(StartAnswer.Status.UNREACHABLE, start(1, "NOW").status());
        broker.moduleComesOnline(r -> Map.of("response.code", 200, "session_id", "s-1"));
        assertNull(broker.requests.poll(500, TimeUnit.MILLISECONDS), "a start is never sent later: nobody waits for it");
    }

    @Test
    void anotherModulesReplyDoesNotAnswerAndASilentModuleTimesOut() throws Exception {
        starts = new StartRequests(broker.channel(), System::currentTimeMillis, Duration.ofMillis(400));
        broker.channel().listen(starts::onControl);
        broker.moduleComesOnline(r -> {
            // a reply on another module's namespace (as if it could): must not complete this start
            starts.onControl("$EDC/milano/AA:BB:CC:00:00:02/CITY-V1/REPLY/" + r.metrics().get("request.id"),
                    KuraPayloadCodec.encode(KuraMessage.of(1L, Map.of("response.code", 200, "session_id", "theirs")), false));
            return null;
        });
        StartAnswer a = start(1, "NOW");
        assertEquals(StartAnswer.Status.UNREACHABLE, a.status());
        assertNull(a.sessionId());
    }
}
