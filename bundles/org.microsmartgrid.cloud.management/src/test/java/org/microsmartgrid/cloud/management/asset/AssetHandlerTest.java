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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.control.PowerCap;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayState;

/** ASSET-V1 with in-test meters, relays, site control and sessions: the JSON Kapua sends and reads. */
class AssetHandlerTest {
    static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
    static final Instant READ_AT = NOW.minusSeconds(2);

    final FakeControl control = new FakeControl();
    final FakeSessions sessions = new FakeSessions();
    final List<Meter> meters = List.of(
            meter("grid", MeterRole.GRID, 0, Quality.GOOD, Map.of(Channel.ACTIVE_POWER, 2300.5, Channel.VOLTAGE_L1, 229.0)),
            meter("socket-1", MeterRole.SOCKET, 1, Quality.GOOD, Map.of(Channel.ACTIVE_POWER, 1400.0)),
            meter("pv", MeterRole.PV, 0, Quality.FAILED, Map.of(Channel.ACTIVE_POWER, 900.0)));
    final List<Relay> relays = List.of(relay(1, true), relay(2, false));
    boolean withControl = true;
    final AssetService assets = new AssetService(() -> new SiteServices(meters, relays,
            withControl ? Optional.of(control) : Optional.empty(), Optional.of(sessions)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void listsMetersAndSocketsWithTheirChannels() {
        JsonArray list = json(call("GET", "assets", ""));
        List<String> names = new ArrayList<>();
        list.forEach(e -> names.add(e.getAsJsonObject().get("name").getAsString()));
        assertEquals(List.of("meter.grid", "meter.pv", "meter.socket-1", "socket.1", "socket.2"), names);
        assertEquals(list, json(call("GET", "assets", "[]")), "an empty array asks for all, as in Kura");
        assertEquals(1, json(call("GET", "assets", "[{\"name\":\"socket.2\"}]")).size());
        JsonObject enabled = channel(list, "socket.1", "enabled");
        assertEquals("BOOLEAN", enabled.get("type").getAsString());
        assertEquals("READ_WRITE", enabled.get("mode").getAsString());
        JsonObject power = channel(list, "meter.grid", "active_power_w");
        assertEquals("DOUBLE", power.get("type").getAsString());
        assertEquals("READ", power.get("mode").getAsString());
    }

    @Test
    void readsValuesWithTimestampsAndErrors() {
        JsonArray all = json(call("EXEC", "read", ""));
        JsonObject power = channel(all, "meter.grid", "active_power_w");
        assertEquals(2300.5, power.get("value").getAsDouble());
        assertEquals(READ_AT.toEpochMilli(), power.get("timestamp").getAsLong());
        assertTrue(channel(all, "meter.pv", "active_power_w").get("error").getAsString().contains("FAILED"),
                "a failed meter's old value is not given as current");
        assertEquals("true", channel(all, "socket.1", "relay_closed").get("value").getAsString());

        JsonArray some = json(call("EXEC", "read", "[{\"name\":\"socket.2\",\"channels\":[{\"name\":\"enabled\"}]}]"));
        assertEquals(1, some.size());
        assertEquals(1, some.get(0).getAsJsonObject().getAsJsonArray("channels").size());
        assertEquals("true", channel(some, "socket.2", "enabled").get("value").getAsString());

        assertEquals(KuraResponse.NOT_FOUND, call("EXEC", "read", "[{\"name\":\"socket.9\"}]").code());
        assertEquals(KuraResponse.BAD_REQUEST, call("EXEC", "read", "{\"name\":").code());
        assertEquals(KuraResponse.NOT_FOUND, call("EXEC", "nothing", "").code());
    }

    @Test
    void writesTheEnabledChannelWithTheRequesterAsActor() {
        KuraResponse r = call("EXEC", "write", "[{\"name\":\"socket.2\",\"channels\":[{\"name\":\"enabled\",\"type\":\"BOOLEAN\",\"value\":\"false\"}]}]");
        assertEquals(KuraResponse.OK, r.code(), r.exception());
        assertEquals("kapua:tech-01", control.disabled.get(2));
        assertEquals("false", channel(json(r), "socket.2", "enabled").get("value").getAsString());
        assertEquals("false", channel(json(call("EXEC", "read", "")), "socket.2", "enabled").get("value").getAsString());
    }

    @Test
    void startsAndStopsASession() {
        KuraResponse r = call("EXEC", "write", "[{\"name\":\"socket.1\",\"channels\":[{\"name\":\"session\",\"value\":\"start:NOW\"}]}]");
        assertEquals(KuraResponse.OK, r.code(), r.exception());
        assertEquals("NOW", sessions.open.get(1).mode().name());
        assertEquals("remote:kapua:tech-01", sessions.open.get(1).startedBy());
        assertEquals("NOW", channel(json(call("EXEC", "read", "")), "socket.1", "session").get("value").getAsString());
        // the service refuses a second one: said in the channel's error
        KuraResponse again = call("EXEC", "write", "[{\"name\":\"socket.1\",\"channels\":[{\"name\":\"session\",\"value\":\"start:SOLAR_ONLY\"}]}]");
        assertTrue(channel(json(again), "socket.1", "session").get("error").getAsString().contains("already"));
        assertEquals(KuraResponse.OK, call("EXEC", "write", "[{\"name\":\"socket.1\",\"channels\":[{\"name\":\"session\",\"value\":\"stop\"}]}]").code());
        assertTrue(sessions.open.isEmpty());
    }

    @Test
    void readOnlyChannelsAndBadValuesAreEachTheirChannelsErrorAsOnKura() {
        assertChannelError("[{\"name\":\"meter.grid\",\"channels\":[{\"name\":\"active_power_w\",\"value\":\"0\"}]}]", "meter.grid", "active_power_w", "read-only");
        assertChannelError("[{\"name\":\"socket.1\",\"channels\":[{\"name\":\"relay_closed\",\"value\":\"true\"}]}]", "socket.1", "relay_closed", "read-only");
        assertChannelError("[{\"name\":\"socket.1\",\"channels\":[{\"name\":\"enabled\",\"value\":\"maybe\"}]}]", "socket.1", "enabled", "true or false");
        assertChannelError("[{\"name\":\"socket.1\",\"channels\":[{\"name\":\"session\",\"value\":\"start:FAST\"}]}]", "socket.1", "session", "FAST");
        assertChannelError("[{\"name\":\"socket.1\",\"channels\":[{\"name\":\"power\",\"value\":\"1\"}]}]", "socket.1", "power", "no channel");
        assertChannelError("[{\"name\":\"socket.9\",\"channels\":[{\"name\":\"enabled\",\"value\":\"false\"}]}]", "socket.9", "enabled", "no asset");
        withControl = false;
        assertChannelError("[{\"name\":\"socket.1\",\"channels\":[{\"name\":\"enabled\",\"value\":\"false\"}]}]", "socket.1", "enabled", "balancer");
        assertTrue(control.disabled.isEmpty());
        assertTrue(sessions.open.isEmpty());
        // not a write at all: 400, as Kura answers a body it cannot parse
        assertRefused(KuraResponse.BAD_REQUEST, "", "body");
        assertRefused(KuraResponse.BAD_REQUEST, "[{\"name\":\"socket.1\",\"channels\":[{\"name\":\"enabled\"}]}]", "no value");
    }

    @Test
    void kapuasFullAssetApplyDisablesTheSocketAndLeavesTheSessionAlone() {
        // what DeviceAssetsPanel.getUpdatedAsset sends: every channel without an error, with the value it showed
        JsonArray shown = json(call("EXEC", "read", "[{\"name\":\"socket.1\"}]"));
        JsonArray body = new JsonArray();
        JsonObject asset = new JsonObject();
        asset.addProperty("name", "socket.1");
        JsonArray channels = new JsonArray();
        for (var c : shown.get(0).getAsJsonObject().getAsJsonArray("channels")) {
            JsonObject ch = c.getAsJsonObject();
            if (ch.has("error")) continue;
            JsonObject sent = new JsonObject();
            sent.addProperty("name", ch.get("name").getAsString());
            sent.addProperty("type", ch.get("type").getAsString());
            sent.addProperty("mode", ch.get("name").getAsString().equals("enabled") || ch.get("name").getAsString().equals("session") ? "READ_WRITE" : "READ");
            sent.addProperty("timestamp", ch.get("timestamp").getAsLong());
            sent.addProperty("value", ch.get("name").getAsString().equals("enabled") ? "false" : ch.get("value").getAsString());
            channels.add(sent);
        }
        asset.add("channels", channels);
        body.add(asset);
        KuraResponse r = call("EXEC", "write", body.toString());
        assertEquals(KuraResponse.OK, r.code(), r.exception());
        assertEquals("kapua:tech-01", control.disabled.get(1));
        assertEquals("false", channel(json(r), "socket.1", "enabled").get("value").getAsString());
        assertEquals("NONE", channel(json(r), "socket.1", "session").get("value").getAsString(), "NONE written back as shown");
        assertTrue(channel(json(r), "socket.1", "relay_closed").get("error").getAsString().contains("read-only"));
        assertTrue(sessions.open.isEmpty(), "no session started or stopped");

        // the same form again: enabled=false is what it shows now: who disabled it stays recorded
        control.disabled.put(1, "coap:bms-1");
        assertEquals(KuraResponse.OK, call("EXEC", "write", body.toString()).code());
        assertEquals("coap:bms-1", control.disabled.get(1));

        // a session that opened after the form was read is not stopped by the stale NONE
        call("EXEC", "write", "[{\"name\":\"socket.1\",\"channels\":[{\"name\":\"session\",\"value\":\"start:NOW\"}]}]");
        KuraResponse stale = call("EXEC", "write", body.toString());
        assertTrue(channel(json(stale), "socket.1", "session").get("error").getAsString().contains("is NOW now"));
        assertEquals(ChargingMode.NOW, sessions.open.get(1).mode());
        // and NOW written back while it is NOW changes nothing
        KuraResponse same = call("EXEC", "write", "[{\"name\":\"socket.1\",\"channels\":[{\"name\":\"session\",\"value\":\"NOW\"}]}]");
        assertEquals("NOW", channel(json(same), "socket.1", "session").get("value").getAsString());
    }

    private void assertChannelError(String body, String asset, String channel, String word) {
        KuraResponse r = call("EXEC", "write", body);
        assertEquals(KuraResponse.OK, r.code(), body);
        String error = channel(json(r), asset, channel).get("error").getAsString();
        assertTrue(error.contains(word), error + " should mention " + word);
    }

    private void assertRefused(int code, String body, String word) {
        KuraResponse r = call("EXEC", "write", body);
        assertEquals(code, r.code(), body);
        assertTrue(r.exception().contains(word), r.exception() + " should mention " + word);
    }

    private KuraResponse call(String method, String resource, String body) {
        return AssetHandler.handle(assets, new KuraRequest("ASSET-V1", method, List.of(resource),
                Map.of("request.id", "1", "requester.client.id", "tech-01"), body.getBytes(UTF_8), "1", "tech-01"));
    }

    private static JsonArray json(KuraResponse r) {
        assertEquals(KuraResponse.OK, r.code(), r.exception());
        return JsonParser.parseString(new String(r.body(), UTF_8)).getAsJsonArray();
    }

    private static JsonObject channel(JsonArray assets, String asset, String channel) {
        for (var a : assets) {
            if (!a.getAsJsonObject().get("name").getAsString().equals(asset)) continue;
            for (var c : a.getAsJsonObject().getAsJsonArray("channels")) {
                if (c.getAsJsonObject().get("name").getAsString().equals(channel)) return c.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + asset + "/" + channel + " in " + assets);
    }

    private static Meter meter(String id, MeterRole role, int socket, Quality q, Map<Channel, Double> values) {
        Map<Channel, Sample> samples = new TreeMap<>();
        values.forEach((c, v) -> samples.put(c, new Sample(v, READ_AT)));
        MeterReading reading = new MeterReading(id, role, socket, q, READ_AT, samples, q == Quality.GOOD ? null : "timeout");
        return new Meter() {
            public String id() { return id; }
            public MeterRole role() { return role; }
            public int socket() { return socket; }
            public MeterReading reading() { return reading; }
        };
    }

    private static Relay relay(int socket, boolean closed) {
        RelayState st = new RelayState("relay-" + socket, socket, closed, closed, null, null, READ_AT, "balancer", null);
        return new Relay() {
            public String id() { return "relay-" + socket; }
            public int socket() { return socket; }
            public RelayState state() { return st; }
            public RelayResult command(RelayCommand command) { throw new AssertionError("ASSET-V1 never switches a relay"); }
        };
    }

    static final class FakeControl implements SiteControl {
        final Map<Integer, String> disabled = new TreeMap<>();
        public Map<Integer, String> disabledSockets() { return Map.copyOf(disabled); }
        public void setSocketEnabled(int socket, boolean enabled, String actor) {
            if (enabled) disabled.remove(socket);
            else disabled.put(socket, actor);
        }
        public Optional<PowerCap> powerCap() { return Optional.empty(); }
        public PowerCap capPower(double limitW, Instant until, String actor) { throw new UnsupportedOperationException(); }
        public void clearPowerCap(String actor) { throw new UnsupportedOperationException(); }
    }

    static final class FakeSessions implements ChargingSessions {
        final Map<Integer, ChargingSession> open = new TreeMap<>();
        public Optional<ChargingSession> active(int socket) { return Optional.ofNullable(open.get(socket)); }
        public ChargingSession start(int s, ChargingMode m, double t, Instant d, String token) { throw new UnsupportedOperationException(); }
        public ChargingSession startRemote(int socket, ChargingMode mode, double targetWh, Instant deadline, String actor) {
            if (open.containsKey(socket)) throw new IllegalStateException("socket " + socket + " has a session already");
            ChargingSession s = new ChargingSession(UUID.randomUUID(), socket, mode, targetWh, deadline, NOW, null, 0, 0, 0, null, "remote:" + actor);
            open.put(socket, s);
            return s;
        }
        public Optional<ChargingSession> stop(int socket, String reason) { return Optional.ofNullable(open.remove(socket)); }
        public List<ChargingSession> recent(int limit) { return List.copyOf(open.values()); }
    }
}
