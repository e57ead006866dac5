package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.people.Client.json;

import java.time.Duration;
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

/** Points for check-ins and confirmed faults, spent at a business's promotion with a one-time code; the leaderboard. */
class RewardsTest {

    static TestCity city;
    static Client business;
    static String bar;

    @BeforeAll
    static void start() throws Exception {
        city = new TestCity();
        for (String id : List.of("r-1", "r-2", "r-3", "r-4", "r-5"))
            city.registry.putUnmonitored(new Location(id, "Punto " + id, null, "Milano", 45.47, 9.18, OperatorType.BUSINESS,
                    false, Set.of(VehicleClass.EBIKE), Set.of(), null, true, null, 1L, null,
                    List.of(new Evse(1, EvseStatus.UNKNOWN, 1L, null, List.of(Connector.schuko())))));
        business = city.person("caffe@example.org", Role.BUSINESS);
        Client moderator = city.person("rew-m@example.org", Role.MODERATOR);
        bar = business.post("/api/v1/listings", Listings.bar().toString()).json().get("id").getAsString();
        moderator.post("/api/v1/moderation/listings/" + bar + "/approve", null);
    }

    @AfterAll
    static void stop() throws Exception {
        city.close();
    }

    @Test
    void pointsAreEarnedCappedAndSpentOnceAtTheBusinessesCounter() throws Exception {
        Client driver = city.person("punti@example.org");
        for (String p : List.of("r-1", "r-2", "r-3", "r-4"))
            assertEquals(201, driver.post("/api/v1/points/" + p + "/checkins", json("outcome", "CHARGED")).status());
        assertEquals(6, driver.get("/api/v1/account/points").json().get("balance").getAsInt(), "3 check-ins a day count");

        var fault = driver.post("/api/v1/points/" + bar + "/faults", json("kind", "DAMAGED", "description", "Presa rotta"));
        String faultId = fault.json().get("id").getAsString();
        Client stranger = city.person("estraneo@example.org", Role.BUSINESS);
        assertEquals(404, stranger.post("/api/v1/faults/" + faultId + "/confirm", null).status(), "not their point");
        assertEquals(204, business.post("/api/v1/faults/" + faultId + "/confirm", null).status());
        assertEquals(409, business.post("/api/v1/faults/" + faultId + "/confirm", null).status(), "once");
        assertEquals(16, driver.get("/api/v1/account/points").json().get("balance").getAsInt());

        String promo = business.post("/api/v1/points/" + bar + "/promotions", json("text", "Caffè gratis per 10 punti",
                "valid_from", PromotionTest.at(Duration.ofMinutes(-5)), "valid_until", PromotionTest.at(Duration.ofDays(3)),
                "points_cost", 10)).json().get("id").getAsString();
        var code = driver.post("/api/v1/promotions/" + promo + "/redeem", null);
        assertEquals(201, code.status(), code.text());
        assertEquals(6, driver.get("/api/v1/account/points").json().get("available").getAsInt(), "10 reserved");
        assertEquals(409, driver.post("/api/v1/promotions/" + promo + "/redeem", null).status(), "not enough points left");
        String c = code.json().get("code").getAsString();

        assertEquals(400, stranger.post("/api/v1/promotions/redemptions/verify", json("code", c)).status(),
                "another business cannot use it");
        assertEquals(403, driver.post("/api/v1/promotions/redemptions/verify", json("code", c)).status());
        var ok = business.post("/api/v1/promotions/redemptions/verify", json("code", c.toLowerCase()));
        assertEquals(200, ok.status(), ok.text());
        assertEquals(10, ok.json().get("cost").getAsInt());
        assertEquals(400, business.post("/api/v1/promotions/redemptions/verify", json("code", c)).status(), "used once");
        var points = driver.get("/api/v1/account/points").json();
        assertEquals(6, points.get("balance").getAsInt());
        assertEquals(6, points.get("available").getAsInt());
    }

    @Test
    void theLeaderboardShowsOnlyThoseWhoJoined() throws Exception {
        Client shy = city.person("timido@example.org");
        shy.post("/api/v1/points/r-5/checkins", json("outcome", "CHARGED"));
        Client proud = city.person("fiero@example.org");
        proud.post("/api/v1/points/r-5/checkins", json("outcome", "CHARGED"));
        assertEquals(204, proud.put("/api/v1/account/leaderboard", json("neighbourhood", "Brera")).status());
        var board = city.client().get("/api/v1/leaderboard?neighbourhood=brera").json().getAsJsonArray("items");
        assertEquals(1, board.size());
        assertEquals(2, board.get(0).getAsJsonObject().get("points").getAsInt());
        assertFalse(board.toString().contains("@"), "display names only");
        assertEquals(400, city.client().get("/api/v1/leaderboard").status());
        assertEquals(204, proud.put("/api/v1/account/leaderboard", json()).status(), "leaving");
        assertTrue(city.client().get("/api/v1/leaderboard?neighbourhood=Brera").json().getAsJsonArray("items").isEmpty());
    }
}
