package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.people.Client.json;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.broker.doorcodes.CodeAnswer;
import org.microsmartgrid.city.broker.doorcodes.ModuleDoorCodes;
import org.microsmartgrid.city.broker.doorcodes.ModuleDoorList;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.registry.ModuleBirth;

/**
 * The owner of a module's point issues a courier code from the city: the module's answer is passed on once (the
 * city keeps no code), anyone else gets 404, a bad request never reaches the module, an unreachable module is a 504
 * that says to use the console, the module's refusal is passed on with its reason.
 */
class OwnerDoorCodeTest {

    private static final String CODE = "40718263";
    static TestCity city;
    static Client owner;
    static String point;
    static final OpenApiDocument doc = new OpenApiDocument();

    /** The module as the broker would carry its answers: by door, like the door service would decide. */
    static final class Module implements ModuleDoorCodes {
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<CodeAnswer> issueCourierCode(String account, String clientId, String door,
                                                            int minutesFromNow, int minutes, String issuer) {
            asked.add(account + " " + clientId + " " + door + " " + minutesFromNow + " " + minutes + " " + issuer);
            CodeAnswer a = switch (door) {
                case "cantina" -> CodeAnswer.of(CodeAnswer.Status.UNKNOWN_DOOR, "Porta sconosciuta / unknown door 'cantina'");
                case "muta" -> CodeAnswer.of(CodeAnswer.Status.UNREACHABLE, null);
                default -> minutes > 120
                        ? CodeAnswer.of(CodeAnswer.Status.REFUSED, "Finestra troppo lunga / window too long: at most 2 h for COURIER")
                        : new CodeAnswer(CodeAnswer.Status.ISSUED, CODE, "c-42", "2026-12-07T10:30:00Z",
                        "2026-12-07T12:00:00Z", null);
            };
            return CompletableFuture.completedFuture(a);
        }
    }

    private final Module module = new Module();

    @BeforeAll
    static void start() throws Exception {
        city = new TestCity();
        city.registry.moduleBirth(new ModuleBirth("milano", "msg-porta", "Condominio via Larga", "SN-9", "0.1.0",
                45.4613, 9.1976, 1, System.currentTimeMillis() - 60_000));
        point = city.registry.locationOfModule("milano", "msg-porta").orElseThrow().id();
        Client operator = city.person("ops-doors@example.org", Role.OPERATOR);
        String code = operator.post("/api/v1/admin/modules/claim-codes", json("account", "milano", "client_id", "msg-porta"))
                .json().get("code").getAsString();
        owner = city.person("amministratore@example.org", Role.PROVIDER);
        assertEquals(200, owner.post("/api/v1/claims", json("code", code)).status());
    }

    @BeforeEach
    void moduleOnline() {
        city.doorCodes.set(module);
        city.doorList.set((account, client) -> account.equals("milano") && client.equals("msg-porta")
                ? List.of(new ModuleDoorList.OwnerDoor("portone", "Portone / courtyard gate", true),
                new ModuleDoorList.OwnerDoor("retro", "Porta sul retro / back door", false)) : List.of());
        city.registry.moduleBirth(new ModuleBirth("milano", "msg-porta", "Condominio via Larga", "SN-9", "0.1.0",
                45.4613, 9.1976, 1, System.currentTimeMillis()));
    }

    @AfterAll
    static void stop() throws Exception {
        city.close();
    }

    private static String path(String door) {
        return "/api/v1/claims/" + point + "/doors/" + door + "/codes";
    }

    @Test
    void theOwnerGetsTheModulesCodeOnceAndTheCityKeepsOnlyItsId() throws Exception {
        String body = json("starts_in_minutes", 30, "minutes", 90);
        var r = doc.ok(owner.post(path("portone"), body), body);
        assertEquals(201, r.status(), r.text());
        assertEquals(CODE, r.json().get("code").getAsString());
        assertEquals("c-42", r.json().get("code_id").getAsString());
        assertEquals("2026-12-07T10:30:00Z", r.json().get("from").getAsString());
        assertEquals("2026-12-07T12:00:00Z", r.json().get("until").getAsString());
        assertEquals(List.of("milano msg-porta portone 30 90 " + owner.accountId), module.asked,
                "the module names the owner's account as the issuer");

        List<String> audit = city.db.list("SELECT reason FROM audit_log WHERE action = 'DOOR_CODE_ISSUED' AND actor_id = ?",
                rs -> rs.getString(1), owner.accountId);
        assertEquals(1, audit.size());
        assertTrue(audit.get(0).contains("c-42"), audit.get(0));
        // the whole database, as SQL: the code is nowhere in it
        List<String> dump = city.db.list("SCRIPT", rs -> rs.getString(1));
        assertFalse(dump.isEmpty());
        assertTrue(dump.stream().noneMatch(line -> line.contains(CODE)), "the city never stores the code");

        module.asked.clear();
        String now = json("minutes", 15);
        assertEquals(201, doc.ok(owner.post(path("portone"), now), now).status());
        assertEquals(List.of("milano msg-porta portone 0 15 " + owner.accountId), module.asked, "starts now by default");
    }

