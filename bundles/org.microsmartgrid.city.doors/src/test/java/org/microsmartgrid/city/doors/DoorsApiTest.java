package org.microsmartgrid.city.doors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.broker.doors.DoorAnswer;
import org.microsmartgrid.city.broker.doors.ModuleDoors;
import org.microsmartgrid.city.broker.doorcodes.ModuleDoorList;
import org.microsmartgrid.city.ingest.Telemetry;
import org.microsmartgrid.city.registry.ModuleBirth;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.registry.store.JdbcRegistry;
import org.microsmartgrid.city.registry.store.TestDatabases;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The public door API on real HTTP (Jetty 11 on loopback) and a real registry (H2): what a courier's phone gets for
 * each thing it may send. The module's side is a stand-in that answers as the module would (the wire is
 * DoorRequestsBrokerTest's, the whole chain DoorAtTheCityIT's).
 */
class DoorsApiTest {

    private static final String DOORS = "[{\"id\":\"portone\",\"label\":\"Portone\"},{\"id\":\"locker-1\",\"label\":\"Armadietto pacchi\"}]";
    /** A door the module keeps off the public page ({@code public.page} off). */
    private static final String OWNER_DOORS = "[{\"id\":\"retro\",\"label\":\"Porta sul retro\"}]";

    /** city.api's openapi.yaml (served at /api/v1/openapi.yaml): every documented answer here must match it. */
    private static final OpenApiInteractionValidator DOCUMENT;

    static {
        try {
            DOCUMENT = OpenApiInteractionValidator.createForInlineApiSpecification(java.nio.file.Files.readString(
                    java.nio.file.Path.of("../org.microsmartgrid.city.api/src/main/resources/org/microsmartgrid/city/api/openapi.yaml")))
                    .build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final HttpClient http = HttpClient.newHttpClient();
    private final DoorDirectory directory = new DoorDirectory();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final AtomicReference<DoorAnswer> answer = new AtomicReference<>();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private Registry registry;
    private String point;
    private String plainPoint;

    @BeforeEach
    void start() throws Exception {
        registry = new JdbcRegistry(TestDatabases.fresh(), l -> { });
        registry.moduleBirth(new ModuleBirth("milano", "m-doors", "Via Larga 12", "s1", "1.0", 45.46, 9.19, 4, 1000));
        registry.moduleBirth(new ModuleBirth("milano", "m-plain", "Sormani", "s2", "1.0", 45.47, 9.18, 4, 1000));
        point = registry.locationOfModule("milano", "m-doors").orElseThrow().id();
        plainPoint = registry.locationOfModule("milano", "m-plain").orElseThrow().id();
        directory.observed(birth("m-doors", DOORS, OWNER_DOORS));
        directory.observed(birth("m-plain", null));
        ModuleDoors modules = (account, client, door, code) -> {
            sent.add(account + "/" + client + " " + door + " " + code);
            return CompletableFuture.completedFuture(answer.get());
        };
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new DoorsServlet(registry, directory, () -> Optional.of(modules),
                new ClientRate(3, 20_000, now::get), 5_000)), CityDoors.PATTERN);
        server.setHandler(context);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    static Telemetry birth(String client, String doors) {
        return birth(client, doors, null);
    }

    static Telemetry birth(String client, String doors, String ownerDoors) {
        String extended = "{\"version\":\"1.0\",\"properties\":{\"MicroSmartGrid\":{\"sockets\":\"4\""
                + (doors == null ? "" : ",\"doors\":" + new com.google.gson.Gson().toJson(doors))
                + (ownerDoors == null ? "" : ",\"owner_doors\":" + new com.google.gson.Gson().toJson(ownerDoors)) + "}}}";
        return new Telemetry("milano", client, "MQTT/BIRTH", 1000, 1000, Map.of("extended_properties", extended), true);
    }

    /** The answer as openapi.yaml says it may be (status listed, body of the listed schema). */
    private static HttpResponse<String> documented(HttpResponse<String> r) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(r.statusCode());
        r.headers().firstValue("Content-Type").ifPresent(b::withContentType);
        r.headers().firstValue("Retry-After").ifPresent(v -> b.withHeader("Retry-After", v));
        if (!r.body().isEmpty()) b.withBody(r.body());
        ValidationReport report = DOCUMENT.validateResponse(r.request().uri().getRawPath(),
                Request.Method.valueOf(r.request().method()), b.build());
        assertFalse(report.hasErrors(), () -> "not as openapi.yaml says: " + r.request().method() + " "
                + r.request().uri().getRawPath() + " " + r.statusCode() + " " + r.body() + "\n" + report.getMessages());
        return r;
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
        return path.matches("/api/v1/doors/[^/]+") ? documented(r) : r;
    }

