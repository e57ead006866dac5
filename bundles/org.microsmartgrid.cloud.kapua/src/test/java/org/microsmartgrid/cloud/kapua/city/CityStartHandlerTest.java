package org.microsmartgrid.cloud.kapua.city;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;

/**
 * CITY-V1 EXEC start on the module: a well-formed request starts a session recorded as started by "city" (never a
 * person) and answers its id; a malformed one is a 400, a socket the module lacks a 404, a busy socket a 409, and none
 * of them starts anything.
 */
class CityStartHandlerTest {

    /** Sessions as the module keeps them: one per socket, a second start on a busy socket is refused. */
    static final class Sessions implements ChargingSessions {
        final Map<Integer, ChargingSession> open = new HashMap<>();
        final List<String> actors = new ArrayList<>();

        @Override
        public Optional<ChargingSession> active(int socket) {
            return Optional.ofNullable(open.get(socket));
        }

        @Override
        public ChargingSession start(int socket, ChargingMode mode, double targetWh, Instant deadline, String token) {
            throw new SecurityException("no tokens here");
        }

        @Override
        public ChargingSession startRemote(int socket, ChargingMode mode, double targetWh, Instant deadline, String actor) {
            if (open.containsKey(socket)) throw new IllegalStateException("socket " + socket + " is busy");
            ChargingSession s = new ChargingSession(UUID.randomUUID(), socket, mode, targetWh, deadline, Instant.now(),
                    null, 0, 0, 0, null, "remote:" + actor, null);
            open.put(socket, s);
            actors.add(actor);
            return s;
        }

        @Override
        public Optional<ChargingSession> stop(int socket, String actor) {
            return Optional.ofNullable(open.remove(socket));
        }

        @Override
        public List<ChargingSession> recent(int limit) {
            return List.copyOf(open.values());
        }
    }

    private final Sessions sessions = new Sessions();
    private final CityRequests city = new CityRequests(null, null, null, new CityStartHandler(() -> Optional.of(sessions), () -> 2));

    private KuraResponse start(Map<String, Object> metrics) {
        return city.handle(new KuraRequest("CITY-V1", KuraRequest.EXEC, List.of("start"), metrics, new byte[0], "start-1",
                "module-1"));
    }

    @Test
    void startsASessionForTheCityAndAnswersItsId() {
        KuraResponse r = start(Map.of("socket", 2, "mode", "SOLAR_ONLY"));
        assertEquals(200, r.code(), String.valueOf(r.exception()));
        ChargingSession s = sessions.open.get(2);
        assertNotNull(s, "a session is open on socket 2");
        assertEquals(s.id().toString(), r.metrics().get("session_id"));
        assertEquals(ChargingMode.SOLAR_ONLY, s.mode());
        assertEquals(List.of("city"), sessions.actors, "the module knows only that the city asked, never who");
    }

    @Test
    void malformedRequestsAre400AndStartNothing() {
        assertEquals(400, start(Map.of("mode", "NOW")).code());
        assertEquals(400, start(Map.of("socket", "1", "mode", "NOW")).code());
        assertEquals(400, start(Map.of("socket", 0, "mode", "NOW")).code());
        assertEquals(400, start(Map.of("socket", 1, "mode", "FAST")).code());
        assertEquals(400, start(Map.of("socket", 1)).code());
        assertEquals(400, start(Map.of("socket", 1, "mode", "SOLAR_AND_CHEAP")).code(), "needs a target and deadline");
        assertTrue(sessions.open.isEmpty());
    }

    @Test
    void aSocketTheModuleLacksIs404() {
        KuraResponse r = start(Map.of("socket", 3, "mode", "NOW"));
        assertEquals(404, r.code());
        assertTrue(sessions.open.isEmpty());
    }

    @Test
    void aBusySocketIsTheModulesRefusal409() {
        assertEquals(200, start(Map.of("socket", 1, "mode", "NOW")).code());
        ChargingSession first = sessions.open.get(1);
        KuraResponse again = start(Map.of("socket", 1, "mode", "SOLAR_ONLY"));
        assertEquals(409, again.code());
        assertTrue(again.exception().contains("busy"), again.exception());
        assertEquals(first, sessions.open.get(1), "the open session stays as it was");
    }

    @Test
    void withoutChargingSessionsItIs404() {
        CityRequests none = new CityRequests(null, null, null, new CityStartHandler(Optional::empty, () -> 2));
        KuraResponse r = none.handle(new KuraRequest("CITY-V1", KuraRequest.EXEC, List.of("start"),
                Map.of("socket", 1, "mode", "NOW"), new byte[0], "start-2", "module-1"));
        assertEquals(404, r.code());
    }
}
