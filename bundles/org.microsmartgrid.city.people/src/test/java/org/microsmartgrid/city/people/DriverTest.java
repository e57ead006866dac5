package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.people.Client.json;

import java.util.List;
import java.util.Set;

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

/** Drivers: check-ins, ratings (held for new accounts), reports, fault reports, favourites, reputation. */
class DriverTest {

    static TestCity city;
    static Client moderator;

    @BeforeAll
    static void start() throws Exception {
        city = new TestCity();
        for (String id : List.of("p-a", "p-b", "p-c", "p-d", "p-e"))
            city.registry.putUnmonitored(new Location(id, "Punto " + id, null, "Milano", 45.46, 9.19,
                    OperatorType.BUSINESS, false, Set.of(VehicleClass.EBIKE), Set.of(), null, true, null, 1L, null,
                    List.of(new Evse(1, EvseStatus.UNKNOWN, 1L, null, List.of(Connector.schuko())))));
        moderator = city.person("mod@example.org", Role.MODERATOR);
    }

    @AfterAll
    static void stop() throws Exception {
        city.close();
    }

    @Test
    void checkInThenRateAndANewAccountsReviewWaitsForAModerator() throws Exception {
        Client d = city.person("d1@example.org");
        assertEquals(403, d.post("/api/v1/points/p-a/reviews", json("rating", 5, "comment", "Bello")).status(),
                "only who tried may rate");
        assertEquals(400, d.post("/api/v1/points/p-a/checkins", json("outcome", "FAILED")).status(), "why not?");
        assertEquals(404, d.post("/api/v1/points/nowhere/checkins", json("outcome", "CHARGED")).status());
        assertEquals(201, d.post("/api/v1/points/p-a/checkins", json("outcome", "CHARGED")).status());
        assertEquals(429, d.post("/api/v1/points/p-a/checkins", json("outcome", "CHARGED")).status(), "once per 10 minutes");
        for (int rating : new int[] {0, 6})
            assertEquals(400, d.post("/api/v1/points/p-a/reviews", json("rating", rating)).status());
        assertEquals(400, d.post("/api/v1/points/p-a/reviews", json("rating", 4.5)).status());
        var r = d.post("/api/v1/points/p-a/reviews", json("rating", 5, "comment", "Presa comoda, barista gentile"));
        assertEquals(201, r.status(), r.text());
        assertEquals("HELD", r.json().get("status").getAsString());
        String id = r.json().get("id").getAsString();
        assertEquals(409, d.post("/api/v1/points/p-a/reviews", json("rating", 1)).status(), "once per 7 days");
        Client anyone = city.client();
        assertEquals(0, anyone.get("/api/v1/points/p-a/reviews").json().getAsJsonArray("items").size());
        assertEquals(0, anyone.get("/api/v1/points/p-a/reputation").json().get("ratings").getAsInt());

        assertTrue(moderator.get("/api/v1/moderation/queue").text().contains(id));
        assertEquals(200, moderator.post("/api/v1/moderation/reviews/" + id + "/publish", null).status());
        var items = anyone.get("/api/v1/points/p-a/reviews").json().getAsJsonArray("items");
        assertEquals(1, items.size());
        assertFalse(items.toString().contains(d.accountId), "reviews are not signed in public");
        var rep = anyone.get("/api/v1/points/p-a/reputation").json();
        assertEquals(1, rep.get("ratings").getAsInt());
        assertEquals((5 * 3.0 + 5) / 6, rep.get("score").getAsDouble(), 0.005, "one 5 moves a new point a little");
        assertEquals(2.0 / 3, rep.get("reliability").getAsDouble(), 0.001);
    }

