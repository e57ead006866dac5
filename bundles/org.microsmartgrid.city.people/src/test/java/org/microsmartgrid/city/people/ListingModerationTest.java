package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.people.Client.json;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;

/** A provider lists a plain socket; it is public only after a moderator approves it; every decision is audited. */
class ListingModerationTest {

    static TestCity city;
    static Client provider;
    static Client moderator;

    @BeforeAll
    static void start() throws Exception {
        city = new TestCity();
        provider = city.person("paola@example.org", Role.PROVIDER);
        moderator = city.person("marco@example.org", Role.MODERATOR);
    }

    @AfterAll
    static void stop() throws Exception {
        city.close();
    }

    @Test
    void aListedSocketIsPublicOnlyAfterApprovalAndNotMonitored() throws Exception {
        var r = provider.post("/api/v1/listings", Listings.courtyard().toString());
        assertEquals(201, r.status(), r.text());
        String id = r.json().get("id").getAsString();
        assertEquals("PENDING", r.json().get("status").getAsString());
        assertTrue(city.registry.location(id).isEmpty(), "not public while pending");
        assertTrue(moderator.get("/api/v1/moderation/queue").text().contains(id));

        r = moderator.post("/api/v1/moderation/listings/" + id + "/approve", null);
        assertEquals(200, r.status(), r.text());
        assertEquals("APPROVED", r.json().get("status").getAsString());
        Location l = city.registry.location(id).orElseThrow();
        assertFalse(l.monitored());
        assertNull(l.address(), "a private individual's address is not in the registry");
        assertEquals(45.461, l.latitude(), 1e-9, "STREET precision: about 100 m");
        assertEquals(9.192, l.longitude(), 1e-9);
        assertEquals(EvseStatus.UNKNOWN, l.publicStatus(l.evses().get(0)));
        assertEquals("DOMESTIC_F", l.evses().get(0).connectors().get(0).standard());
        assertTrue(l.freeOfCharge());
        assertEquals("Mo-Fr 08:00-20:00", l.openingHours());
        assertEquals(409, moderator.post("/api/v1/moderation/listings/" + id + "/approve", null).status(), "decided already");

        var audit = moderator.get("/api/v1/moderation/audit").json().getAsJsonArray("items");
        assertTrue(audit.toString().contains("LISTING_APPROVED") && audit.toString().contains("listing:" + id));
        assertTrue(audit.toString().contains(moderator.accountId));
    }

    @Test
    void aRejectionCarriesItsReasonAndStaysOffTheMap() throws Exception {
        String id = provider.post("/api/v1/listings", Listings.bar().toString()).json().get("id").getAsString();
        assertEquals(400, moderator.post("/api/v1/moderation/listings/" + id + "/reject", json()).status(), "a reason is required");
        var r = moderator.post("/api/v1/moderation/listings/" + id + "/reject",
                json("reason", "Foto e indirizzo non corrispondono / address and photo do not match"));
        assertEquals(200, r.status(), r.text());
        var mine = provider.get("/api/v1/listings/" + id).json();
        assertEquals("REJECTED", mine.get("status").getAsString());
        assertTrue(mine.get("reject_reason").getAsString().startsWith("Foto e indirizzo"));
        assertTrue(city.registry.location(id).isEmpty());
        assertTrue(moderator.get("/api/v1/moderation/audit").text().contains("LISTING_REJECTED"));
    }

    @Test
    void aChangeGoesBackToModerationAndAWithdrawnPointLeavesTheMap() throws Exception {
        String id = provider.post("/api/v1/listings", Listings.bar().toString()).json().get("id").getAsString();
        moderator.post("/api/v1/moderation/listings/" + id + "/approve", null);
        Location approved = city.registry.location(id).orElseThrow();
        assertEquals("Via Larga 12", approved.address(), "a business at EXACT precision shows its address");
        assertEquals("AC_3_PHASE", approved.evses().get(1).connectors().get(0).powerType());

        var changed = Listings.bar();
        changed.addProperty("name", "Bar Portico (nuova gestione)");
        var r = provider.put("/api/v1/listings/" + id, changed.toString());
        assertEquals("PENDING", r.json().get("status").getAsString());
        assertEquals("Bar Portico", city.registry.location(id).orElseThrow().name(), "the approved version stays public");
        moderator.post("/api/v1/moderation/listings/" + id + "/approve", null);
        assertEquals("Bar Portico (nuova gestione)", city.registry.location(id).orElseThrow().name());

        assertEquals(200, provider.delete("/api/v1/listings/" + id, null).status());
        assertFalse(city.registry.location(id).orElseThrow().located(), "no position: off the map and the API");
    }

    @Test
    void aCitizenMayBecomeAProviderButNotAModeratorOfTheirOwnPoint() throws Exception {
        Client both = city.person("bea@example.org", Role.MODERATOR);
        assertEquals(403, both.post("/api/v1/listings", Listings.courtyard().toString()).status(), "not a provider yet");
        assertEquals(200, both.post("/api/v1/account/provider", null).status());
        String id = both.post("/api/v1/listings", Listings.courtyard().toString()).json().get("id").getAsString();
        assertEquals(403, both.post("/api/v1/moderation/listings/" + id + "/approve", null).status());
        assertTrue(city.registry.location(id).isEmpty());
    }

    @Test
    void badListingsAreRefusedAndStoreNothing() throws Exception {
        long before = city.db.count("SELECT COUNT(*) FROM listing");
        String[][] edits = {
                {"latitude", "91"}, {"longitude", "181"}, {"latitude", "\"45\""}, {"operator_type", "\"ALIEN\""},
                {"location_precision", "\"EXACT\""}, // a private individual's point is never exact
                {"vehicle_classes", "[]"}, {"vehicle_classes", "[\"EBIKE\", \"EBIKE\"]"},
                {"sockets", "[]"}, {"sockets", "[{\"connector\": \"CHADEMO\", \"power_w\": 2000}]"},
                {"sockets", "[{\"connector\": \"DOMESTIC_F\", \"power_w\": 50000}]"},
                {"price", "{\"kind\": \"PER_KWH\"}"}, {"price", "{\"kind\": \"FREE\", \"amount_cents\": 10}"},
                {"name", "\"" + "x".repeat(81) + "\""}, {"name", "\"a\\u0000b\""}, {"opening_hours", "\"Mo-Fr\\n08:00-20:00\""},
                {"colour", "\"red\""},
        };
        for (String[] e : edits) {
            var body = Listings.courtyard();
            body.add(e[0], com.google.gson.JsonParser.parseString(e[1]));
            var r = provider.post("/api/v1/listings", body.toString());
            assertEquals(400, r.status(), e[0] + "=" + e[1] + " → " + r.text());
        }
        assertEquals(before, city.db.count("SELECT COUNT(*) FROM listing"));
    }
}
