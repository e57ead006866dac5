package org.microsmartgrid.cloud.management.asset;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorAccess.LiveCode;
import org.microsmartgrid.api.building.DoorState;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;

/** A technician on Kapua's asset page issues a door's one-time code for a courier, and revokes it. */
class DoorCodesAssetTest {
    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    /** The door service's rules as the module's (a courier's window at most 4 h, an intervention's reason). */
    final List<LiveCode> live = new ArrayList<>();
    final List<String> issued = new ArrayList<>();
    final DoorAccess doors = new DoorAccess() {
        public List<DoorState> doors() {
            return List.of(new DoorState("portone", "Portone", "FAIL_SECURE", false, "CLOSED", false),
                    new DoorState("garage", "Garage", "FAIL_SECURE", false, "CLOSED", false));
        }

        public IssuedCode issue(String door, CodeKind kind, Instant from, Instant until, String reason, String by) {
            if (kind == CodeKind.COURIER && Duration.between(from, until).toHours() > 4)
                throw new IllegalArgumentException("Finestra troppo lunga / window too long: at most 4 h for COURIER");
            if (kind == CodeKind.INTERVENTION && (reason == null || reason.length() < 5))
                throw new IllegalArgumentException("Motivo obbligatorio / a reason is required");
            String id = "c" + (live.size() + 1);
            live.add(new LiveCode(id, door, kind, from, until, by));
            issued.add(door + " " + kind + " " + from + " " + until + " " + reason + " " + by);
            return new IssuedCode(id, door, kind, from, until, "4815162" + live.size());
        }

        public AccessResult redeem(String door, String code, String via) {
            throw new UnsupportedOperationException();
        }

        public List<LiveCode> liveCodes() {
            return List.copyOf(live);
        }

        public boolean revoke(String id, String by) {
            return live.removeIf(c -> c.id().equals(id));
        }
    };

