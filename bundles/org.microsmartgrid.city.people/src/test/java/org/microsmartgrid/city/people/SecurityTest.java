package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.people.Client.json;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.VehicleClass;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** What a hostile user tries (HOSTILE-CHECKLIST.md, HTTP APIs): each ends in a clear error and changes nothing. */
class SecurityTest {

    static TestCity city;
    static final String POINT = "sec-point-1";

    @BeforeAll
    static void start() throws Exception {
        city = new TestCity();
        city.registry.putUnmonitored(new Location(POINT, "Biblioteca", "Via Senato 10", "Milano", 45.47, 9.197,
                OperatorType.PUBLIC_BODY, false, java.util.Set.of(VehicleClass.EBIKE), java.util.Set.of(), null, true,
                null, 1L, null, List.of(new Evse(1, EvseStatus.UNKNOWN, 1L, null, List.of(Connector.schuko())))));
    }

    @AfterAll
    static void stop() throws Exception {
        city.close();
    }

    @Test
    void csrfAnUnsafeRequestWithTheCookieButWithoutTheTokenChangesNothing() throws Exception {
        Client page = city.client();
        page.signUpAndVerify("csrf@example.org", "correct horse battery", "Vittima");
        assertEquals(200, page.loginCookie("csrf@example.org", "correct horse battery").status());
        String token = page.csrf;

        page.csrf = null; // what a forged cross-site request carries: the cookie (were SameSite ignored), no token
        var r = page.post("/api/v1/account/provider", null);
        assertEquals(403, r.status());
        assertTrue(r.json().get("detail").getAsString().contains("CSRF"));
        page.csrf = "x".repeat(43);
        assertEquals(403, page.post("/api/v1/account/provider", null).status(), "a wrong token");
        page.csrf = token;
        page.origin = "https://evil.example";
        assertEquals(403, page.post("/api/v1/account/provider", null).status(), "another site's Origin, even with the token");
        page.origin = null;
        assertEquals("[\"CITIZEN\"]", page.get("/api/v1/account/me").json().get("roles").toString(), "nothing changed");
        assertEquals(200, page.post("/api/v1/account/provider", null).status(), "the page itself, with its token");

        var form = page.send("POST", "/api/v1/account/provider", "a=b", "application/x-www-form-urlencoded");
        assertEquals(415, form.status(), "an HTML form cannot post to the API");
    }

    @Test
    void sessionFixationAPlantedSessionIdIsNeverAccepted() throws Exception {
        Client attacker = city.client();
        attacker.signUpAndVerify("fix-att@example.org", "correct horse battery", "Attaccante");
        attacker.loginCookie("fix-att@example.org", "correct horse battery");
        String planted = attacker.cookie;

        Client victim = city.client();
        victim.signUpAndVerify("fix-vic@example.org", "correct horse battery", "Vittima");
        victim.cookie = planted; // the attacker's session id, planted in the victim's browser
        assertEquals(200, victim.loginCookie("fix-vic@example.org", "correct horse battery").status());
        assertNotEquals(planted, victim.cookie, "login issues a new session id");
        assertEquals("fix-vic@example.org", victim.get("/api/v1/account/me").json().get("email").getAsString());
        assertEquals(401, attacker.get("/api/v1/account/me").status(), "the planted id is void, not upgraded");

        Client guess = city.client();
        guess.cookie = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertEquals(401, guess.get("/api/v1/account/me").status(), "an id the server did not issue is nobody");
    }

