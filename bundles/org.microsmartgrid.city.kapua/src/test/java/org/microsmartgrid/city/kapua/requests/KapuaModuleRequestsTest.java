package org.microsmartgrid.city.kapua.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.broker.charging.StartAnswer;
import org.microsmartgrid.city.broker.doorcodes.CodeAnswer;
import org.microsmartgrid.city.broker.doors.DoorAnswer;
import org.microsmartgrid.city.kapua.mode.KapuaModeConfig;
import org.microsmartgrid.city.kapua.standin.KapuaStandIn;
import org.microsmartgrid.testing.ManualClock;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.microsmartgrid.testing.ComponentConfigs;

/**
 * In Kapua mode a courier's code, an owner's courier code and a driver's start reach the module through Kapua's
 * device requests (the stand-in on loopback, checked against Kapua's OpenAPI documents), and what Kapua answers
 * becomes what the pages already show: the module's answer, or "not reachable" when Kapua has it disconnected, the
 * module is silent or Kapua is slow. Never sent twice.
 */
class KapuaModuleRequestsTest {

    private static final String MILANO = "Ag";
    private static final String SCHOOL = "AA:BB:CC:00:00:01";
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T08:00:00Z"));
    private KapuaStandIn kapua;
    private KapuaModuleRequests city;

    @BeforeEach
    void start() throws Exception {
        kapua = new KapuaStandIn(clock);
        kapua.addUser("msg-city-runtime", "City-pw-2026!", MILANO);
        kapua.addDevice(MILANO, SCHOOL, "Scuola Pascoli", "CONNECTED", clock.instant());
        city = cityWaiting(Duration.ofSeconds(5));
    }

    private KapuaModuleRequests cityWaiting(Duration timeout) {
        KapuaModuleRequests c = new KapuaModuleRequests();
        c.activateWith(ComponentConfigs.of(KapuaModeConfig.class, Map.of("api.url", kapua.apiUrl(), "account", "milano",
                "username", "msg-city-runtime", "password", "City-pw-2026!", "timeout.s", 10)), clock, timeout);
        return c;
    }

    @AfterEach
    void stop() throws Exception {
        if (kapua == null) return; // skipped: Kapua's OpenAPI documents are not there
        city.deactivate();
        kapua.close();
        assertEquals(List.of(), kapua.violations());
    }

    /** A Kapua payload with these metrics, typed as Kapua writes them. */
    private static JsonObject reply(Map<String, Object> metrics) {
        JsonArray list = new JsonArray();
        metrics.forEach((k, v) -> {
            JsonObject m = new JsonObject();
            m.addProperty("name", k);
            m.addProperty("valueType", v instanceof Integer ? "integer" : v instanceof Boolean ? "boolean" : "string");
            m.addProperty("value", String.valueOf(v));
            list.add(m);
        });
        JsonObject p = new JsonObject();
        p.add("metrics", list);
        return p;
    }

