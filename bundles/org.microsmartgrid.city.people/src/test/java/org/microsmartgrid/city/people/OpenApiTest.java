package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.people.Client.json;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.people.web.Route;
import org.microsmartgrid.city.registry.ModuleBirth;

import com.google.gson.JsonObject;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/**
 * Every route the people servlet serves is in the city's OpenAPI document, with the security and the problem answers
 * it really has; and a whole participatory flow (sign-up to claim, with bad input on the way) goes through the real
 * servlet with every request and answer validated against the document.
 */
class OpenApiTest {

    static final Set<String> PEOPLE_TAGS = Set.of("accounts", "listings", "moderation", "drivers", "promotions",
            "rewards", "claims", "admin");
    static TestCity city;
    static OpenApiDocument doc;

    @BeforeAll
    static void start() throws Exception {
        city = new TestCity();
        doc = new OpenApiDocument();
    }

    @AfterAll
    static void stop() throws Exception {
        city.close();
    }

    @Test
    void everyRouteTheServletServesIsDocumentedWithItsSecurityAndProblems() {
        TreeSet<String> served = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (Route r : city.people.servlet().routes()) {
            served.add(r.method() + " " + r.path());
            PathItem item = doc.model.getPaths().get(r.path());
            Operation op = item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(r.method()));
            if (op == null) {
                wrong.add(r.method() + " " + r.path() + ": not in openapi.yaml");
                continue;
            }
            List<SecurityRequirement> security = op.getSecurity() == null ? List.of() : op.getSecurity();
            boolean anonymousToo = security.isEmpty() || security.stream().anyMatch(Map::isEmpty);
            if (anonymousToo != r.isPublic())
                wrong.add(r.method() + " " + r.path() + ": security says anonymous " + anonymousToo + ", the server " + r.isPublic());
            boolean unsafe = !r.method().equals("GET");
            for (SecurityRequirement s : security)
                if (s.containsKey("session") && unsafe != s.containsKey("csrf"))
                    wrong.add(r.method() + " " + r.path() + ": a cookie session " + (unsafe ? "needs" : "needs no") + " X-CSRF-Token");
            Map<String, ApiResponse> answers = op.getResponses();
            if (!r.isPublic() && !answers.containsKey("401")) wrong.add(r.method() + " " + r.path() + ": no 401");
            if (r.roles() != null && !r.roles().isEmpty() && !answers.containsKey("403"))
                wrong.add(r.method() + " " + r.path() + ": no 403 for the role");
            if (unsafe && !r.isPublic() && !answers.containsKey("403"))
                wrong.add(r.method() + " " + r.path() + ": no 403 for CSRF");
            if (r.path().contains("{") && !answers.containsKey("404"))
                wrong.add(r.method() + " " + r.path() + ": no 404");
            answers.forEach((status, answer) -> {
                ApiResponse a = answer.get$ref() == null ? answer : doc.model.getComponents().getResponses()
                        .get(answer.get$ref().substring(answer.get$ref().lastIndexOf('/') + 1));
                if (status.compareTo("400") >= 0 && (a == null || a.getContent() == null || a.getContent().get("application/problem+json") == null))
                    wrong.add(r.method() + " " + r.path() + " " + status + ": not a problem");
            });
        }
        assertEquals(List.of(), wrong);
        // and the document promises nothing people does not serve
        TreeSet<String> documented = new TreeSet<>();
        doc.model.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((m, op) -> {
            if (op.getTags() != null && op.getTags().stream().anyMatch(PEOPLE_TAGS::contains)) documented.add(m + " " + path);
        }));
        TreeSet<String> phantom = new TreeSet<>(documented);
        phantom.removeAll(served);
        assertEquals(Set.of(), phantom, "documented with a people tag but not served");
        TreeSet<String> untagged = new TreeSet<>(served);
        untagged.removeAll(documented);
        assertEquals(Set.of(), untagged, "served but without a people tag");
    }

    @Test
    void aParticipatoryFlowIsAsTheDocumentSays() throws Exception {
        // sign-up, confirmation and a cookie login, as the map page does it
        Client page = city.client();
        String signUp = json("email", "oa-provider@example.org", "password", "correct horse battery", "display_name", "Cortile");
        doc.ok(page.post("/api/v1/account/signup", signUp), signUp);
        String verify = json("token", city.lastCode("oa-provider@example.org"));
        doc.ok(page.post("/api/v1/account/verify", verify), verify);
        String login = json("email", "oa-provider@example.org", "password", "correct horse battery");
        doc.ok(page.loginCookie("oa-provider@example.org", "correct horse battery"), login);
        assertTrue(doc.ok(page.get("/api/v1/account/me"), (byte[]) null).json().has("csrf_token"));
        doc.ok(page.send("POST", "/api/v1/account/provider", (byte[]) null, null), (byte[]) null);

        // a listing, moderated
        String courtyard = Listings.courtyard().toString();
        String id = doc.ok(page.post("/api/v1/listings", courtyard), courtyard).json().get("id").getAsString();
        doc.ok(page.get("/api/v1/listings"), (byte[]) null);
        Client moderator = city.person("oa-moderator@example.org", Role.MODERATOR);
        assertEquals(1, doc.ok(moderator.get("/api/v1/moderation/queue"), (byte[]) null).json().getAsJsonArray("listings").size());
        doc.ok(moderator.send("POST", "/api/v1/moderation/listings/" + id + "/approve", (byte[]) null, null), (byte[]) null);
        assertEquals("APPROVED", doc.ok(page.get("/api/v1/listings/" + id), (byte[]) null).json().get("status").getAsString());

        // a photo, approved, public
        byte[] png = png();
        String photo = doc.ok(page.send("POST", "/api/v1/listings/" + id + "/photos", png, "image/png"), png)
                .json().get("id").getAsString();
        doc.ok(moderator.send("POST", "/api/v1/moderation/photos/" + photo + "/approve", (byte[]) null, null), (byte[]) null);
        Client anyone = city.client();
        doc.ok(anyone.get("/api/v1/points/" + id + "/photos"), (byte[]) null);
        assertEquals("image/jpeg", doc.ok(anyone.get("/api/v1/photos/" + photo), (byte[]) null).type());

        // a driver: check-in, review (held: a new account), fault; the provider confirms it
        Client driver = city.person("oa-driver@example.org");
        String checkIn = json("outcome", "FAILED", "reason", "OCCUPIED", "comment", "<b>occupato</b>");
        doc.ok(driver.post("/api/v1/points/" + id + "/checkins", checkIn), checkIn);
        String review = json("rating", 4, "comment", "Gentili / kind");
        String reviewId = doc.ok(driver.post("/api/v1/points/" + id + "/reviews", review), review).json().get("id").getAsString();
        String publish = json("reason", "ok");
        doc.ok(moderator.post("/api/v1/moderation/reviews/" + reviewId + "/publish", publish), publish);
        doc.ok(anyone.get("/api/v1/points/" + id + "/reviews"), (byte[]) null);
        doc.ok(anyone.get("/api/v1/points/" + id + "/reputation"), (byte[]) null);
        doc.ok(anyone.get("/api/v1/points/" + id + "/provider-reputation"), (byte[]) null);
        doc.ok(page.get("/api/v1/account/reputation"), (byte[]) null);
        String report = json("reason", "offensive?");
        doc.ok(moderator.post("/api/v1/reviews/" + reviewId + "/reports", report), report);
        String fault = json("kind", "NO_POWER");
        String faultId = doc.ok(driver.post("/api/v1/points/" + id + "/faults", fault), fault).json().get("id").getAsString();
        doc.ok(page.get("/api/v1/listings/" + id + "/faults"), (byte[]) null);
        doc.ok(page.send("POST", "/api/v1/faults/" + faultId + "/confirm", (byte[]) null, null), (byte[]) null);
        doc.ok(driver.send("PUT", "/api/v1/account/favourites/" + id, (byte[]) null, null), (byte[]) null);
        doc.ok(driver.get("/api/v1/account/favourites"), (byte[]) null);
        doc.ok(driver.get("/api/v1/account/points"), (byte[]) null);
        String hood = json("neighbourhood", "Brera");
        doc.ok(driver.put("/api/v1/account/leaderboard", hood), hood);
        doc.ok(anyone.get("/api/v1/leaderboard?neighbourhood=Brera"), (byte[]) null);

        // a business's promotion paid with points, redeemed at its counter
        Client business = city.person("oa-business@example.org", Role.BUSINESS);
        String bar = Listings.bar().toString();
        String barId = business.post("/api/v1/listings", bar).json().get("id").getAsString();
        moderator.post("/api/v1/moderation/listings/" + barId + "/approve", null);
        String promotion = json("text", "-10 % sul caffè / on coffee", "valid_from", PromotionTest.at(Duration.ofMinutes(-5)),
                "valid_until", PromotionTest.at(Duration.ofDays(3)), "points_cost", 1);
        String promotionId = doc.ok(business.post("/api/v1/points/" + barId + "/promotions", promotion), promotion)
                .json().get("id").getAsString();
        doc.ok(anyone.get("/api/v1/points/" + barId + "/promotions"), (byte[]) null);
        doc.ok(business.get("/api/v1/promotions"), (byte[]) null);
        String code = doc.ok(driver.send("POST", "/api/v1/promotions/" + promotionId + "/redeem", (byte[]) null, null), (byte[]) null)
                .json().get("code").getAsString();
        String redemption = json("code", code);
        doc.ok(business.post("/api/v1/promotions/redemptions/verify", redemption), redemption);

        // a module's point claimed with the operator's code
        city.registry.moduleBirth(new ModuleBirth("milano", "msg-oa", "Biblioteca", "SN-OA", "0.1.0", 45.47, 9.18, 2,
                System.currentTimeMillis()));
        Client operator = city.person("oa-operator@example.org", Role.OPERATOR);
        String issue = json("account", "milano", "client_id", "msg-oa");
        String claimCode = doc.ok(operator.post("/api/v1/admin/modules/claim-codes", issue), issue).json().get("code").getAsString();
        String claim = json("code", claimCode);
        String point = doc.ok(page.post("/api/v1/claims", claim), claim).json().get("location_id").getAsString();
        doc.ok(page.get("/api/v1/claims"), (byte[]) null);
        doc.ok(page.get("/api/v1/claims/" + point + "/faults"), (byte[]) null);

        // staff
        doc.ok(moderator.get("/api/v1/moderation/audit?limit=10"), (byte[]) null);
        doc.ok(city.person("oa-comune@example.org", Role.MUNICIPALITY).get("/api/v1/statistics"), (byte[]) null);
        String roles = json("roles", JsonArrays.of("BUSINESS"));
        doc.ok(operator.put("/api/v1/admin/accounts/" + driver.accountId + "/roles", roles), roles);

        // personal data, then the account goes
        JsonObject data = doc.ok(page.get("/api/v1/account/data"), (byte[]) null).json();
        assertEquals(1, data.getAsJsonArray("listings").size());
        String password = json("password", "correct horse battery");
        doc.ok(page.delete("/api/v1/account", password), password);
        doc.refused(page.get("/api/v1/account/me"), (byte[]) null, 401, false);
        doc.ok(driver.send("POST", "/api/v1/account/logout", (byte[]) null, null), (byte[]) null);
    }

    @Test
    void badInputGetsTheProblemsTheDocumentLists() throws Exception {
        Client anyone = city.client();
        String shortPassword = json("email", "oa-bad@example.org", "password", "short", "display_name", "Bad");
        doc.refused(anyone.post("/api/v1/account/signup", shortPassword), shortPassword, 400, true);
        String unknownField = json("email", "oa-bad@example.org", "password", "correct horse battery",
                "display_name", "Bad", "roles", "OPERATOR");
        doc.refused(anyone.post("/api/v1/account/signup", unknownField), unknownField, 400, true);
        String wrongPassword = json("email", "nobody@example.org", "password", "not the password");
        doc.refused(anyone.post("/api/v1/account/login", wrongPassword), wrongPassword, 401, false);
        doc.refused(anyone.get("/api/v1/account/me"), (byte[]) null, 401, true);
        doc.refused(anyone.send("POST", "/api/v1/account/signup", "email=x", "application/x-www-form-urlencoded"),
                "email=x", 415, true);
        String huge = json("email", "x".repeat(70 * 1024), "password", "correct horse battery", "display_name", "Big");
        doc.refused(anyone.post("/api/v1/account/signup", huge), huge, 413, true);

        Client citizen = city.person("oa-citizen@example.org");
        String courtyard = Listings.courtyard().toString();
        doc.refused(citizen.post("/api/v1/listings", courtyard), courtyard, 403, false);
        doc.refused(citizen.get("/api/v1/listings/oa-none"), (byte[]) null, 404, false);
        doc.refused(citizen.get("/api/v1/moderation/audit?limit=0"), (byte[]) null, 403, true);
        String badRating = json("rating", 7);
        doc.refused(citizen.post("/api/v1/points/oa-none/reviews", badRating), badRating, 400, true);
        String forged = json("code", "7K3QD-7K3QD-7K3QD-7K3QD-7K3QD");
        doc.refused(city.person("oa-forger@example.org", Role.PROVIDER).post("/api/v1/claims", forged), forged, 400, false);
        String malformed = "{\"rating\": 4,";
        doc.refused(citizen.post("/api/v1/points/oa-none/reviews", malformed), malformed, 400, true);
        String wrongType = json("rating", "five");
        doc.refused(citizen.post("/api/v1/points/oa-none/reviews", wrongType), wrongType, 400, true);
        JsonObject offTheGlobe = Listings.courtyard();
        offTheGlobe.addProperty("latitude", 91);
        Client lister = city.person("oa-lister@example.org", Role.PROVIDER);
        doc.refused(lister.post("/api/v1/listings", offTheGlobe.toString()), offTheGlobe.toString(), 400, true);
        Client forger = city.client();
        forger.bearer = "forged-token-forged-token-forged-token-forged";
        doc.refused(forger.get("/api/v1/account/me"), (byte[]) null, 401, false);
        String noKind = json("description", "rotta");
        doc.refused(citizen.post("/api/v1/points/oa-none/faults", noKind), noKind, 400, true);

        // the page's cookie session without its CSRF token: refused, and the document says it is needed
        Client page = city.client();
        page.signUpAndVerify("oa-page@example.org", "correct horse battery", "Pagina");
        page.loginCookie("oa-page@example.org", "correct horse battery");
        page.csrf = null;
        doc.refused(page.send("POST", "/api/v1/account/provider", (byte[]) null, null), (byte[]) null, 403, true);
        doc.refused(anyone.get("/api/v1/leaderboard"), (byte[]) null, 400, true);
        byte[] notAnImage = "<svg onload=alert(1)>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Client provider = city.person("oa-provider2@example.org", Role.PROVIDER);
        String id = provider.post("/api/v1/listings", courtyard).json().get("id").getAsString();
        doc.refused(provider.send("POST", "/api/v1/listings/" + id + "/photos", notAnImage, "image/png"), notAnImage, 415, false);
        assertFalse(provider.get("/api/v1/listings/" + id + "/photos").text().contains("\"id\""), "nothing stored");
    }

    private static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** JSON arrays for {@link Client#json}. */
    static final class JsonArrays {
        static com.google.gson.JsonArray of(String... values) {
            com.google.gson.JsonArray a = new com.google.gson.JsonArray();
            for (String v : values) a.add(v);
            return a;
        }
    }
}
