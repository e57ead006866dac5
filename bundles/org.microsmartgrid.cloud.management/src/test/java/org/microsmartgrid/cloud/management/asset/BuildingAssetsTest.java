package org.microsmartgrid.cloud.management.asset;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorState;
import org.microsmartgrid.api.building.InputState;
import org.microsmartgrid.api.building.SecuritySystem;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;

/** Doors and security inputs as Kura assets: read-only, except the arming mode. */
class BuildingAssetsTest {
    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    String mode = "AUTO";
    final List<String> modeSetBy = new ArrayList<>();

    final DoorAccess doors = new DoorAccess() {
        public List<DoorState> doors() {
            return List.of(new DoorState("portone", "Portone", "FAIL_SECURE", false, "OPEN", true));
        }

        public IssuedCode issue(String door, CodeKind kind, Instant from, Instant until, String reason, String by) {
            throw new UnsupportedOperationException();
        }

        public AccessResult redeem(String door, String code, String via) {
            throw new UnsupportedOperationException();
        }
    };

    final SecuritySystem security = new SecuritySystem() {
        public List<InputState> inputs() {
            return List.of(new InputState("enclosure", "TAMPER", true, true, true));
        }

        public String mode() {
            return mode;
        }

        public boolean armed() {
            return mode.equals("ARMED");
        }

        public void setMode(String m, String by) {
            String next = m.strip().toUpperCase(Locale.ROOT);
            if (!List.of("AUTO", "ARMED", "DISARMED").contains(next)) throw new IllegalArgumentException("unknown mode '" + m + "'");
            mode = next;
            modeSetBy.add(by);
        }
    };

    final AssetService assets = new AssetService(() -> new SiteServices(List.of(), List.of(), Optional.empty(),
            Optional.empty(), Optional.of(doors), Optional.of(security)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void doorsInputsAndArmingAreAssets() {
        JsonArray all = json(call("EXEC", "read", ""));
        assertEquals("true", value(all, "door.portone", "left_open"));
        assertEquals("OPEN", value(all, "door.portone", "contact"));
        assertEquals("FAIL_SECURE", value(all, "door.portone", "fail_mode"));
        assertEquals("true", value(all, "input.enclosure", "alarm"));
        assertEquals("TAMPER", value(all, "input.enclosure", "type"));
        assertEquals("AUTO", value(all, "security", "mode"));
    }

    @Test
    void onlyTheArmingModeIsWritableAndABadModeChangesNothing() {
        JsonArray done = json(call("EXEC", "write",
                "[{\"name\":\"security\",\"channels\":[{\"name\":\"mode\",\"type\":\"STRING\",\"value\":\"ARMED\"}]}]"));
        assertEquals("ARMED", value(done, "security", "mode"));
        assertEquals(List.of("kapua:tech-01"), modeSetBy);

        JsonArray bad = json(call("EXEC", "write",
                "[{\"name\":\"security\",\"channels\":[{\"name\":\"mode\",\"type\":\"STRING\",\"value\":\"OFF\"}]}]"));
        assertTrue(channel(bad, "security", "mode").get("error").getAsString().contains("unknown mode"));
        assertEquals("ARMED", mode);

        JsonArray door = json(call("EXEC", "write",
                "[{\"name\":\"door.portone\",\"channels\":[{\"name\":\"released\",\"type\":\"BOOLEAN\",\"value\":\"true\"}]}]"));
        assertTrue(channel(door, "door.portone", "released").get("error").getAsString().contains("read-only"),
                "a door is never opened from Kapua's asset page");
        assertFalse(channel(door, "door.portone", "released").has("value")
                && !channel(door, "door.portone", "released").get("value").isJsonNull());
    }

    private KuraResponse call(String method, String resource, String body) {
        return AssetHandler.handle(assets, new KuraRequest("ASSET-V1", method, List.of(resource),
                Map.of("request.id", "1", "requester.client.id", "tech-01"), body.getBytes(UTF_8), "1", "tech-01"));
    }

    private static JsonArray json(KuraResponse r) {
        assertEquals(KuraResponse.OK, r.code(), r.exception());
        return JsonParser.parseString(new String(r.body(), UTF_8)).getAsJsonArray();
    }

    private static String value(JsonArray assets, String asset, String channel) {
        return channel(assets, asset, channel).get("value").getAsString();
    }

    private static JsonObject channel(JsonArray assets, String asset, String channel) {
        for (var a : assets) {
            if (!a.getAsJsonObject().get("name").getAsString().equals(asset)) continue;
            for (var c : a.getAsJsonObject().getAsJsonArray("channels"))
                if (c.getAsJsonObject().get("name").getAsString().equals(channel)) return c.getAsJsonObject();
        }
        throw new AssertionError("no " + asset + "/" + channel + " in " + assets);
    }
}
