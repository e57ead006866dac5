package org.microsmartgrid.console.relays;

import org.microsmartgrid.console.PluginPage;
import org.microsmartgrid.testing.ManualClock;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayState;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay page over real HTTP (Jetty 11), behind a stand-in for the Web Console that does what the console does
 * for a logged-in installer: set the remote user and the plugin root, then hand the request to the plugin.
 */
class RelaysPluginHttpTest {
    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    static PluginPage page;
    static volatile RelaysPlugin plugin;

    FakeRelay socket1;
    FakeRelay socket2;

    @BeforeAll
    static void start() throws Exception {
        page = new PluginPage("/system/console/relays", () -> plugin);
    }

    @AfterAll
    static void stop() throws Exception {
        page.close();
    }

    @BeforeEach
    void plugin() {
        socket1 = new FakeRelay("socket1", 1, NOW.minusSeconds(600), NOW);
        socket2 = new FakeRelay("<b>socket2</b>", 2, NOW.minusSeconds(600), NOW);
        socket2.state = new RelayState("<b>socket2</b>", 2, false, false, true, "contatto incollato <script>", NOW.minusSeconds(600), "balancer", null);
        List<Relay> relays = List.of(socket2, socket1);
        Meter meter = new Meter() {
            @Override public String id() { return "socket1-meter"; }
            @Override public MeterRole role() { return MeterRole.SOCKET; }
            @Override public int socket() { return 1; }
            @Override public MeterReading reading() {
                return new MeterReading("socket1-meter", MeterRole.SOCKET, 1, Quality.GOOD, NOW,
                        Map.of(Channel.ACTIVE_POWER, new Sample(182.4, NOW)), null);
            }
        };
        plugin = new RelaysPlugin(() -> relays, () -> List.of(meter), new ManualClock(NOW), ROME, new SecureRandom());
        page.logIn("anna");
    }

    static HttpResponse<String> get(String path) throws Exception {
        return page.get(path);
    }

    static HttpResponse<String> post(String form, String... headers) throws Exception {
        return page.post(form, headers);
    }

    static final String[] JSON = {"Accept", "application/json"};

    @Test
    void thePageListsEveryRelayWithItsSocketPowerInItalianAndEnglishEscapingDeviceTexts() throws Exception {
        HttpResponse<String> r = get("/system/console/relays");

        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<th>Richiesto / Wanted</th>"), html);
        assertTrue(html.contains("Spenta / Off"));
        assertTrue(html.contains("182 W"), "socket 1's meter power");
        assertTrue(html.contains("Chiuso / Closed"), "socket 2's feedback");
        assertTrue(html.contains("non cablato / not wired"), "socket 1 has no feedback");
        assertTrue(html.contains("2025-03-01 10:50:00"), "times in the module's zone (Rome, UTC+1)");
        assertFalse(html.contains("<script>"), "device texts are escaped");
        assertFalse(html.contains("<b>socket2</b>"));
        assertTrue(html.contains("&lt;b&gt;socket2&lt;/b&gt;"));
        assertTrue(html.indexOf("socket1") < html.indexOf("socket2"), "ordered by socket");
        assertTrue(html.contains("action=\"/system/console/relays\""));
        assertTrue(html.contains("name=\"csrf\""));
    }

    @Test
    void theJsonViewGivesTheSameDataToScripts() throws Exception {
        HttpResponse<String> r = get("/system/console/relays.json");

        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonObject json = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals("socket1", json.getAsJsonArray("relays").get(0).getAsJsonObject().get("id").getAsString());
        assertEquals(182.4, json.getAsJsonArray("meters").get(0).getAsJsonObject().get("activePowerW").getAsDouble());
    }

    @Test
    void aCurlStylePostSwitchesTheRelayOnForTheGivenMinutesAndAnswersJson() throws Exception {
        HttpResponse<String> r = post("relay=socket1&action=on&minutes=10", JSON);

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, socket1.commands.size());
        assertTrue(socket1.commands.get(0).on());
        assertEquals("installer:anna", socket1.commands.get(0).source());
        assertEquals(Duration.ofMinutes(10), socket1.commands.get(0).lease());
        JsonObject json = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals("APPLIED", json.get("outcome").getAsString());
        assertEquals(10, json.get("minutes").getAsInt());
        assertEquals("2025-03-01T10:10:00Z", json.getAsJsonObject("state").get("leaseUntil").getAsString());
    }

    @Test
    void aDeferredCommandIsA409WithTheReasonAndWhenToRetry() throws Exception {
        Instant notBefore = NOW.plusSeconds(45);
        socket1.answer = c -> new RelayResult(RelayResult.Outcome.DEFERRED, socket1.state, notBefore, "minimum off time 60 s");

        HttpResponse<String> r = post("relay=socket1&action=on", JSON);

        assertEquals(409, r.statusCode());
        JsonObject json = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals("DEFERRED", json.get("outcome").getAsString());
        assertEquals("minimum off time 60 s", json.get("reason").getAsString());
        assertEquals("2025-03-01T10:00:45Z", json.get("notBefore").getAsString());
        assertEquals(Duration.ofMinutes(15), socket1.commands.get(0).lease(), "15 minutes when not given");
    }

    @Test
    void badParametersAre400WithAMessageAndSwitchNothing() throws Exception {
        HttpResponse<String> tooLong = post("relay=socket1&action=on&minutes=241", JSON);
        HttpResponse<String> unknown = post("relay=socket7&action=off");

        assertEquals(400, tooLong.statusCode());
        assertTrue(JsonParser.parseString(tooLong.body()).getAsJsonObject().get("error").getAsString().contains("from 1 to 240"));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("Unknown relay 'socket7'"), unknown.body());
        assertTrue(socket1.commands.isEmpty());
        assertTrue(socket2.commands.isEmpty());
    }

    @Test
    void aPostFromAnotherSiteIsRefusedAndSwitchesNothing() throws Exception {
        HttpResponse<String> r = post("relay=socket1&action=on", "Origin", "http://evil.example");

        assertEquals(403, r.statusCode());
        assertTrue(socket1.commands.isEmpty());
    }

    @Test
    void theBrowserFormIsRedirectedBackAndThePageThenShowsTheOutcomeOnce() throws Exception {
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get("/system/console/relays").body());
        assertTrue(token.find());
        socket1.answer = c -> new RelayResult(RelayResult.Outcome.REJECTED, socket1.state, null, "relay faulted: stuck");

        HttpResponse<String> r = post("relay=socket1&action=on&minutes=5&csrf=" + token.group(1),
                "Origin", page.origin());

        assertEquals(303, r.statusCode());
        assertEquals("/system/console/relays", r.headers().firstValue("Location").orElseThrow());
        String page = get("/system/console/relays").body();
        assertTrue(page.contains("rifiutato / rejected"), page);
        assertTrue(page.contains("relay faulted: stuck"));
        assertFalse(get("/system/console/relays").body().contains("rifiutato / rejected"), "shown once");
    }

    @Test
    void withoutALoggedInInstallerNothingIsShownOrSwitched() throws Exception {
        page.logIn(null);

        assertEquals(403, get("/system/console/relays").statusCode());
        assertEquals(403, post("relay=socket1&action=on", JSON).statusCode());
        assertTrue(socket1.commands.isEmpty());
    }
}
