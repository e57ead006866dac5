package org.microsmartgrid.status;

import org.microsmartgrid.testing.JettyServer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.relay.RelayState;
import org.microsmartgrid.status.health.BundleFacts;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The servlet's HTTP behaviour, served by a real Jetty 11 over loopback. */
class StatusServletHttpTest {
    static final Instant NOW = Instant.parse("2025-03-01T10:15:31Z");
    static final AtomicReference<Supplier<JsonElement>> DOCUMENT = new AtomicReference<>();
    static JettyServer server;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        // "/status/*" also matches "/status" itself, as in the whiteboard registration
        server = new JettyServer(new StatusServlet(() -> DOCUMENT.get().get()), "/status/*");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static JsonObject sampleDocument() {
        ModuleSection module = new ModuleSection("0.1.0", "org.apache.felix.framework 7.0.5", "17",
                Instant.parse("2025-03-01T10:00:00Z"));
        return StatusReport.build(NOW, module,
                List.of(new Fakes.FakeMeter(MeterSectionTest.gridReading()),
                        new Fakes.FakeMeter(MeterReading.none("socket1", MeterRole.SOCKET, 1, NOW))),
                List.of(new Fakes.FakeRelay(new RelayState("socket1", 1, false, false, false, null, NOW, "start", null))),
                new Fakes.FakeLoop(LoopSectionTest.normalCycle()),
                List.of(new BundleFacts(0, "org.apache.felix.framework", "7.0.5", 32, false)),
                List.of());
    }

    static HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static void assertJsonHeaders(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElseThrow().toLowerCase().replace(" ", "");
        assertEquals("application/json;charset=utf-8", type);
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void getStatusServesTheDocumentAsUncacheableUtf8Json() throws Exception {
        DOCUMENT.set(StatusServletHttpTest::sampleDocument);

        HttpResponse<String> response = send("GET", "/status");

        assertEquals(200, response.statusCode());
        assertJsonHeaders(response);
        JsonObject json = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals(1, json.get("schema").getAsInt());
        assertEquals("2025-03-01T10:15:31Z", json.get("generatedAt").getAsString());
        assertEquals(931, json.getAsJsonObject("module").get("uptimeSeconds").getAsLong());
        assertEquals("grid", json.getAsJsonArray("meters").get(0).getAsJsonObject().get("id").getAsString());
        assertEquals(2875.25, json.getAsJsonArray("meters").get(0).getAsJsonObject().getAsJsonObject("values")
                .getAsJsonObject("ACTIVE_POWER").get("value").getAsDouble());
        JsonObject relay = json.getAsJsonArray("relays").get(0).getAsJsonObject();
        assertFalse(relay.get("feedbackOn").getAsBoolean());
        assertTrue(relay.get("leaseUntil").isJsonNull());
        JsonObject loop = json.getAsJsonObject("loop");
        assertEquals(324.75, loop.get("headroomW").getAsDouble());
        JsonObject socket1 = loop.getAsJsonArray("sockets").get(0).getAsJsonObject();
        assertEquals(1, socket1.get("socket").getAsInt());
        assertEquals("CHARGING_NOW", socket1.get("reason").getAsString());
        assertTrue(json.getAsJsonObject("health").get("ok").getAsBoolean());
    }

    @Test
    void withoutABalancingLoopTheLoopIsNullAndThePageStillAnswers() throws Exception {
        DOCUMENT.set(() -> StatusReport.build(NOW, new ModuleSection("0.1.0", "felix", "17", NOW), List.of(),
                List.of(), null, List.of(), List.of()));

        HttpResponse<String> response = send("GET", "/status");

        assertEquals(200, response.statusCode());
        JsonObject json = JsonParser.parseString(response.body()).getAsJsonObject();
        assertTrue(json.has("loop") && json.get("loop").isJsonNull(), "present and null: \"loop\": null");
    }

    @Test
    void aTrailingSlashIsTheSameDocument() throws Exception {
        DOCUMENT.set(StatusServletHttpTest::sampleDocument);

        HttpResponse<String> response = send("GET", "/status/");

        assertEquals(200, response.statusCode());
        assertTrue(JsonParser.parseString(response.body()).getAsJsonObject().has("meters"));
    }

    @Test
    void unknownSubPathsAre404WithAJsonError() throws Exception {
        DOCUMENT.set(StatusServletHttpTest::sampleDocument);

        HttpResponse<String> response = send("GET", "/status/meters/grid");

        assertEquals(404, response.statusCode());
        assertJsonHeaders(response);
        JsonObject json = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals(404, json.get("status").getAsInt());
        assertEquals("not found", json.get("error").getAsString());
    }

    @Test
    void everyMethodButGetAndHeadIs405AndNamesTheAllowedOnes() throws Exception {
        DOCUMENT.set(() -> {
            throw new AssertionError("a refused method must not build the document");
        });
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> response = send(method, "/status");

            assertEquals(405, response.statusCode(), method);
            assertJsonHeaders(response);
            assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElseThrow());
            assertEquals("method not allowed", JsonParser.parseString(response.body()).getAsJsonObject().get("error").getAsString());
        }
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        DOCUMENT.set(StatusServletHttpTest::sampleDocument);

        HttpResponse<String> response = send("HEAD", "/status");

        assertEquals(200, response.statusCode());
        assertJsonHeaders(response);
        assertEquals("", response.body());
    }

    @Test
    void aFailureWhileCollectingIsA500WithAJsonMessage() throws Exception {
        DOCUMENT.set(() -> {
            throw new IllegalStateException("framework stopping");
        });

        HttpResponse<String> response = send("GET", "/status");

        assertEquals(500, response.statusCode());
        assertJsonHeaders(response);
        assertTrue(JsonParser.parseString(response.body()).getAsJsonObject().get("message").getAsString()
                .contains("framework stopping"));
    }
}
