package org.microsmartgrid.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.SocketHold;
import org.microsmartgrid.api.control.SocketHolds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

class HoldSectionTest {

    private static final Instant T = Instant.parse("2026-04-08T10:00:00Z");

    private static SocketHolds holds(List<SocketHold> list) {
        return new SocketHolds() {
            @Override public List<SocketHold> holds() { return list; }
            @Override public SocketHold hold(int socket, boolean on, Duration length, String actor) { throw new UnsupportedOperationException(); }
            @Override public boolean release(int socket, String actor) { throw new UnsupportedOperationException(); }
        };
    }

    @Test
    void eachHoldShowsItsSocketDirectionWhoAndUntilWhen() {
        JsonArray json = HoldSection.toJson(holds(List.of(new SocketHold(3, true, "installer:anna", T,
                T.plus(Duration.ofMinutes(15))))));
        assertEquals(1, json.size());
        JsonObject h = json.get(0).getAsJsonObject();
        assertEquals(3, h.get("socket").getAsInt());
        assertTrue(h.get("on").getAsBoolean());
        assertEquals("installer:anna", h.get("actor").getAsString());
        assertEquals("2026-04-08T10:15:00Z", h.get("until").getAsString());
    }

    @Test
    void noBalancerOrOneStoppingMeansNoHolds() {
        assertEquals(0, HoldSection.toJson(null).size());
        SocketHolds stopping = new SocketHolds() {
            @Override public List<SocketHold> holds() { throw new IllegalStateException("the balancer is not active"); }
            @Override public SocketHold hold(int socket, boolean on, Duration length, String actor) { throw new UnsupportedOperationException(); }
            @Override public boolean release(int socket, String actor) { throw new UnsupportedOperationException(); }
        };
        assertEquals(0, HoldSection.toJson(stopping).size());
    }
}
