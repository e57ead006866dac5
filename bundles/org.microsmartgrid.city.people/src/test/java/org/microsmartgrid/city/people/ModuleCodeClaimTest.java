package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.people.Client.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

/**
 * Claiming a module's point with the code the module made itself: the module publishes only the code's SHA-256 in its
 * BIRTH / APPS (through the city's ingest, as the broker delivers it), the provider types the code. Forged, reused and
 * other modules' codes fail; a new code moves nothing until someone claims with it.
 */
class ModuleCodeClaimTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    static TestCity city;
    static Client operator;

    @BeforeAll
    static void start() throws Exception {
        city = new TestCity();
        operator = city.person("ops-module@example.org", Role.OPERATOR);
    }

    @AfterAll
    static void stop() throws Exception {
        city.close();
    }

    /** A code as the module makes it: 25 Crockford base32 characters in groups of five. */
    static String moduleCode() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            if (i > 0 && i % 5 == 0) b.append('-');
            b.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return b.toString();
    }

    /** What the module publishes (docs/cloud-telemetry.md): hex SHA-256 of the code without dashes. */
    static String hash(String code) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(code.replace("-", "").getBytes(StandardCharsets.US_ASCII)));
    }

    /** The module's BIRTH (or APPS) on its own topic, as the broker hands it to the ingest. */
    static void publish(String clientId, String kind, String code, long at) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("display_name", "Punto " + clientId);
        m.put("extended_properties", "{\"version\":\"1.0\",\"properties\":{\"MicroSmartGrid\":{\"sockets\":\"2\"}}}");
        m.put("claim_hash", hash(code));
        city.ingest.handleNow("$EDC/milano/" + clientId + "/MQTT/" + kind, KuraPayloadCodec.encode(
                new KuraMessage(at, new KuraMessage.Position(45.46, 9.19, null), m, null), false));
    }

    static String pointOf(String clientId) {
        return city.registry.locationOfModule("milano", clientId).orElseThrow().id();
    }

    static List<String> claimed(Client c) throws Exception {
        return c.get("/api/v1/claims").json().getAsJsonArray("items").asList().stream()
                .map(e -> e.getAsJsonObject().get("location_id").getAsString()).toList();
    }

    @Test
    void theModulesOwnCodeClaimsItsPointOnceEvenAfterTheModuleRestarts() throws Exception {
        String code = moduleCode();
        long t = System.currentTimeMillis() - 60_000;
        publish("msg-once", "BIRTH", code, t);
        Client provider = city.person("once@example.org", Role.PROVIDER);
        var r = provider.post("/api/v1/claims", json("code", " " + code.toLowerCase().replace("-", " ") + " "));
        assertEquals(200, r.status(), "typed loosely: " + r.text());
        assertEquals(pointOf("msg-once"), r.json().get("location_id").getAsString());
        assertEquals(List.of(pointOf("msg-once")), claimed(provider));
        assertTrue(operator.get("/api/v1/moderation/audit").text().contains("MODULE_CLAIMED"));

        // the module restarts and publishes the same hash again (it keeps its code): spent is spent
        publish("msg-once", "BIRTH", code, t + 1000);
        Client thief = city.person("once-thief@example.org", Role.PROVIDER);
        assertEquals(400, thief.post("/api/v1/claims", json("code", code)).status(), "a used code never works again");
        assertEquals(400, provider.post("/api/v1/claims", json("code", code)).status(), "not even for its owner");
        assertEquals(List.of(), claimed(thief));
        assertEquals(List.of(pointOf("msg-once")), claimed(provider));
    }

    @Test
    void forgedCodesAndTheHashItselfFail() throws Exception {
        String code = moduleCode();
        publish("msg-forged", "BIRTH", code, System.currentTimeMillis() - 1000);
        Client guesser = city.person("forger@example.org", Role.BUSINESS);
        String forged = code.substring(0, 28) + (code.charAt(28) == 'A' ? 'B' : 'A');
        assertEquals(400, guesser.post("/api/v1/claims", json("code", forged)).status(), "one character off");
        assertEquals(400, guesser.post("/api/v1/claims", json("code", hash(code))).status(),
                "the published hash is no code: it is what everyone on the link could see");
        assertEquals(400, guesser.post("/api/v1/claims", json("code", moduleCode())).status(), "no module has it");
        assertEquals(List.of(), claimed(guesser));
        for (int i = 0; i < 2; i++) guesser.post("/api/v1/claims", json("code", moduleCode()));
        assertEquals(429, guesser.post("/api/v1/claims", json("code", code)).status(),
                "the same throttle as the operator's codes: locked, even the real code waits");
    }

    @Test
    void aCodeFromModuleAClaimsModuleAOnlyAndACopiedHashClaimsNothing() throws Exception {
        String a = moduleCode();
        String b = moduleCode();
        long t = System.currentTimeMillis() - 1000;
        publish("msg-a", "BIRTH", a, t);
        publish("msg-b", "BIRTH", b, t);
        Client provider = city.person("ab@example.org", Role.PROVIDER);
        assertEquals(pointOf("msg-a"), provider.post("/api/v1/claims", json("code", a)).json()
                .get("location_id").getAsString());
        assertEquals(List.of(pointOf("msg-a")), claimed(provider), "module B is not claimed with A's code");

        // a module that republishes another module's hash (it never saw the code) gets nothing by it, nor does the other
        String c = moduleCode();
        publish("msg-c", "BIRTH", c, t);
        publish("msg-copycat", "BIRTH", c, t);
        Client other = city.person("copy@example.org", Role.PROVIDER);
        assertEquals(400, other.post("/api/v1/claims", json("code", c)).status());
        assertEquals(List.of(), claimed(other));
    }

    @Test
    void aNewCodeStopsTheOldOneAndMovesTheOwnershipOnlyWhenClaimedWithIt() throws Exception {
        String first = moduleCode();
        long t = System.currentTimeMillis() - 60_000;
        publish("msg-moves", "BIRTH", first, t);
        Client owner = city.person("owner@example.org", Role.PROVIDER);
        assertEquals(200, owner.post("/api/v1/claims", json("code", first)).status());

        String second = moduleCode();
        publish("msg-moves", "APPS", second, t + 1000); // the installer pressed "new code"
        assertEquals(List.of(pointOf("msg-moves")), claimed(owner), "a new code alone moves nothing");

        String third = moduleCode();
        publish("msg-moves", "APPS", third, t + 2000); // and again: the second stops working unused
        Client buyer = city.person("buyer@example.org", Role.PROVIDER);
        assertEquals(400, buyer.post("/api/v1/claims", json("code", second)).status(), "replaced before it was used");
        assertEquals(200, buyer.post("/api/v1/claims", json("code", third)).status());
        assertEquals(List.of(pointOf("msg-moves")), claimed(buyer), "claimed with the module's code: it moves");
        assertEquals(List.of(), claimed(owner));
    }

    @Test
    void ofSimultaneousClaimsWithOneCodeExactlyOneWins() throws Exception {
        String code = moduleCode();
        publish("msg-race", "BIRTH", code, System.currentTimeMillis() - 1000);
        List<Client> providers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) providers.add(city.person("race" + i + "@example.org", Role.PROVIDER));
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(providers.size());
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (Client p : providers) answers.add(pool.submit(() -> {
                start.await();
                return p.post("/api/v1/claims", json("code", code)).status();
            }));
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var a : answers) statuses.add(a.get(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(providers.size() - 1, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        long owners = 0;
        for (Client p : providers) owners += claimed(p).size();
        assertEquals(1, owners, "one owner");
    }

    @Test
    void theOperatorsCodesStillWork() throws Exception {
        publish("msg-operator", "BIRTH", moduleCode(), System.currentTimeMillis() - 1000);
        var issued = operator.post("/api/v1/admin/modules/claim-codes", json("account", "milano", "client_id", "msg-operator"));
        assertEquals(201, issued.status(), issued.text());
        Client provider = city.person("by-operator@example.org", Role.PROVIDER);
        assertEquals(200, provider.post("/api/v1/claims", json("code", issued.json().get("code").getAsString())).status());
        assertEquals(List.of(pointOf("msg-operator")), claimed(provider));
    }
}
