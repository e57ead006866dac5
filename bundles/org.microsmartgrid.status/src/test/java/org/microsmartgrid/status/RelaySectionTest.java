package org.microsmartgrid.status;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayState;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelaySectionTest {
    static final Instant SINCE = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant LEASE = Instant.parse("2025-03-01T10:15:00Z");

    @Test
    void everyRelayStateFieldIsThereWithNullsForWhatIsNotKnown() {
        RelayState on = new RelayState("socket1", 1, true, true, null, null, SINCE, "installer:anna", LEASE);

        JsonObject json = RelaySection.toJson(on);

        assertEquals("socket1", json.get("id").getAsString());
        assertEquals(1, json.get("socket").getAsInt());
        assertTrue(json.get("wantedOn").getAsBoolean());
        assertTrue(json.get("outputOn").getAsBoolean());
        assertTrue(json.has("feedbackOn") && json.get("feedbackOn").isJsonNull(), "no feedback wired: null");
        assertTrue(json.get("closed").getAsBoolean(), "without feedback the output tells");
        assertTrue(json.get("fault").isJsonNull());
        assertEquals("2025-03-01T10:00:00Z", json.get("since").getAsString());
        assertEquals("installer:anna", json.get("source").getAsString());
        assertEquals("2025-03-01T10:15:00Z", json.get("leaseUntil").getAsString());
    }

    @Test
    void aStuckContactorShowsItsFaultAndTheFeedbackThatContradictsTheOutput() {
        RelayState stuck = new RelayState("socket2", 2, false, false, true, "contact stuck closed", SINCE, "balancer", null);

        JsonObject json = RelaySection.toJson(stuck);

        assertFalse(json.get("outputOn").getAsBoolean());
        assertTrue(json.get("feedbackOn").getAsBoolean());
        assertTrue(json.get("closed").getAsBoolean(), "the feedback wins over the output");
        assertEquals("contact stuck closed", json.get("fault").getAsString());
        assertTrue(json.get("leaseUntil").isJsonNull());
    }

    @Test
    void relaysAreOrderedBySocket() {
        RelayState r3 = new RelayState("c", 3, false, false, null, null, SINCE, "start", null);
        RelayState r1 = new RelayState("z", 1, false, false, null, null, SINCE, "start", null);

        JsonArray json = RelaySection.fromStates(List.of(r3, r1));

        assertEquals("z", json.get(0).getAsJsonObject().get("id").getAsString());
        assertEquals("c", json.get(1).getAsJsonObject().get("id").getAsString());
    }
}