    @Test
    void bruteForceIsThrottledAndTheOwnerOfAnotherAccountStillGetsIn() throws Exception {
        Client owner = city.client();
        owner.signUpAndVerify("brute@example.org", "correct horse battery", "Bersaglio");
        Client other = city.client();
        other.signUpAndVerify("neighbour@example.org", "correct horse battery", "Vicino");
        Client attacker = city.client();
        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            int s = attacker.loginCookie("brute@example.org", "guess number " + i).status();
            assertTrue(s == 401 || s == 429, "every attempt answered: " + s);
            if (s == 429) throttled++;
        }
        assertTrue(throttled >= 3, "locked after 5 failures");
        var r = attacker.loginCookie("brute@example.org", "correct horse battery");
        assertEquals(429, r.status(), "while locked even the right password is not checked");
        long retryAfter = Long.parseLong(r.raw().headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "Retry-After says when the 30 s lock ends: " + retryAfter);
        assertEquals(200, other.loginCookie("neighbour@example.org", "correct horse battery").status(),
                "another person behind the same address is not locked out");
    }

    @Test
    void anotherUsersListingAndReviewCannotBeReadChangedOrModerated() throws Exception {
        Client owner = city.person("own@example.org", Role.PROVIDER);
        Client other = city.person("oth@example.org", Role.PROVIDER);
        var created = owner.post("/api/v1/listings", Listings.courtyard().toString()).json();
        String id = created.get("id").getAsString();
        assertEquals(404, other.get("/api/v1/listings/" + id).status());
        var changed = Listings.courtyard();
        changed.addProperty("name", "Rubato");
        assertEquals(404, other.put("/api/v1/listings/" + id, changed.toString()).status());
        assertEquals(404, other.delete("/api/v1/listings/" + id, null).status());
        assertEquals(403, other.post("/api/v1/moderation/listings/" + id + "/approve", null).status());
        assertFalse(other.get("/api/v1/listings").text().contains(id));
        var mine = owner.get("/api/v1/listings/" + id).json();
        assertEquals("Cortile di via Larga", mine.get("name").getAsString());
        assertEquals("PENDING", mine.get("status").getAsString());

        owner.post("/api/v1/points/" + POINT + "/checkins", json("outcome", "CHARGED"));
        String review = owner.post("/api/v1/points/" + POINT + "/reviews", json("rating", 5, "comment", "Ottimo"))
                .json().get("id").getAsString();
        assertEquals(403, other.post("/api/v1/moderation/reviews/" + review + "/publish", null).status());
        assertEquals(403, owner.post("/api/v1/moderation/reviews/" + review + "/publish", null).status());
        Client mod = city.person("selfmod@example.org", Role.MODERATOR);
        assertEquals(200, mod.post("/api/v1/moderation/reviews/" + review + "/publish", null).status());
        assertEquals(403, owner.post("/api/v1/reviews/" + review + "/reports", json("reason", "la mia / mine")).status(),
                "one does not report one's own review");
    }

    @Test
    void markupAndScriptInEveryTextFieldAreStoredAndReturnedAsText() throws Exception {
        String evil = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quoted\" ' è";
        Client p = city.client();
        p.signUpAndVerify("markup@example.org", "correct horse battery", "<b>" + evil.substring(0, 40));
        p.loginBearer("markup@example.org", "correct horse battery");
        p.post("/api/v1/account/provider", null);
        JsonObject body = Listings.courtyard();
        for (String f : new String[] {"name", "address", "city", "opening_hours", "description"})
            body.addProperty(f, f.equals("city") ? "<i>Mi</i>" : (evil + " " + f).substring(0, Math.min(evil.length() + f.length() + 1, 80)));
        var r = p.post("/api/v1/listings", body.toString());
        assertEquals(201, r.status(), r.text());
        assertTrue(r.type().startsWith("application/json"));
        assertEquals("nosniff", r.raw().headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(r.raw().headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        assertFalse(r.text().contains("<script>"), "no raw markup in the bytes: JSON escapes < and >");
        JsonObject back = p.get("/api/v1/listings/" + r.json().get("id").getAsString()).json();
        for (String f : new String[] {"name", "address", "city", "opening_hours", "description"})
            assertEquals(body.get(f).getAsString(), back.get(f).getAsString(), f + " comes back exactly as written");
        assertEquals("<b>" + evil.substring(0, 40), p.get("/api/v1/account/me").json().get("display_name").getAsString());

        p.post("/api/v1/points/" + POINT + "/checkins", json("outcome", "FAILED", "reason", "OTHER", "comment", evil));
        var rev = p.post("/api/v1/points/" + POINT + "/reviews", json("rating", 2, "comment", evil));
        assertEquals(evil, rev.json().get("comment").getAsString());
        var fault = p.post("/api/v1/points/" + POINT + "/faults", json("kind", "OTHER", "description", evil));
        assertEquals(evil, fault.json().get("description").getAsString());
        var data = p.get("/api/v1/account/data").json();
        assertEquals(evil, data.getAsJsonArray("checkins").get(0).getAsJsonObject().get("comment").getAsString());
    }

    @Test
    void malformedJsonWrongTypesAndUnknownFieldsAre400AndChangeNothing() throws Exception {
        Client p = city.person("json@example.org", Role.PROVIDER);
        long before = city.db.count("SELECT COUNT(*) FROM listing");
        for (String bad : new String[] {"{", "[]", "\"x\"", "null", "{\"name\": }", "{} {}", "{'name': 'x'}",
                "{\"name\": \"x\", }", "[".repeat(5000) + "]".repeat(5000), "{\"name\": NaN}"}) {
            var r = p.post("/api/v1/listings", bad);
            assertEquals(400, r.status(), bad.length() > 30 ? bad.substring(0, 30) : bad);
            assertTrue(r.type().startsWith("application/problem+json"));
        }
        var r = p.send("POST", "/api/v1/listings", new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}, "application/json");
        assertEquals(400, r.status(), "not UTF-8");
        r = p.post("/api/v1/account/signup", json("email", "x@example.org", "password", 1234567890123L, "display_name", "Xx"));
        assertEquals(400, r.status(), "a number where a string belongs");
        r = p.post("/api/v1/account/signup", json("email", "x@example.org", "password", "correct horse battery",
                "display_name", "Xx", "roles", "OPERATOR"));
        assertEquals(400, r.status(), "an unknown field (mass assignment) is refused");
        assertEquals(before, city.db.count("SELECT COUNT(*) FROM listing"));
        assertTrue(city.people.accounts().byEmail("x@example.org").isEmpty());
    }

    @Test
    void oversizedBodiesAreRefusedBeforeReading() throws Exception {
        Client p = city.person("big@example.org", Role.PROVIDER);
        JsonObject body = Listings.courtyard();
        body.addProperty("description", "x".repeat(70 * 1024));
        var r = p.post("/api/v1/listings", body.toString());
        assertEquals(413, r.status());
        body.addProperty("description", "x".repeat(1001));
        assertEquals(400, p.post("/api/v1/listings", body.toString()).status(), "under the body limit, over the field's");
        byte[] tenMegabytes = ("{\"description\": \"" + "y".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(413, p.send("POST", "/api/v1/listings", tenMegabytes, "application/json").status());
        assertEquals(0, city.db.count("SELECT COUNT(*) FROM listing WHERE owner_id = ?", p.accountId));
    }

    @Test
    void unknownPathsAndMethodsGetProblems() throws Exception {
        Client anon = city.client();
        var r = anon.get("/api/v1/account/nothing-here");
        assertEquals(404, r.status());
        assertTrue(r.type().startsWith("application/problem+json"));
        r = anon.send("PATCH", "/api/v1/account/login", "{}", "application/json");
        assertEquals(405, r.status());
        assertEquals("POST", r.raw().headers().firstValue("Allow").orElse(""));
        assertEquals(401, anon.get("/api/v1/account/me").status());
        JsonObject problem = JsonParser.parseString(anon.get("/api/v1/listings").text()).getAsJsonObject();
        for (String k : List.of("type", "title", "status", "detail", "instance")) assertTrue(problem.has(k), k);
        Client p = city.person("paths@example.org", Role.PROVIDER);
        for (String path : List.of("/api/v1/listings/..%2f..%2faccount%2fdata", "/api/v1/listings/%2e%2e",
                "/api/v1/listings/a;b", "/api/v1/listings/" + "x".repeat(37), "/api/v1/listings/a%00b")) {
            int s = p.get(path).status();
            assertTrue(s == 400 || s == 404, path + " → " + s);
        }
        var longHeader = p.send("GET", "/api/v1/account/me", (byte[]) null, "application/json");
        assertEquals(200, longHeader.status());
    }

    @Test
    void oneAddressCannotFloodStrangersWithMail() throws Exception {
        try (TestCity small = new TestCity(3)) {
            Client c = small.client();
            for (int i = 0; i < 3; i++)
                assertEquals(202, c.post("/api/v1/account/password-reset", json("email", "flood" + i + "@example.org")).status());
            var r = c.post("/api/v1/account/signup", json("email", "flood@example.org", "password", "correct horse battery",
                    "display_name", "Flood"));
            assertEquals(429, r.status());
            assertTrue(small.people.accounts().byEmail("flood@example.org").isEmpty());
            assertEquals(0, small.mail.getReceivedMessages().length);
        }
    }

    @Test
    void aHundredSimultaneousGuessesGetAtMostFivePasswordChecks() throws Exception {
        Client owner = city.client();
        owner.signUpAndVerify("parallel@example.org", "correct horse battery", "Parallela");
        var http = java.net.http.HttpClient.newHttpClient();
        List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++)
            all.add(http.sendAsync(java.net.http.HttpRequest.newBuilder(city.uri("/api/v1/account/login"))
                    .timeout(java.time.Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json("email", "parallel@example.org",
                            "password", "guess " + i))).build(), java.net.http.HttpResponse.BodyHandlers.ofString()));
        int checked = 0;
        int throttled = 0;
        for (var f : all) {
            int s = f.get().statusCode();
            assertTrue(s == 401 || s == 429, "every request answered: " + s);
            if (s == 401) checked++;
            else throttled++;
        }
        assertTrue(checked <= 5, checked + " passwords checked");
        assertEquals(100, checked + throttled);
        assertEquals(429, city.client().loginCookie("parallel@example.org", "correct horse battery").status());
    }
}
