package org.microsmartgrid.city.ocpi;

import org.microsmartgrid.testing.JettyServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.microsmartgrid.city.ocpi.auth.PartnerToken;
import org.microsmartgrid.city.ocpi.mapping.EvseMapper;
import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.ModuleBirth;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.SocketUpdate;
import org.microsmartgrid.city.registry.VehicleClass;
import org.microsmartgrid.city.registry.store.JdbcRegistry;
import org.microsmartgrid.city.registry.store.TestDatabases;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * OCPI over real HTTP (Jetty on loopback) on a real registry (H2): what a partner's platform sees. Every answer is
 * checked against the envelope schema, every object against the schemas written from the OCPI 2.2.1 text.
 */
class OcpiHttpTest {

    private static final long T0 = 1_760_000_000_000L;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PartnerToken.Issued PARTNER = PartnerToken.issue("pun-gse", RANDOM);
    private static final PartnerToken.Issued REVOKED = PartnerToken.issue("old-hub", RANDOM);

    private final HttpClient http = HttpClient.newHttpClient();
    private JdbcRegistry registry;
    private JettyServer server;

    @BeforeEach
    void start() throws Exception {
        registry = new JdbcRegistry(TestDatabases.fresh(), null);
        for (int i = 1; i <= 3; i++) {
            registry.moduleBirth(new ModuleBirth("milano", "mod-" + i, "Punto " + i, "SN-" + i, "0.1.0",
                    45.46 + i / 1000.0, 9.19, 2, T0 + i * 1000));
            registry.socketStatus(new SocketUpdate("milano", "mod-" + i, 1, EvseStatus.AVAILABLE, 0.0, T0 + i * 1000 + 500));
        }
        registry.moduleBirth(new ModuleBirth("milano", "mod-unplaced", "Senza posizione", "SN-9", "0.1.0", null, null,
                1, T0));
        registry.putUnmonitored(new Location("home-1", "Mario Rossi", "Via Privata 3", null, 45.47, 9.2,
                OperatorType.PRIVATE_INDIVIDUAL, false, Set.of(VehicleClass.EBIKE), Set.of("WIFI"), null, true, null,
                T0 + 10_000, null, List.of(new Evse(1, EvseStatus.UNKNOWN, 0, null, List.of(Connector.schuko())))));
        serve(Settings.of("MSG", "Milano", "Comune di Milano",
                new String[] {PARTNER.partnerToken().format(), "not a line"}, "", 2, new ArrayList<>()));
    }

    private void serve(Settings settings) throws Exception {
        if (server != null) server.close();
        server = new JettyServer(new OcpiServlet(registry, settings,
                Clock.fixed(Instant.ofEpochMilli(T0 + 3_600_000), ZoneOffset.UTC)), "/ocpi/*");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    // --- versions ---------------------------------------------------------------------------------------------

    @Test
    void aPartnerFindsTheLocationsEndpointFromTheVersionsUrl() throws Exception {
        JsonElement versions = ok(get("/ocpi/versions"));
        assertEquals(List.of(), OcpiSchemas.transport("Versions", versions.toString()));
        JsonObject v = versions.getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("2.2.1", v.get("version").getAsString());
        assertEquals(server.base() + "/ocpi/2.2.1", v.get("url").getAsString());

        JsonElement details = ok(send("GET", URI.create(v.get("url").getAsString()), PARTNER.authorizationHeader()));
        assertEquals(List.of(), OcpiSchemas.transport("VersionDetails", details.toString()));
        JsonObject endpoint = details.getAsJsonObject().getAsJsonArray("endpoints").get(0).getAsJsonObject();
        assertEquals("locations", endpoint.get("identifier").getAsString());
        assertEquals("SENDER", endpoint.get("role").getAsString());
        JsonElement list = ok(send("GET", URI.create(endpoint.get("url").getAsString()), PARTNER.authorizationHeader()));
        assertTrue(list.isJsonArray());
    }

    @Test
    void theConfiguredPublicUrlStartsEveryLink() throws Exception {
        serve(Settings.of("MSG", "", "", new String[] {PARTNER.partnerToken().format()}, "https://city.example.org/",
                2, new ArrayList<>()));
        assertEquals("https://city.example.org/ocpi/2.2.1",
                ok(get("/ocpi/versions")).getAsJsonArray().get(0).getAsJsonObject().get("url").getAsString());
        assertTrue(get("/ocpi/2.2.1/locations").headers().firstValue("Link").orElseThrow()
                .startsWith("<https://city.example.org/ocpi/2.2.1/locations?offset=2&limit=2>"));
    }

    // --- paging -----------------------------------------------------------------------------------------------

    @Test
    void followingTheNextLinksYieldsEveryPublicLocationOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        URI next = server.uri("/ocpi/2.2.1/locations");
        int pages = 0;
        while (next != null) {
            HttpResponse<String> r = send("GET", next, PARTNER.authorizationHeader());
            assertEquals("4", r.headers().firstValue("X-Total-Count").orElseThrow(), "3 modules + 1 private point");
            assertEquals("2", r.headers().firstValue("X-Limit").orElseThrow());
            for (JsonElement l : ok(r).getAsJsonArray()) {
                assertEquals(List.of(), OcpiSchemas.locations("Location", l.toString()));
                ids.add(l.getAsJsonObject().get("id").getAsString());
            }
            next = next(r);
            pages++;
        }
        assertEquals(2, pages);
        List<String> expected = registry.all().stream().filter(Location::located).map(Location::id).toList();
        assertEquals(expected, ids, "every located point, in a stable order, once");
    }