    private HttpResponse<String> open(String door, String body) throws Exception {
        return open(point, door, body);
    }

    private HttpResponse<String> open(String at, String door, String body) throws Exception {
        return documented(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort()
                        + "/api/v1/doors/" + at + "/" + door + "/open")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static void assertProblem(HttpResponse<String> r, int status, String titleContains) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject p = json(r);
        assertEquals(status, p.get("status").getAsInt());
        assertTrue(p.get("title").getAsString().contains(titleContains), r.body());
    }

    @Test
    void aPointListsItsDoorsIdsAndLabelsOnly() throws Exception {
        HttpResponse<String> r = get("/api/v1/doors/" + point);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(JsonParser.parseString("{\"location_id\":\"" + point + "\",\"doors\":" + DOORS + "}"),
                JsonParser.parseString(r.body()));
        assertEquals(0, json(get("/api/v1/doors/" + plainPoint)).getAsJsonArray("doors").size());
        assertProblem(get("/api/v1/doors/nowhere"), 404, "Punto sconosciuto");
    }

    @Test
    void aDoorKeptOffThePublicPageIsNeitherListedNorOpenedAndTheAnswerDoesNotTellItExists() throws Exception {
        assertFalse(get("/api/v1/doors/" + point).body().contains("retro"));
        answer.set(new DoorAnswer(DoorAnswer.Status.OPENED, "GRANTED", "ok"));
        JsonObject unknown = json(open("cantina", "{\"code\":\"12345678\"}"));
        now.addAndGet(60_000);
        HttpResponse<String> offPage = open("retro", "{\"code\":\"12345678\"}");
        assertProblem(offPage, 404, "Porta sconosciuta");
        assertEquals(JsonParser.parseString(unknown.toString().replace("cantina", "retro")), json(offPage),
                "word for word the answer for a door that does not exist");
        assertEquals(List.of(), sent, "never sent to the module");
    }

    @Test
    void theOwnersListHasEveryDoorWithWhetherThePublicPageShowsIt() {
        assertEquals(List.of(new ModuleDoorList.OwnerDoor("portone", "Portone", true),
                new ModuleDoorList.OwnerDoor("locker-1", "Armadietto pacchi", true),
                new ModuleDoorList.OwnerDoor("retro", "Porta sul retro", false)), directory.ownerDoors("milano", "m-doors"));
        directory.observed(birth("m-x", null, "[{\"id\":\"retro\",\"label\":\"Porta sul retro\"}]"));
        assertEquals(List.of(), directory.doors("milano", "m-x"), "only doors kept off the page: none public");
        assertEquals(1, directory.ownerDoors("milano", "m-x").size());
        directory.observed(birth("m-x", DOORS, "[{\"id\":\"portone\",\"label\":\"twice\"}]"));
        assertEquals(List.of(true, true), directory.ownerDoors("milano", "m-x").stream()
                .map(ModuleDoorList.OwnerDoor::publicPage).toList(), "a door in both lists counts once, as public");
    }

    @Test
    void aCodeGoesToTheModuleAndItsAnswerComesBack() throws Exception {
        answer.set(new DoorAnswer(DoorAnswer.Status.OPENED, "GRANTED", "Accesso consentito / Access granted"));
        HttpResponse<String> opened = open("portone", "{\"code\":\" 12345678 \"}");
        assertEquals(200, opened.statusCode(), opened.body());
        assertTrue(json(opened).get("opened").getAsBoolean());
        assertEquals("Accesso consentito / Access granted", json(opened).get("message").getAsString());
        assertEquals(List.of("milano/m-doors portone 12345678"), sent);

        answer.set(new DoorAnswer(DoorAnswer.Status.REFUSED, "REUSED", "Codice già usato / Code already used"));
        HttpResponse<String> reused = open("portone", "{\"code\":\"12345678\"}");
        assertProblem(reused, 403, "Codice già usato");
        assertEquals("REUSED", json(reused).get("outcome").getAsString());

        answer.set(new DoorAnswer(DoorAnswer.Status.THROTTLED, "THROTTLED", "Troppi tentativi, riprovare più tardi / Too many attempts, try again later"));
        assertProblem(open("portone", "{\"code\":\"12345678\"}"), 429, "Troppi tentativi");
    }

