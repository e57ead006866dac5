package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.people.Client.json;

import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.ModuleBirth;
import org.microsmartgrid.city.registry.VehicleClass;

/** The owner of a module's point says what it offers; the module keeps saying what it is and how it is. */
class ClaimedPointDetailsTest {

    static TestCity city;
    static Client owner;
    static String point;

    @BeforeAll
    static void start() throws Exception {
        city = new TestCity();
        city.registry.moduleBirth(new ModuleBirth("milano", "msg-sormani", "Biblioteca Sormani", "SN-1", "0.1.0",
                45.4613, 9.1976, 2, System.currentTimeMillis() - 60_000));
        point = city.registry.locationOfModule("milano", "msg-sormani").orElseThrow().id();
        Client operator = city.person("ops@example.org", Role.OPERATOR);
        String code = operator.post("/api/v1/admin/modules/claim-codes", json("account", "milano", "client_id", "msg-sormani"))
                .json().get("code").getAsString();
        owner = city.person("biblioteche@example.org", Role.PROVIDER);
        assertEquals(200, owner.post("/api/v1/claims", json("code", code)).status());
    }

    @AfterAll
    static void stop() throws Exception {
        city.close();
    }

    private static final String DETAILS = "{\"vehicle_classes\": [\"EBIKE\", \"MOBILITY_AID\"], "
            + "\"facilities\": [\"CAFE\"], \"opening_hours\": \"Mo-Fr 09:00-19:30\", "
            + "\"price\": {\"kind\": \"PER_KWH\", \"amount_cents\": 25}}";

    @Test
    void theOwnerSaysWhatThePointOffersAndALaterBirthKeepsIt() throws Exception {
        var r = owner.send("PUT", "/api/v1/claims/" + point + "/details", DETAILS.getBytes(), "application/json");
        assertEquals(200, r.status(), r.text());
        Location l = city.registry.location(point).orElseThrow();
        assertEquals(Set.of(VehicleClass.EBIKE, VehicleClass.MOBILITY_AID), l.vehicleClasses());
        assertEquals(Set.of("CAFE"), l.facilities());
        assertEquals("Mo-Fr 09:00-19:30", l.openingHours());
        assertEquals("0,25 €/kWh", l.priceText());
        assertTrue(l.monitored(), "still the module's point, with its live status");

        city.registry.moduleBirth(new ModuleBirth("milano", "msg-sormani", "Biblioteca Sormani — cortile", "SN-1",
                "0.1.1", 45.4613, 9.1976, 2, System.currentTimeMillis()));
        Location after = city.registry.location(point).orElseThrow();
        assertEquals("Biblioteca Sormani — cortile", after.name(), "the module names it");
        assertEquals("Mo-Fr 09:00-19:30", after.openingHours(), "the owner's details stay");
        assertEquals("0,25 €/kWh", after.priceText());
    }

    @Test
    void someoneElseOrABadBodyChangesNothing() throws Exception {
        Location before = city.registry.location(point).orElseThrow();
        Client stranger = city.person("stranger@example.org", Role.PROVIDER);
        assertEquals(404, stranger.send("PUT", "/api/v1/claims/" + point + "/details", DETAILS.getBytes(),
                "application/json").status(), "not the owner");
        Client citizen = city.person("citizen@example.org");
        assertEquals(403, citizen.send("PUT", "/api/v1/claims/" + point + "/details", DETAILS.getBytes(),
                "application/json").status());
        for (String bad : new String[] {"{\"vehicle_classes\": [], \"price\": {\"kind\": \"FREE\"}}",
                "{\"vehicle_classes\": [\"EBIKE\"], \"price\": {\"kind\": \"PER_KWH\"}}",
                "{\"vehicle_classes\": [\"EBIKE\"], \"price\": {\"kind\": \"FREE\"}, \"name\": \"Mine now\"}",
                "{\"vehicle_classes\": [\"HOVERCRAFT\"], \"price\": {\"kind\": \"FREE\"}}", "not json"}) {
            var r = owner.send("PUT", "/api/v1/claims/" + point + "/details", bad.getBytes(), "application/json");
            assertEquals(400, r.status(), bad + " → " + r.text());
        }
        Location after = city.registry.location(point).orElseThrow();
        assertEquals(before.vehicleClasses(), after.vehicleClasses());
        assertEquals(before.priceText(), after.priceText());
        assertEquals(before.name(), after.name());
        assertNull(city.registry.location("nowhere").orElse(null));
        assertEquals(404, owner.send("PUT", "/api/v1/claims/nowhere/details", DETAILS.getBytes(), "application/json").status());
    }
}