    @Test
    void aLimitAboveTheMaximumIsLoweredAndAnOffsetPastTheEndIsAnEmptyLastPage() throws Exception {
        HttpResponse<String> r = get("/ocpi/2.2.1/locations?limit=1000");
        assertEquals("2", r.headers().firstValue("X-Limit").orElseThrow());
        assertEquals(2, ok(r).getAsJsonArray().size());
        HttpResponse<String> one = get("/ocpi/2.2.1/locations?offset=3&limit=1");
        assertEquals(1, ok(one).getAsJsonArray().size());
        assertTrue(one.headers().firstValue("Link").isEmpty(), "the last page has no next");
        HttpResponse<String> past = get("/ocpi/2.2.1/locations?offset=50");
        assertEquals(0, ok(past).getAsJsonArray().size());
        assertEquals("4", past.headers().firstValue("X-Total-Count").orElseThrow());
        assertTrue(past.headers().firstValue("Link").isEmpty());
    }

    @Test
    void dateFromIsInclusiveDateToExclusiveAndTheNextLinkKeepsThem() throws Exception {
        // module 2's newest part is its socket 1 at T0+2500; module 3's at T0+3500; the private point T0+10000
        String from = java.time.format.DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(T0 + 2500));
        String to = java.time.format.DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(T0 + 10_000));
        HttpResponse<String> r = get("/ocpi/2.2.1/locations?limit=1&date_from=" + from + "&date_to=" + to);
        assertEquals("2", r.headers().firstValue("X-Total-Count").orElseThrow());
        URI next = next(r);
        assertNotNull(next);
        assertTrue(next.getQuery().contains("date_from=" + from) && next.getQuery().contains("date_to=" + to), next.toString());
        List<String> names = new ArrayList<>();
        names.add(ok(r).getAsJsonArray().get(0).getAsJsonObject().get("name").getAsString());
        HttpResponse<String> second = send("GET", next, PARTNER.authorizationHeader());
        names.add(ok(second).getAsJsonArray().get(0).getAsJsonObject().get("name").getAsString());
        assertNull(next(second));
        assertEquals(Set.of("Punto 2", "Punto 3"), Set.copyOf(names));
        // OCPI's DateTime without "Z" is UTC too
        assertEquals("2", get("/ocpi/2.2.1/locations?date_from=" + from.replace("Z", "") + "&date_to=" + to)
                .headers().firstValue("X-Total-Count").orElseThrow());
    }

    @Test
    void aModuleGoingOfflineIsAnUpdateForPartnersWhoPageByDate() throws Exception {
        long offlineAt = T0 + 60_000;
        registry.moduleOffline("milano", "mod-1", offlineAt);
        String from = java.time.format.DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(offlineAt));
        JsonArray changed = ok(get("/ocpi/2.2.1/locations?date_from=" + from)).getAsJsonArray();
        assertEquals(1, changed.size());
        JsonObject l = changed.get(0).getAsJsonObject();
        assertEquals("Punto 1", l.get("name").getAsString());
        for (JsonElement e : l.getAsJsonArray("evses"))
            assertEquals("UNKNOWN", e.getAsJsonObject().get("status").getAsString());
    }

    // --- objects ----------------------------------------------------------------------------------------------

    @Test
    void aLocationItsEvseAndItsConnectorCanBeFetchedOneByOne() throws Exception {
        Location mod2 = registry.locationOfModule("milano", "mod-2").orElseThrow();
        JsonObject l = ok(get("/ocpi/2.2.1/locations/" + mod2.id())).getAsJsonObject();
        assertEquals(List.of(), OcpiSchemas.locations("Location", l.toString()));
        String uid = EvseMapper.uid(mod2.id(), 1);
        assertEquals(uid, l.getAsJsonArray("evses").get(0).getAsJsonObject().get("uid").getAsString());

        JsonElement evse = ok(get("/ocpi/2.2.1/locations/" + mod2.id() + "/" + uid));
        assertEquals(List.of(), OcpiSchemas.locations("EVSE", evse.toString()));
        assertEquals("AVAILABLE", evse.getAsJsonObject().get("status").getAsString());
        JsonElement connector = ok(get("/ocpi/2.2.1/locations/" + mod2.id() + "/" + uid.toUpperCase() + "/1"));
        assertEquals(List.of(), OcpiSchemas.locations("Connector", connector.toString()));
        assertEquals("DOMESTIC_F", connector.getAsJsonObject().get("standard").getAsString());
    }

    @Test
    void unknownObjectsAre404WithOcpiStatus2003() throws Exception {
        Location mod2 = registry.locationOfModule("milano", "mod-2").orElseThrow();
        Location unplaced = registry.locationOfModule("milano", "mod-unplaced").orElseThrow();
        for (String path : List.of("/ocpi/2.2.1/locations/nope", "/ocpi/2.2.1/locations/" + unplaced.id(),
                "/ocpi/2.2.1/locations/" + mod2.id() + "/nope", "/ocpi/2.2.1/locations/" + mod2.id() + "/"
                        + EvseMapper.uid(mod2.id(), 1) + "/9")) {
            HttpResponse<String> r = get(path);
            assertEquals(404, r.statusCode(), path);
            assertEquals(2003, envelope(r).get("status_code").getAsInt(), path);
        }
        HttpResponse<String> r = get("/ocpi/2.2.1/cdrs");
        assertEquals(404, r.statusCode());
        assertEquals(2000, envelope(r).get("status_code").getAsInt());
    }

    @Test
    void aPrivateProvidersNameAndAddressAreNotInAnyAnswer() throws Exception {
        String all = get("/ocpi/2.2.1/locations?limit=100&offset=0").body() + get("/ocpi/2.2.1/locations/home-1").body();
        assertTrue(all.contains("Punto privato / Private point"), all);
        for (String leak : List.of("Mario", "Rossi", "Via Privata", "SN-1", "mod-1"))
            assertTrue(!all.contains(leak), leak + " leaked: " + all);
    }

    // --- bad requests -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"offset=-1", "offset=abc", "limit=0", "limit=1e3", "limit=99999999999", "near=45,9",
            "offset=1&offset=2", "date_from=yesterday", "date_from=2025-10-09T08:53:20%2B01:00",
            "date_from=2025-13-01T00:00:00Z", "date_from=2025-10-10T00:00:00Z&date_to=2025-10-09T00:00:00Z",
            "date_to=2025-10-09T08:53:20.1234567Z"})
    void badParametersGetAnOcpiErrorAndChangeNothing(String query) throws Exception {
        List<Location> before = registry.all();
        HttpResponse<String> r = get("/ocpi/2.2.1/locations?" + query);
        assertEquals(400, r.statusCode(), query);
        JsonObject e = envelope(r);
        assertEquals(2001, e.get("status_code").getAsInt());
        assertTrue(e.get("status_message").getAsString().contains("/"), "Italian / English");
        assertNull(e.get("data"));
        assertEquals(before, registry.all());
    }

    @Test
    void idsOcpiCannotCarryAndParametersOnObjectsAreRefused() throws Exception {
        for (String path : List.of("/ocpi/2.2.1/locations/" + "x".repeat(37), "/ocpi/2.2.1/locations/a%C3%A8",
                "/ocpi/2.2.1/locations/a/b/c/d", "/ocpi/versions?x=1")) {
            HttpResponse<String> r = get(path);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " " + r.statusCode());
            assertTrue(envelope(r).get("status_code").getAsInt() >= 2000, path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void theReceiverInterfaceIsNotOfferedAndNothingChanges(String method) throws Exception {
        List<Location> before = registry.all();
        String path = "/ocpi/2.2.1/locations/IT/MSG/" + before.get(0).id();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization",
                        PARTNER.authorizationHeader()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{\"status\":\"REMOVED\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
        assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElseThrow());
        assertEquals(2000, envelope(r).get("status_code").getAsInt());
        assertEquals(before, registry.all());
    }

    // --- authentication ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "Token", "Token ", "Bearer abc", "Basic dXNlcjpwYXNz", "Token !!!not-base64!!!",
            "Token a b", "RAW", "REVOKED", "WRONG"})
    void withoutAValidPartnerTokenEveryEndpointAnswers401With2001(String kind) throws Exception {
        String header = switch (kind) {
            case "RAW" -> "Token " + PARTNER.token(); // the token itself, not its Base64 (OCPI 2.1.1 style)
            case "REVOKED" -> REVOKED.authorizationHeader();
            case "WRONG" -> "Token " + Base64.getEncoder().encodeToString(
                    (PARTNER.token().substring(1) + "x").getBytes(StandardCharsets.US_ASCII));
            default -> kind;
        };
        for (String path : List.of("/ocpi/versions", "/ocpi/2.2.1", "/ocpi/2.2.1/locations",
                "/ocpi/2.2.1/locations/home-1", "/ocpi/nowhere")) {
            HttpResponse<String> r = send("GET", server.uri(path), header.isEmpty() ? null : header);
            assertEquals(401, r.statusCode(), path + " with " + kind);
            assertEquals("Token", r.headers().firstValue("WWW-Authenticate").orElseThrow());
            JsonObject e = envelope(r);
            assertEquals(2001, e.get("status_code").getAsInt());
            assertNull(e.get("data"), "nothing of the registry");
        }
        HttpResponse<String> post = send("POST", server.uri("/ocpi/2.2.1/locations"), header.isEmpty() ? null : header);
        assertEquals(401, post.statusCode(), "refused before anything else");
    }

    @Test
    void theTokenSchemeIsCaseInsensitiveAsHttpSays() throws Exception {
        HttpResponse<String> r = send("GET", server.uri("/ocpi/versions"),
                PARTNER.authorizationHeader().replace("Token", "token"));
        assertEquals(200, r.statusCode());
    }

    @Test
    void aMisconfiguredPartyServesNothing() throws Exception {
        serve(Settings.of("msg!", "", "", new String[] {PARTNER.partnerToken().format()}, "", 100, new ArrayList<>()));
        HttpResponse<String> r = get("/ocpi/2.2.1/locations");
        assertEquals(503, r.statusCode());
        assertEquals(3000, envelope(r).get("status_code").getAsInt());
        assertEquals(401, send("GET", server.uri("/ocpi/2.2.1/locations"), null).statusCode());
    }

    // --- headers ----------------------------------------------------------------------------------------------

    @Test
    void requestIdsAndRoutingHeadersAreAnswered() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri("/ocpi/2.2.1/locations"))
                .header("Authorization", PARTNER.authorizationHeader()).header("X-Request-ID", "req-1")
                .header("X-Correlation-ID", "corr-1").header("OCPI-from-country-code", "NL")
                .header("OCPI-from-party-id", "TNM").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("req-1", r.headers().firstValue("X-Request-ID").orElseThrow());
        assertEquals("corr-1", r.headers().firstValue("X-Correlation-ID").orElseThrow());
        assertEquals("NL", r.headers().firstValue("OCPI-to-country-code").orElseThrow());
        assertEquals("TNM", r.headers().firstValue("OCPI-to-party-id").orElseThrow());
        assertEquals("IT", r.headers().firstValue("OCPI-from-country-code").orElseThrow());
        assertEquals("MSG", r.headers().firstValue("OCPI-from-party-id").orElseThrow());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    }

    // --- plumbing ---------------------------------------------------------------------------------------------

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", server.uri(path), PARTNER.authorizationHeader());
    }

    private HttpResponse<String> send(String method, URI uri, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) b.header("Authorization", authorization);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The envelope, checked against the schema. */
    private static JsonObject envelope(HttpResponse<String> r) {
        assertEquals(List.of(), OcpiSchemas.transport("Envelope", r.body()), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** The data of a successful answer. */
    private static JsonElement ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        JsonObject e = envelope(r);
        assertEquals(1000, e.get("status_code").getAsInt());
        return e.get("data");
    }

    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private static URI next(HttpResponse<String> r) {
        return r.headers().firstValue("Link").map(l -> {
            Matcher m = LINK.matcher(l);
            assertTrue(m.matches(), l);
            return URI.create(m.group(1));
        }).orElse(null);
    }
}