    /** The metrics Kapua received, name → {valueType, value}. */
    private static Map<String, List<String>> metricsOf(JsonObject requestInput) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (JsonElement e : requestInput.getAsJsonObject("payload").getAsJsonArray("metrics")) {
            JsonObject o = e.getAsJsonObject();
            m.put(o.get("name").getAsString(), List.of(o.get("valueType").getAsString(), o.get("value").getAsString()));
        }
        return m;
    }

    private static String metric(JsonObject requestInput, String name) {
        List<String> v = metricsOf(requestInput).get(name);
        return v == null ? null : v.get(1);
    }

    private static Map<String, Object> granted(String outcome, boolean granted, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("response.code", 200);
        m.put("outcome", outcome);
        m.put("granted", granted);
        m.put("message", message);
        return m;
    }

    /** The module as the city's CITY-V1 handler answers (docs/cloud-management.md). */
    private static final Function<JsonObject, JsonObject> MODULE = in -> {
        String resource = in.getAsJsonObject("channel").getAsJsonArray("resources").get(0).getAsString();
        return switch (resource) {
            case "door" -> switch (metric(in, "door")) {
                case "cantina" -> reply(Map.of("response.code", 404, "response.exception.message", "unknown door"));
                default -> "12345678".equals(metric(in, "code"))
                        ? reply(granted("GRANTED", true, "Accesso consentito / Access granted"))
                        : reply(granted("REUSED", false, "Codice già usato / Code already used"));
            };
            case "door-code" -> "600".equals(metric(in, "minutes"))
                    ? reply(Map.of("response.code", 409, "response.exception.message", "finestra troppo lunga / too long"))
                    : reply(Map.of("response.code", 200, "code", "40417283", "id", "c-17",
                    "from", "2026-12-07T08:00:00Z", "until", "2026-12-07T10:00:00Z"));
            case "start" -> "2".equals(metric(in, "socket"))
                    ? reply(Map.of("response.code", 409, "response.exception.message", "presa occupata / socket busy"))
                    : reply(Map.of("response.code", 200, "session_id", "s-42"));
            default -> reply(Map.of("response.code", 404));
        };
    };

    private DoorAnswer tryCode(String door, String code) throws Exception {
        return city.tryCode("milano", SCHOOL, door, code).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void theModulesAnswersComeThroughKapuaAndKapuaGetsTheRequestAsKuraHasIt() throws Exception {
        kapua.moduleReplies(SCHOOL, MODULE);

        assertEquals(new DoorAnswer(DoorAnswer.Status.OPENED, "GRANTED", "Accesso consentito / Access granted"),
                tryCode("portone", "12345678"));
        KapuaStandIn.DeviceRequest sent = kapua.deviceRequests().get(0);
        assertEquals(SCHOOL, sent.clientId());
        JsonObject channel = sent.requestInput().getAsJsonObject("channel");
        // Kapua joins appName-version into the Kura app id and turns EXECUTE into EXEC: $EDC/milano/…/CITY-V1/EXEC/door
        assertEquals("CITY", channel.get("appName").getAsString());
        assertEquals("V1", channel.get("version").getAsString());
        assertEquals("EXECUTE", channel.get("method").getAsString());
        assertEquals(List.of("door"), channel.getAsJsonArray("resources").asList().stream()
                .map(JsonElement::getAsString).toList());
        assertEquals(Map.of("door", List.of("string", "portone"), "code", List.of("string", "12345678")),
                metricsOf(sent.requestInput()), "the same metrics as on the embedded broker; Kapua adds request.id");
        assertTrue(sent.timeoutMs() < 5000, "Kapua gives up before the person does: " + sent.timeoutMs());

        DoorAnswer reused = tryCode("portone", "11111111");
        assertEquals(DoorAnswer.Status.REFUSED, reused.status());
        assertEquals("REUSED", reused.outcome());
        assertEquals(DoorAnswer.Status.UNKNOWN_DOOR, tryCode("cantina", "12345678").status());

        CodeAnswer issued = city.issueCourierCode("milano", SCHOOL, "portone", 0, 120, "owner-7")
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals(CodeAnswer.Status.ISSUED, issued.status());
        assertEquals("40417283", issued.code());
        JsonObject codeRequest = kapua.deviceRequests().get(3).requestInput();
        assertEquals(Map.of("door", List.of("string", "portone"), "kind", List.of("string", "COURIER"),
                "minutes_from_now", List.of("integer", "0"), "minutes", List.of("integer", "120"),
                "account", List.of("string", "owner-7")), metricsOf(codeRequest));
        // the module's 409 is no Kura response code Kapua knows: it comes only as the response.code metric
        CodeAnswer refused = city.issueCourierCode("milano", SCHOOL, "portone", 0, 600, "owner-7")
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals(CodeAnswer.of(CodeAnswer.Status.REFUSED, "finestra troppo lunga / too long"), refused);

        assertEquals(new StartAnswer(StartAnswer.Status.STARTED, "s-42", null),
                city.start("milano", SCHOOL, 1, "NOW").toCompletableFuture().get(20, TimeUnit.SECONDS));
        assertEquals(Map.of("socket", List.of("integer", "1"), "mode", List.of("string", "NOW")),
                metricsOf(kapua.deviceRequests().get(5).requestInput()));
        assertEquals(StartAnswer.Status.REFUSED,
                city.start("milano", SCHOOL, 2, "NOW").toCompletableFuture().get(20, TimeUnit.SECONDS).status());
        assertEquals(7, kapua.deviceRequests().size(), "each request sent once");
    }

    @Test
    void aModuleKapuaHasDisconnectedOrDoesNotKnowIsUnreachableAndNothingIsSent() throws Exception {
        kapua.moduleReplies(SCHOOL, MODULE);
        kapua.setConnection(MILANO, SCHOOL, "DISCONNECTED", clock.instant());
        assertEquals(DoorAnswer.Status.UNREACHABLE, tryCode("portone", "12345678").status()); // Kapua's 409
        assertEquals(DoorAnswer.Status.UNREACHABLE,
                city.tryCode("milano", "AA:BB:CC:00:00:99", "portone", "12345678").toCompletableFuture()
                        .get(20, TimeUnit.SECONDS).status());
        assertEquals(List.of(), kapua.deviceRequests());

        kapua.setConnection(MILANO, SCHOOL, "CONNECTED", clock.instant());
        assertEquals(DoorAnswer.Status.OPENED, tryCode("portone", "12345678").status());
        assertEquals(1, kapua.deviceRequests().size(), "the refused code was not kept for later");
    }

    @Test
    void aSilentModuleOrASlowKapuaIsUnreachable() throws Exception {
        city.deactivate();
        city = cityWaiting(Duration.ofMillis(1500));
        kapua.moduleReplies(SCHOOL, in -> null); // connected, never replies: Kapua answers its timeout (500)
        assertEquals(DoorAnswer.Status.UNREACHABLE, tryCode("portone", "12345678").status());
        assertEquals(1, kapua.deviceRequests().size());

        kapua.moduleReplies(SCHOOL, MODULE);
        kapua.stallDeviceRequests(Duration.ofMillis(2500)); // Kapua does not answer before the person gives up
        assertEquals(DoorAnswer.Status.UNREACHABLE, tryCode("portone", "12345678").status());
        assertEquals(StartAnswer.Status.UNREACHABLE,
                city.start("milano", SCHOOL, 1, "NOW").toCompletableFuture().get(20, TimeUnit.SECONDS).status());
    }

    @Test
    void aKapuaThatForgotTheSessionGetsOneNewLoginAndTheCodeGoesOnce() throws Exception {
        kapua.moduleReplies(SCHOOL, MODULE);
        assertEquals(DoorAnswer.Status.OPENED, tryCode("portone", "12345678").status());
        kapua.invalidateSessions(); // Kapua restarted: the token is refused (401) before anything is sent
        assertEquals(DoorAnswer.Status.OPENED, tryCode("portone", "12345678").status());
        assertEquals(2, kapua.logins.get());
        assertEquals(2, kapua.deviceRequests().size(), "one per code: the refused call never reached the module");
    }

    @Test
    void aGarbledAnswerIsAFailureNotAnException() throws Exception {
        kapua.moduleReplies(SCHOOL, in -> switch (metric(in, "code")) {
            // types the city cannot read: response.code not a number, granted not a boolean
            case "11111111" -> reply(Map.of("response.code", "abc", "outcome", "GRANTED", "granted", "maybe"));
            case "22222222" -> new JsonObject(); // no metrics at all
            default -> {
                JsonObject p = reply(granted("GRANTED", true, "ok"));
                p.getAsJsonArray("metrics").get(0).getAsJsonObject().addProperty("valueType", "integer");
                p.getAsJsonArray("metrics").get(0).getAsJsonObject().addProperty("value", "two hundred");
                yield p;
            }
        });
        assertEquals(DoorAnswer.Status.FAILED, tryCode("portone", "11111111").status());
        assertEquals(DoorAnswer.Status.FAILED, tryCode("portone", "22222222").status());
        assertEquals(DoorAnswer.Status.FAILED, tryCode("portone", "33333333").status());
        kapua.answerRawOnce("<html>502 Bad Gateway</html>"); // a proxy in front of Kapua
        assertEquals(DoorAnswer.Status.FAILED, tryCode("portone", "44444444").status());
        assertEquals(4, kapua.deviceRequests().size());
    }
}