    @Test
    void theOwnerListsEveryDoorOfTheModuleThoseOffThePublicPageToo() throws Exception {
        var r = doc.ok(owner.get("/api/v1/claims/" + point + "/doors"), (String) null);
        assertEquals(200, r.status(), r.text());
        assertEquals(com.google.gson.JsonParser.parseString("{\"location_id\":\"" + point + "\",\"module_online\":true,"
                + "\"doors\":[{\"id\":\"portone\",\"label\":\"Portone / courtyard gate\",\"public_page\":true},"
                + "{\"id\":\"retro\",\"label\":\"Porta sul retro / back door\",\"public_page\":false}]}"), r.json());

        Client stranger = city.person("curioso-porte@example.org", Role.PROVIDER);
        var notOwner = doc.refused(stranger.get("/api/v1/claims/" + point + "/doors"), (String) null, 404, false);
        assertFalse(notOwner.text().contains("retro"), "someone else learns nothing of the doors");
        doc.refused(city.client().get("/api/v1/claims/" + point + "/doors"), (String) null, 401, true);

        city.doorList.set(null); // a runtime without the door directory
        assertEquals(0, owner.get("/api/v1/claims/" + point + "/doors").json().getAsJsonArray("doors").size());
    }

    @Test
    void onlyTheOwnerMayAskAndOthersLearnNothing() throws Exception {
        String body = json("minutes", 60);
        Client stranger = city.person("altro-fornitore@example.org", Role.PROVIDER);
        var notOwner = doc.refused(stranger.post(path("portone"), body), body, 404, false);
        var noPoint = doc.refused(stranger.post("/api/v1/claims/no-such-point/doors/portone/codes", body), body, 404, false);
        assertEquals(noPoint.json().get("detail"), notOwner.json().get("detail"), "someone else's point looks like none");
        doc.refused(city.person("cittadino-porta@example.org").post(path("portone"), body), body, 403, false);
        doc.refused(city.client().post(path("portone"), body), body, 401, true);
        assertEquals(List.of(), module.asked);
    }

    @Test
    void aBadRequestNeverReachesTheModule() throws Exception {
        for (String bad : new String[] {json("minutes", 4), json("minutes", 721), json("starts_in_minutes", -1, "minutes", 60),
                json("starts_in_minutes", 1441, "minutes", 60), json("starts_in_minutes", 0), json("minutes", 60.5),
                json("minutes", "60"), json("minutes", 60, "kind", "INTERVENTION"), "not json"})
            doc.refused(owner.post(path("portone"), bad), bad, 400, true);
        String body = json("minutes", 60);
        doc.refused(owner.post(path("Portone"), body), body, 404, true);
        assertEquals(List.of(), module.asked);
    }

    @Test
    void anUnreachableModuleIs504AndSaysToUseTheConsole() throws Exception {
        String body = json("minutes", 60);
        var silent = doc.refused(owner.post(path("muta"), body), body, 504, false);
        assertTrue(silent.json().get("detail").getAsString().contains("usa la console"), silent.text());
        assertTrue(silent.json().get("detail").getAsString().contains("use the console"), silent.text());

        city.registry.moduleOffline("milano", "msg-porta", System.currentTimeMillis());
        doc.refused(owner.post(path("portone"), body), body, 504, false);
        city.doorCodes.set(null); // an external broker: no way to the modules
        moduleOnline();
        city.doorCodes.set(null);
        doc.refused(owner.post(path("portone"), body), body, 504, false);
        assertEquals(1, module.asked.size(), "only the silent module was asked: offline ones are not");
    }

    @Test
    void theModulesRefusalAndUnknownDoorArePassedOnWithItsReason() throws Exception {
        int issued = issuedInAudit();
        String longer = json("minutes", 600);
        var refused = doc.refused(owner.post(path("portone"), longer), longer, 409, false);
        assertTrue(refused.json().get("detail").getAsString().contains("at most 2 h"), refused.text());
        String body = json("minutes", 60);
        var unknown = doc.refused(owner.post(path("cantina"), body), body, 404, false);
        assertTrue(unknown.json().get("detail").getAsString().contains("cantina"), unknown.text());
        assertEquals(issued, issuedInAudit(), "nothing issued, nothing recorded");
    }

    private static int issuedInAudit() {
        return city.db.list("SELECT id FROM audit_log WHERE action = 'DOOR_CODE_ISSUED'", rs -> rs.getLong(1)).size();
    }
}
