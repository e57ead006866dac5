package org.microsmartgrid.console.relays;

import org.microsmartgrid.console.PluginPage;
import org.microsmartgrid.testing.ManualClock;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.PowerSource;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.control.SocketHold;
import org.microsmartgrid.api.control.SocketHolds;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.tariff.TariffBand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.console.relays.RelaysPluginHttpTest.JSON;
import static org.microsmartgrid.console.relays.RelaysPluginHttpTest.NOW;
import static org.microsmartgrid.console.relays.RelaysPluginHttpTest.ROME;

/**
 * The relay page with the balancer running (issue 21, item 10): ON and OFF become a manual hold the balancer
 * honours, the page never writes the relay itself, and the installer is told what the balancer's next decision made
 * of the hold. The balancer is a stand-in whose next decision the test scripts.
 */
class RelaysHoldHttpTest {

    /** A balancer stand-in: keeps the holds, and "runs a cycle" on each one with the scripted answer. */
    static final class FakeBalancer implements SocketHolds, ControlLoopStatus {
        final Map<Integer, SocketHold> holds = new TreeMap<>();
        final List<String> released = new ArrayList<>();
        volatile Function<SocketHold, SocketAllocation> answer = h -> allocation(h.socket(), h.on(),
                h.on() ? "MANUAL_HOLD_ON" : "MANUAL_HOLD_OFF", "held by " + h.actor(), "APPLIED");
        volatile LoopDecision last;

        @Override
        public synchronized List<SocketHold> holds() {
            return List.copyOf(holds.values());
        }

        @Override
        public synchronized SocketHold hold(int socket, boolean on, Duration length, String actor) {
            if (socket != 1) throw new IllegalArgumentException("presa sconosciuta / unknown socket: " + socket);
            SocketHold h = new SocketHold(socket, on, actor, NOW, NOW.plus(length));
            holds.put(socket, h);
            last = new LoopDecision(NOW.plusMillis(5), 7, false, null, 500.0, 3200, 2700.0, 0, 700.0, 2500.0, 0,
                    TariffBand.F1, false, false, List.of(answer.apply(h)));
            return h;
        }

        @Override
        public synchronized boolean release(int socket, String actor) {
            released.add(socket + " by " + actor);
            return holds.remove(socket) != null;
        }

        @Override
        public Optional<LoopDecision> lastDecision() {
            return Optional.ofNullable(last);
        }
    }

    static SocketAllocation allocation(int socket, boolean on, String reason, String text, String outcome) {
        return new SocketAllocation(socket, on, SocketReason.valueOf(reason), text, false, PriorityClass.PUBLIC, SessionMode.NONE,
                PowerSource.GRID, 2000, outcome == null ? null : RelayResult.Outcome.valueOf(outcome), null);
    }

    static PluginPage page;
    static volatile RelaysPlugin plugin;
    FakeRelay socket1;
    FakeBalancer balancer;

    @BeforeAll
    static void start() throws Exception {
        page = new PluginPage("/system/console/relays", () -> plugin);
        page.logIn("anna");
    }

    @AfterAll
    static void stop() throws Exception {
        page.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return page.get(path);
    }

    static HttpResponse<String> post(String form, String... headers) throws Exception {
        return page.post(form, headers);
    }

    @BeforeEach
    void plugin() {
        socket1 = new FakeRelay("socket1", 1, NOW.minusSeconds(600), NOW);
        FakeRelay socket2 = new FakeRelay("socket2", 2, NOW.minusSeconds(600), NOW);
        List<Relay> relays = List.of(socket1, socket2);
        balancer = new FakeBalancer();
        plugin = new RelaysPlugin(() -> relays, List::of, () -> balancer, () -> balancer,
                new ManualClock(NOW), ROME, new SecureRandom());
    }

