package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.people.Client.json;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.people.account.Role;

/** Businesses' time-limited promotions on their own points. */
class PromotionTest {

    static TestCity city;
    static Client business;
    static Client moderator;
    static String point;

    @BeforeAll
    static void start() throws Exception {
        city = new TestCity();
        business = city.person("bar@example.org", Role.BUSINESS);
        moderator = city.person("promo-m@example.org", Role.MODERATOR);
        point = business.post("/api/v1/listings", Listings.bar().toString()).json().get("id").getAsString();
        moderator.post("/api/v1/moderation/listings/" + point + "/approve", null);
    }

    @AfterAll
    static void stop() throws Exception {
        city.close();
    }

    static String at(Duration fromNow) {
        return OffsetDateTime.now(ZoneOffset.ofHours(1)).plus(fromNow).toString();
    }

    @Test
    void aPromotionIsPublicWhileValidAndOnlyOnTheBusinessesOwnPoint() throws Exception {
        var r = business.post("/api/v1/points/" + point + "/promotions", json("text", "-10 % sul caffè mentre ricarichi",
                "valid_from", at(Duration.ofHours(-1)), "valid_until", at(Duration.ofDays(7))));
        assertEquals(201, r.status(), r.text());
        String id = r.json().get("id").getAsString();
        business.post("/api/v1/points/" + point + "/promotions", json("text", "Dal mese prossimo / from next month",
                "valid_from", at(Duration.ofDays(30)), "valid_until", at(Duration.ofDays(40))));
        var shown = city.client().get("/api/v1/points/" + point + "/promotions").json().getAsJsonArray("items");
        assertEquals(1, shown.size(), "only what is valid now");
        assertEquals("-10 % sul caffè mentre ricarichi", shown.get(0).getAsJsonObject().get("text").getAsString());

        Client otherBusiness = city.person("shop@example.org", Role.BUSINESS);
        assertEquals(404, otherBusiness.post("/api/v1/points/" + point + "/promotions", json("text", "Venite da noi",
                "valid_from", at(Duration.ZERO), "valid_until", at(Duration.ofDays(1)))).status());
        assertEquals(403, city.person("promo-c@example.org").post("/api/v1/points/" + point + "/promotions", json("text", "x y z",
                "valid_from", at(Duration.ZERO), "valid_until", at(Duration.ofDays(1)))).status());
        assertEquals(404, otherBusiness.delete("/api/v1/promotions/" + id, null).status());

        for (String[] bad : new String[][] {{at(Duration.ofDays(2)), at(Duration.ofDays(1))},
                {at(Duration.ofDays(-3)), at(Duration.ofDays(-2))}, {at(Duration.ZERO), at(Duration.ofDays(91))},
                {"2026-06-01", at(Duration.ofDays(1))}, {"domani", at(Duration.ofDays(1))}})
            assertEquals(400, business.post("/api/v1/points/" + point + "/promotions", json("text", "Offerta",
                    "valid_from", bad[0], "valid_until", bad[1])).status(), bad[0] + " → " + bad[1]);

        assertEquals(204, moderator.post("/api/v1/moderation/promotions/" + id + "/remove", json("reason", "Ingannevole / misleading")).status());
        assertEquals(0, city.client().get("/api/v1/points/" + point + "/promotions").json().getAsJsonArray("items").size());
        assertTrue(moderator.get("/api/v1/moderation/audit").text().contains("PROMOTION_REMOVED"));
        assertEquals(2, business.get("/api/v1/promotions").json().getAsJsonArray("items").size());
    }
}
