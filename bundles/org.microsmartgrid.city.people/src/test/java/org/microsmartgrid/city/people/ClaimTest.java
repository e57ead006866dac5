package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.people.Client.json;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.registry.ModuleBirth;

/** Claiming a module's point with a one-time code: forged, reused and guessed codes fail. */
class ClaimTest {

    static TestCity city;
    static Client operator;
    static String point;

    @BeforeAll
    static void start() throws Exception {
        city = new TestCity();
        city.registry.moduleBirth(new ModuleBirth("milano", "msg-brera", "Pinacoteca", "SN-1", "0.1.0", 45.472, 9.188,
                4, System.currentTimeMillis()));
        point = city.registry.locationOfModule("milano", "msg-brera").orElseThrow().id();
        operator = city.person("ops@example.org", Role.OPERATOR);
    }

    @AfterAll
    static void stop() throws Exception {
        city.close();
    }

    private static String issue() throws Exception {
        var r = operator.post("/api/v1/admin/modules/claim-codes", json("account", "milano", "client_id", "msg-brera"));
        assertEquals(201, r.status(), r.text());
        assertEquals(point, r.json().get("location_id").getAsString());
        return r.json().get("code").getAsString();
    }

    @Test
    void aProviderClaimsWithTheCodeOnceAndFaultReportsReachThem() throws Exception {
        String code = issue();
        assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}"), code);
        Client provider = city.person("brera@example.org", Role.PROVIDER);
        var r = provider.post("/api/v1/claims", json("code", " " + code.toLowerCase().replace("-", " ") + " "));
        assertEquals(200, r.status(), "typed loosely: " + r.text());
        assertEquals(point, r.json().get("location_id").getAsString());
        assertEquals(point, provider.get("/api/v1/claims").json().getAsJsonArray("items").get(0).getAsJsonObject()
                .get("location_id").getAsString());

        Client thief = city.person("thief@example.org", Role.PROVIDER);
        assertEquals(400, thief.post("/api/v1/claims", json("code", code)).status(), "a used code never works again");
        assertEquals(0, thief.get("/api/v1/claims").json().getAsJsonArray("items").size());

        Client driver = city.person("driver-brera@example.org");
        driver.post("/api/v1/points/" + point + "/faults", json("kind", "NO_POWER"));
        assertEquals(1, provider.get("/api/v1/claims/" + point + "/faults").json().getAsJsonArray("items").size());
        var event = city.events.stream().filter(e -> point.equals(e.getProperty("location.id"))).findFirst().orElseThrow();
        assertEquals(FaultEvents.TOPIC, event.getTopic());
        assertEquals("msg-brera", event.getProperty("module.client.id"), "the technicians see it with the module");
        assertEquals("NO_POWER", event.getProperty("kind"));
        assertFalse(java.util.Arrays.stream(event.getPropertyNames()).anyMatch(n -> n.contains("author") || n.contains("description")));
        assertEquals(404, thief.get("/api/v1/claims/" + point + "/faults").status());
        assertTrue(operator.get("/api/v1/moderation/audit").text().contains("MODULE_CLAIMED"));
    }

    @Test
    void forgedCodesFailAndGuessingIsThrottled() throws Exception {
        Client guesser = city.person("guess@example.org", Role.BUSINESS);
        String real = issue();
        String forged = real.substring(0, 28) + (real.charAt(28) == 'A' ? 'B' : 'A');
        assertEquals(400, guesser.post("/api/v1/claims", json("code", forged)).status(), "one character off");
        for (int i = 0; i < 4; i++) guesser.post("/api/v1/claims", json("code", "AAAAA-AAAAA-AAAAA-AAAAA-AAAA" + i));
        assertEquals(429, guesser.post("/api/v1/claims", json("code", real)).status(), "locked: even the real code waits");
        assertEquals(0, guesser.get("/api/v1/claims").json().getAsJsonArray("items").size());
        Client citizen = city.person("plain@example.org");
        assertEquals(403, citizen.post("/api/v1/claims", json("code", real)).status(), "only providers and businesses");
        assertEquals(404, operator.post("/api/v1/admin/modules/claim-codes",
                json("account", "milano", "client_id", "msg-nowhere")).status(), "no code for a module never born");
        assertEquals(400, operator.post("/api/v1/admin/modules/claim-codes",
                json("account", "milano", "client_id", "+/#")).status());
    }
}