    final AssetService assets = new AssetService(() -> new SiteServices(List.of(), List.of(), Optional.empty(),
            Optional.empty(), Optional.of(doors), Optional.empty()), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTechnicianIssuesACourierCodeSeesItOnceAndRevokesIt() {
        String answer = value(json(write("portone", "issue", "COURIER,30,120")), "portone", "issue");
        assertEquals("48151621,c1,2026-12-07T09:30:00Z,2026-12-07T11:30:00Z", answer);
        assertEquals(List.of("portone COURIER 2026-12-07T09:30:00Z 2026-12-07T11:30:00Z null kapua:tech-01"), issued);

        JsonArray shown = json(call("EXEC", "read", "[{\"name\":\"door.portone\"}]"));
        assertEquals("", value(shown, "portone", "issue"), "the code is answered once, never read back");
        JsonArray codes = JsonParser.parseString(value(shown, "portone", "codes")).getAsJsonArray();
        assertEquals(1, codes.size());
        JsonObject c = codes.get(0).getAsJsonObject();
        assertEquals("c1", c.get("id").getAsString());
        assertEquals("kapua:tech-01", c.get("by").getAsString());
        assertFalse(codes.toString().contains("48151621"));
        assertEquals("[]", value(json(call("EXEC", "read", "[{\"name\":\"door.garage\"}]")), "garage", "codes"));

        assertTrue(error(json(write("garage", "revoke", "c1")), "garage", "revoke").contains("no live code c1"),
                "another door's code is not revoked through this door");
        assertEquals(1, live.size());
        assertEquals("c1", value(json(write("portone", "revoke", "c1")), "portone", "revoke"));
        assertTrue(live.isEmpty());
        assertTrue(error(json(write("portone", "revoke", "c1")), "portone", "revoke").contains("no live code c1"));
    }

    @Test
    void anInterventionNeedsItsReasonWhichMayHoldCommas() {
        String answer = value(json(write("garage", "issue", "INTERVENTION,0,480,Assistenza, sig.ra Rossi")),
                "garage", "issue");
        assertTrue(answer.startsWith("48151621,c1,"), answer);
        assertEquals(List.of("garage INTERVENTION 2026-12-07T09:00:00Z 2026-12-07T17:00:00Z Assistenza, sig.ra Rossi"
                + " kapua:tech-01"), issued);
    }

    @Test
    void aBadValueOrTheDoorServicesRefusalIsTheChannelsErrorAndIssuesNothing() {
        for (String bad : new String[] {"COURIER", "COURIER,0", "PARCEL,0,60", "courier,0,60", "COURIER,-1,60",
                "COURIER,0,0", "COURIER,x,60", "COURIER,0,1.5", "COURIER,0,60,extra", "INTERVENTION,0,60",
                "COURIER,0,600", "48151621,c1,2026-12-07T09:30:00Z,2026-12-07T11:30:00Z"})
            assertFalse(error(json(write("portone", "issue", bad)), "portone", "issue").isEmpty(), bad);
        assertTrue(error(json(write("portone", "issue", "COURIER,0,600")), "portone", "issue").contains("too long"));
        assertTrue(error(json(write("cantina", "issue", "COURIER,0,60")), "cantina", "issue").contains("no asset"));
        assertTrue(issued.isEmpty());
    }

    @Test
    void theConsolesApplyOfWhatItShowsIssuesNothing() {
        JsonArray shown = json(call("EXEC", "read", "[{\"name\":\"door.portone\"}]"));
        StringBuilder body = new StringBuilder("[{\"name\":\"door.portone\",\"channels\":[");
        for (var ch : shown.get(0).getAsJsonObject().getAsJsonArray("channels")) {
            JsonObject o = ch.getAsJsonObject();
            if (body.charAt(body.length() - 1) != '[') body.append(',');
            body.append("{\"name\":\"").append(o.get("name").getAsString()).append("\",\"value\":")
                    .append(new JsonPrimitive(o.get("value").getAsString())).append('}');
        }
        JsonArray applied = json(call("EXEC", "write", body.append("]}]").toString()));
        assertEquals("", value(applied, "portone", "issue"));
        assertEquals("", value(applied, "portone", "revoke"));
        assertTrue(error(applied, "portone", "released").contains("read-only"), "a door is never opened from Kapua");
        assertTrue(issued.isEmpty());
    }

    private KuraResponse write(String door, String channel, String value) {
        return call("EXEC", "write", "[{\"name\":\"door." + door + "\",\"channels\":[{\"name\":\"" + channel
                + "\",\"type\":\"STRING\",\"value\":" + new JsonPrimitive(value) + "}]}]");
    }

    private KuraResponse call(String method, String resource, String body) {
        return AssetHandler.handle(assets, new KuraRequest("ASSET-V1", method, List.of(resource),
                Map.of("request.id", "1", "requester.client.id", "tech-01"), body.getBytes(UTF_8), "1", "tech-01"));
    }

    private static JsonArray json(KuraResponse r) {
        assertEquals(KuraResponse.OK, r.code(), r.exception());
        return JsonParser.parseString(new String(r.body(), UTF_8)).getAsJsonArray();
    }

    private static String value(JsonArray assets, String door, String channel) {
        JsonObject c = channel(assets, door, channel);
        assertTrue(c.has("value") && !c.get("value").isJsonNull(), c.toString());
        return c.get("value").getAsString();
    }

    private static String error(JsonArray assets, String door, String channel) {
        JsonObject c = channel(assets, door, channel);
        return c.has("error") && !c.get("error").isJsonNull() ? c.get("error").getAsString() : "";
    }

    private static JsonObject channel(JsonArray assets, String door, String channel) {
        for (var a : assets) {
            if (!a.getAsJsonObject().get("name").getAsString().equals("door." + door)) continue;
            for (var c : a.getAsJsonObject().getAsJsonArray("channels"))
                if (c.getAsJsonObject().get("name").getAsString().equals(channel)) return c.getAsJsonObject();
        }
        throw new AssertionError("no door." + door + "/" + channel + " in " + assets);
    }
}