    private static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    @Test
    void anOnBecomesAHoldTheBalancerSwitchesAndThePageNeverWritesTheRelay() throws Exception {
        HttpResponse<String> r = post("relay=socket1&action=on&minutes=10", JSON);

        assertEquals(200, r.statusCode(), r.body());
        assertTrue(socket1.commands.isEmpty(), "one writer on the relay: the balancer");
        JsonObject body = json(r);
        assertTrue(body.get("inForce").getAsBoolean());
        assertEquals("installer:anna", body.getAsJsonObject("hold").get("actor").getAsString());
        assertEquals("2025-03-01T10:10:00Z", body.getAsJsonObject("hold").get("until").getAsString());
        assertEquals("MANUAL_HOLD_ON", body.getAsJsonObject("decision").get("reason").getAsString());
        assertTrue(balancer.holds.get(1).on());
    }

    @Test
    void aHoldTheBalancerCannotHonourYetIsA202WithItsReason() throws Exception {
        balancer.answer = h -> allocation(1, false, "WAITING_HEADROOM",
                "held ON by installer:anna until 12:10:00: waiting for grid headroom (needs 2100 W, 700 W available)", null);

        HttpResponse<String> r = post("relay=socket1&action=on", JSON);

        assertEquals(202, r.statusCode(), r.body());
        JsonObject body = json(r);
        assertFalse(body.get("inForce").getAsBoolean());
        assertEquals("WAITING_HEADROOM", body.getAsJsonObject("decision").get("reason").getAsString());
        assertTrue(body.getAsJsonObject("decision").get("text").getAsString().contains("700 W available"));
        assertEquals(15, body.get("minutes").getAsInt(), "15 minutes when not given");
        assertTrue(socket1.commands.isEmpty());
    }

    @Test
    void aHoldOffAndItsReleaseGoThroughTheBalancer() throws Exception {
        assertEquals(200, post("relay=socket1&action=off&minutes=30", JSON).statusCode());
        assertFalse(balancer.holds.get(1).on());

        HttpResponse<String> released = post("relay=socket1&action=release", JSON);
        assertEquals(200, released.statusCode(), released.body());
        assertTrue(json(released).get("released").getAsBoolean());
        assertTrue(balancer.holds.isEmpty());
        assertEquals(List.of("1 by installer:anna"), balancer.released);
        assertFalse(json(post("relay=socket1&action=release", JSON)).get("released").getAsBoolean(), "nothing left");
        assertTrue(socket1.commands.isEmpty());
    }

    @Test
    void aHoldTheBalancerRefusesIsA400AndHoldsNothing() throws Exception {
        HttpResponse<String> r = post("relay=socket2&action=on", JSON);

        assertEquals(400, r.statusCode());
        assertTrue(json(r).get("error").getAsString().contains("unknown socket: 2"), r.body());
        assertTrue(balancer.holds.isEmpty());
    }

    @Test
    void thePageShowsTheHoldWithWhoAndUntilWhenAndTheBrowserGetsTheBalancersAnswer() throws Exception {
        String before = get("/system/console/relays").body();
        assertTrue(before.contains("tenuta manuale") && before.contains("manual hold"), "the page explains holds");
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(before);
        assertTrue(token.find());
        balancer.answer = h -> allocation(1, false, "HELD_MIN_OFF", "held ON by installer:anna; waiting: minimum "
                + "off-time until 11:00:30", null);

        HttpResponse<String> r = post("relay=socket1&action=on&minutes=5&csrf=" + token.group(1),
                "Origin", page.origin());

        assertEquals(303, r.statusCode());
        String page = get("/system/console/relays").body();
        assertTrue(page.contains("non ancora / not yet") && page.contains("HELD_MIN_OFF"), page);
        assertTrue(page.contains("ON &mdash; installer:anna, fino a / until"), "the hold, who and until when");
        assertTrue(page.contains("value=\"release\""), "a release button");
        assertTrue(socket1.commands.isEmpty());
    }

    @Test
    void withoutABalancerThereIsNoHoldToRelease() throws Exception {
        plugin = new RelaysPlugin(() -> List.of(socket1), List::of, new ManualClock(NOW), ROME,
                new SecureRandom());

        HttpResponse<String> r = post("relay=socket1&action=release", JSON);

        assertEquals(409, r.statusCode());
        assertTrue(json(r).get("error").getAsString().contains("balancer is not running"), r.body());
        assertFalse(get("/system/console/relays").body().contains("tenuta manuale"), "no hold note without a balancer");
    }
}
