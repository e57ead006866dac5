package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.microsmartgrid.city.people.Client.json;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.people.account.Role;

/**
 * A provider's reputation over every point it offers (docs/people.md): one Bayesian prior for the whole provider,
 * shown on each of its points without saying who the provider is.
 */
class ProviderReputationTest {

    static TestCity city;
    static Client moderator;

    @BeforeAll
    static void start() throws Exception {
        city = new TestCity();
        moderator = city.person("mod@example.org", Role.MODERATOR);
    }

    @AfterAll
    static void stop() throws Exception {
        city.close();
    }

    private static String approvedListing(Client provider, JsonObject listing) throws Exception {
        String id = provider.post("/api/v1/listings", listing.toString()).json().get("id").getAsString();
        assertEquals(200, moderator.post("/api/v1/moderation/listings/" + id + "/approve", null).status());
        return id;
    }

    /** A driver whose reviews are published at once (an account older than a week with published reviews). */
    private static void rate(String email, String point, int rating, String outcome) throws Exception {
        Client d = city.person(email);
        city.db.update("UPDATE account SET created = created - 8 * 86400000 WHERE id = ?", d.accountId);
        d.post("/api/v1/points/" + point + "/checkins", outcome.equals("CHARGED") ? json("outcome", "CHARGED")
                : json("outcome", "FAILED", "reason", "BROKEN"));
        String id = d.post("/api/v1/points/" + point + "/reviews", json("rating", rating)).json().get("id").getAsString();
        moderator.post("/api/v1/moderation/reviews/" + id + "/publish", null);
    }

    @Test
    void ratingsOfEveryPointOfTheProviderCountTogetherAndNoOneLearnsWhoItIs() throws Exception {
        Client provider = city.person("bnb@example.org");
        provider.post("/api/v1/account/provider", null);
        String courtyard = approvedListing(provider, Listings.courtyard());
        String bar = approvedListing(provider, Listings.bar());
        Client anyone = city.client();

        JsonObject fresh = anyone.get("/api/v1/points/" + courtyard + "/provider-reputation").json();
        assertEquals(2, fresh.get("points").getAsInt());
        assertEquals(0, fresh.get("ratings").getAsInt());
        assertEquals(3.0, fresh.get("score").getAsDouble(), 1e-9, "no rating: the prior");

        rate("r1@example.org", courtyard, 5, "CHARGED");
        rate("r2@example.org", bar, 5, "CHARGED");
        rate("r3@example.org", bar, 1, "FAILED");

        JsonObject viaCourtyard = anyone.get("/api/v1/points/" + courtyard + "/provider-reputation").json();
        JsonObject viaBar = anyone.get("/api/v1/points/" + bar + "/provider-reputation").json();
        assertEquals(3, viaCourtyard.get("ratings").getAsInt(), "the bar's ratings count for the courtyard's provider");
        assertEquals((5 * 3.0 + 5 + 5 + 1) / 8, viaCourtyard.get("score").getAsDouble(), 0.005);
        assertEquals(viaCourtyard.get("score"), viaBar.get("score"), "one provider, one reputation");
        assertEquals((2 + 1.0) / (3 + 2), viaBar.get("reliability").getAsDouble(), 0.001);
        assertEquals(1, anyone.get("/api/v1/points/" + courtyard + "/reputation").json().get("ratings").getAsInt(),
                "the point's own reputation stays its own");
        String shown = viaBar.toString();
        assertFalse(shown.contains(provider.accountId) || shown.contains("bnb@"), "never who the provider is: " + shown);

        JsonObject mine = provider.get("/api/v1/account/reputation").json();
        assertEquals(viaBar.get("score"), mine.get("score"));
        assertNull(mine.get("point_id"));
    }

    @Test
    void aPointWithoutAProviderOnRecordIsNotFoundAndAStrangerHasOnlyThePrior() throws Exception {
        assertEquals(404, city.client().get("/api/v1/points/nobody-s-point/provider-reputation").status());
        JsonObject none = city.person("nobody@example.org").get("/api/v1/account/reputation").json();
        assertEquals(0, none.get("points").getAsInt());
        assertEquals(3.0, none.get("score").getAsDouble(), 1e-9);
        assertEquals(401, city.client().get("/api/v1/account/reputation").status());
    }
}