    @Test
    void aModuleNotReachableSaysToUseTheKeypad() throws Exception {
        answer.set(DoorAnswer.of(DoorAnswer.Status.UNREACHABLE));
        HttpResponse<String> r = open("portone", "{\"code\":\"12345678\"}");
        assertProblem(r, 504, "usate il tastierino");
        assertTrue(json(r).get("title").getAsString().contains("use the keypad"));

        registry.moduleOffline("milano", "m-doors", 2000);
        sent.clear();
        assertProblem(open("portone", "{\"code\":\"12345678\"}"), 504, "Modulo non raggiungibile");
        assertEquals(List.of(), sent, "an offline module is not asked");
    }

    @Test
    void badInputIsAProblemAndNeverReachesTheModule() throws Exception {
        answer.set(new DoorAnswer(DoorAnswer.Status.OPENED, "GRANTED", "ok"));
        List<String> bodies = List.of("", "{", "[]", "\"12345678\"", "{\"code\":12345678}", "{\"code\":\"1234567\"}",
                "{\"code\":\"123456789\"}", "{\"code\":\"1234 5678\"}", "{\"code\":\"１２３４５６７８\"}",
                "{\"code\":\"12345678\",\"door\":\"locker-1\"}", "{\"code\":\"" + "1".repeat(2000) + "\"}");
        for (String body : bodies) {
            now.addAndGet(60_000); // one try at a time: the limit is the next test's
            HttpResponse<String> r = open("portone", body);
            assertProblem(r, 400, "Richiesta non valida");
            assertEquals("code", json(r).get("parameter").getAsString(), body);
        }
        now.addAndGet(60_000);
        assertProblem(open("cantina", "{\"code\":\"12345678\"}"), 404, "Porta sconosciuta");
        now.addAndGet(60_000);
        assertProblem(open("PORTONE", "{\"code\":\"12345678\"}"), 404, "Porta sconosciuta");
        now.addAndGet(60_000);
        assertProblem(open(plainPoint, "portone", "{\"code\":\"12345678\"}"), 404, "Porta sconosciuta");
        now.addAndGet(60_000);
        assertProblem(open("nowhere", "portone", "{\"code\":\"12345678\"}"), 404, "Punto sconosciuto");
        assertEquals(List.of(), sent);

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + connector.getLocalPort() + "/api/v1/doors/" + point + "/portone/open")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(get, 405, "Metodo non ammesso");
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        assertProblem(get("/api/v1/doors/" + point + "/portone"), 404, "Non trovato");
    }

    @Test
    void oneClientTriesOnlySoOftenWhateverItSends() throws Exception {
        answer.set(new DoorAnswer(DoorAnswer.Status.REFUSED, "REFUSED", "Codice non valido / Invalid code"));
        for (int i = 0; i < 3; i++) assertEquals(403, open("portone", "{\"code\":\"1111111" + i + "\"}").statusCode());
        HttpResponse<String> limited = open("portone", "{\"code\":\"11111119\"}");
        assertProblem(limited, 429, "Troppi tentativi");
        assertEquals("20", limited.headers().firstValue("Retry-After").orElse(""));
        assertProblem(open("portone", "not json"), 429, "Troppi tentativi");
        assertEquals(3, sent.size(), "the limited tries never reached the module");

        now.addAndGet(20_000); // one more try after the refill time
        assertEquals(403, open("portone", "{\"code\":\"11111112\"}").statusCode());
        assertEquals(429, open("portone", "{\"code\":\"11111113\"}").statusCode());
    }

    @Test
    void aCertificateWithBadDoorsListsOnlyTheGoodOnesAndALaterOneReplacesIt() {
        directory.observed(birth("m-x", "[{\"id\":\"ok\",\"label\":\"Cancello\"},{\"id\":\"Bad Id\",\"label\":\"x\"},"
                + "{\"id\":\"nolabel\",\"label\":\"  \"},{\"id\":\"ok\",\"label\":\"twice\"}]"));
        assertEquals(List.of(new PublicDoor("ok", "Cancello")), directory.doors("milano", "m-x"));
        directory.observed(birth("m-x", "not json"));
        assertEquals(List.of(), directory.doors("milano", "m-x"));
        directory.observed(birth("m-x", DOORS));
        assertEquals(2, directory.doors("milano", "m-x").size());
        directory.observed(new Telemetry("milano", "m-x", "site", 1, 1, Map.of(), true));
        assertEquals(2, directory.doors("milano", "m-x").size(), "only BIRTH and APPS say which doors");
        directory.observed(birth("m-x", null));
        assertFalse(directory.doors("milano", "m-x").iterator().hasNext(), "a module without doors has none");
    }
}