    @Test
    void aTrustedAccountsReviewIsPublishedAtOnce() throws Exception {
        Client d = city.person("d2@example.org");
        for (String p : List.of("p-b", "p-c", "p-d")) {
            d.post("/api/v1/points/" + p + "/checkins", json("outcome", "CHARGED"));
            String id = d.post("/api/v1/points/" + p + "/reviews", json("rating", 4)).json().get("id").getAsString();
            moderator.post("/api/v1/moderation/reviews/" + id + "/publish", null);
        }
        d.post("/api/v1/points/p-e/checkins", json("outcome", "CHARGED"));
        assertEquals("HELD", d.post("/api/v1/points/p-e/reviews", json("rating", 3)).json().get("status").getAsString(),
                "three published reviews, but the account is a day old");
        city.db.update("UPDATE account SET created = created - 8 * 86400000 WHERE id = ?", d.accountId);
        city.db.update("DELETE FROM review WHERE author_id = ? AND point_id = 'p-e'", d.accountId);
        assertEquals("PUBLISHED", d.post("/api/v1/points/p-e/reviews", json("rating", 3)).json().get("status").getAsString());
    }

    @Test
    void threeReportsHoldAReviewUntilAModeratorRemovesIt() throws Exception {
        Client author = city.person("d3@example.org");
        author.post("/api/v1/points/p-b/checkins", json("outcome", "FAILED", "reason", "BROKEN"));
        String id = author.post("/api/v1/points/p-b/reviews", json("rating", 1, "comment", "Offesa a qualcuno"))
                .json().get("id").getAsString();
        moderator.post("/api/v1/moderation/reviews/" + id + "/publish", null);
        for (int i = 0; i < 3; i++) {
            Client reporter = city.person("rep" + i + "@example.org");
            assertEquals(201, reporter.post("/api/v1/reviews/" + id + "/reports", json("reason", "Offensiva / offensive")).status());
            if (i == 0) assertEquals(409, reporter.post("/api/v1/reviews/" + id + "/reports", json("reason", "ancora / again")).status());
        }
        assertFalse(city.client().get("/api/v1/points/p-b/reviews").text().contains(id), "held after three reports");
        var queue = moderator.get("/api/v1/moderation/queue").json().getAsJsonArray("reviews");
        assertTrue(queue.toString().contains(id) && queue.toString().contains("Offensiva"));
        assertEquals(400, moderator.post("/api/v1/moderation/reviews/" + id + "/remove", json()).status(), "a reason is required");
        assertEquals(200, moderator.post("/api/v1/moderation/reviews/" + id + "/remove", json("reason", "Insulti / insults")).status());
        assertTrue(moderator.get("/api/v1/moderation/audit").text().contains("REVIEW_REMOVED"));
        assertFalse(moderator.get("/api/v1/moderation/queue").text().contains(id));
    }

    @Test
    void aFaultReportReachesTheProviderNotThePublic() throws Exception {
        Client provider = city.person("prov@example.org", Role.PROVIDER);
        String id = provider.post("/api/v1/listings", Listings.bar().toString()).json().get("id").getAsString();
        moderator.post("/api/v1/moderation/listings/" + id + "/approve", null);
        Client driver = city.person("d4@example.org");
        assertEquals(400, driver.post("/api/v1/points/" + id + "/faults", json("kind", "OTHER")).status(), "describe OTHER");
        var f = driver.post("/api/v1/points/" + id + "/faults", json("kind", "NO_POWER", "description", "Nessuna corrente"));
        assertEquals(201, f.status(), f.text());
        var seen = provider.get("/api/v1/listings/" + id + "/faults").json().getAsJsonArray("items");
        assertEquals(1, seen.size());
        assertEquals("NO_POWER", seen.get(0).getAsJsonObject().get("kind").getAsString());
        assertFalse(seen.toString().contains(driver.accountId), "who reported is not told");
        assertEquals(404, driver.get("/api/v1/listings/" + id + "/faults").status());
    }

    @Test
    void favouritesArePrivateToTheirOwner() throws Exception {
        Client d = city.person("d5@example.org");
        assertEquals(204, d.put("/api/v1/account/favourites/p-c", null).status());
        assertEquals(204, d.put("/api/v1/account/favourites/p-c", null).status(), "idempotent");
        assertEquals(404, d.put("/api/v1/account/favourites/nowhere", null).status());
        assertEquals("[\"p-c\"]", d.get("/api/v1/account/favourites").json().get("items").toString());
        assertEquals("[]", city.person("d6@example.org").get("/api/v1/account/favourites").json().get("items").toString());
        assertEquals(204, d.delete("/api/v1/account/favourites/p-c", null).status());
        assertEquals("[]", d.get("/api/v1/account/favourites").json().get("items").toString());
    }
}
