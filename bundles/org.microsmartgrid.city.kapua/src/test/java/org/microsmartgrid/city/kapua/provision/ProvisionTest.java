package org.microsmartgrid.city.kapua.provision;

import org.microsmartgrid.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.city.kapua.standin.KapuaStandIn;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The provisioning tool with the shipped kapua-config/network.json against the stand-in: the first run builds the
 * network, the second changes nothing, a dry run changes nothing, a 409 is "already there", bad input changes nothing.
 */
class ProvisionTest {

    private static final String SYS = KapuaStandIn.SYS_SCOPE;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T08:00:00Z"));
    private KapuaStandIn kapua;
    private final Map<String, String> env = new HashMap<>();
    private Path network;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        kapua = new KapuaStandIn(clock);
        kapua.addUser("kapua-sys", "Admin-pw-2026!", SYS);
        env.put("KAPUA_API_URL", kapua.apiUrl());
        env.put("KAPUA_ADMIN_USER", "kapua-sys");
        env.put("KAPUA_ADMIN_PASSWORD", "Admin-pw-2026!");
        env.put("KAPUA_PW_CITY_RUNTIME", "City-runtime-pw-1!");
        env.put("KAPUA_PW_TECNICO", "Tecnico-pw-2026!");
        env.put("KAPUA_PW_REVISORE", "Revisore-pw-2026!");
        // the shipped file, with its module passwords in a folder of this test
        Path shipped = Path.of(System.getProperty("msg.root", "../.."), "kapua-config", "network.json");
        JsonObject spec = JsonParser.parseString(Files.readString(shipped)).getAsJsonObject();
        Path secrets = Files.createDirectories(dir.resolve("modules"));
        spec.getAsJsonObject("modules").addProperty("passwordDir", secrets.toString());
        Files.writeString(secrets.resolve("msg-aabbcc000001"), "Module-1-pw-2026!\n");
        Files.writeString(secrets.resolve("msg-aabbcc000002"), "Module-2-pw-2026!\n");
        network = dir.resolve("network.json");
        Files.writeString(network, spec.toString());
    }

    @AfterEach
    void stop() throws Exception {
        if (kapua == null) return; // skipped: Kapua's OpenAPI documents are not there
        kapua.close();
        assertEquals(List.of(), kapua.violations(), "requests or answers outside Kapua's OpenAPI documents");
    }

    private record Run(int exit, String out, String err) {
    }

    private Run provision(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ProvisionMain.run(args, env::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String milano() {
        return kapua.entities(SYS, "accounts").stream().filter(a -> a.get("name").getAsString().equals("milano"))
                .findFirst().orElseThrow().get("id").getAsString();
    }

    private JsonObject named(String scope, String collection, String name) {
        return kapua.entities(scope, collection).stream().filter(e -> e.get("name").getAsString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + collection + " " + name));
    }

    @Test
    void buildsTheNetworkThenASecondRunChangesNothing() throws Exception {
        Run first = provision(network.toString());
        assertEquals(0, first.exit(), first.err());
        String milano = milano();
        assertEquals(5, kapua.entities(milano, "tags").size());
        assertEquals(9, kapua.entities(milano, "groups").size());
        assertEquals(1, kapua.entities(milano, "accounts").size(), "the sub-account");
        String runtimeRole = named(milano, "roles", "msg-city-runtime").get("id").getAsString();
        // read-only, plus device_management:execute for the CITY-V1 requests; never device_management:write, which
        // Kapua's broker would turn into $EDC/milano/# (every module's control topics)
        assertEquals(java.util.Set.of("broker:connect", "device:read", "device_connection:read", "device_event:read",
                        "datastore:read", "device_management:execute"),
                kapua.entities(milano, "roles/" + runtimeRole + "/permissions").stream()
                        .map(p -> p.getAsJsonObject("permission").get("domain").getAsString() + ":"
                                + p.getAsJsonObject("permission").get("action").getAsString())
                        .collect(java.util.stream.Collectors.toSet()));
        JsonObject runtime = named(milano, "users", "msg-city-runtime");
        assertEquals(1, kapua.entities(milano, "credentials").stream()
                .filter(c -> c.get("userId").getAsString().equals(runtime.get("id").getAsString())).count());
        named(milano, "users", "msg-aabbcc000001"); // one broker user per module
        assertTrue(first.out().contains("not in Kapua yet"), first.out());
        assertFalse(first.out().contains("Pw-2026") || first.out().contains("pw-2026"), "no password printed");

        int writes = kapua.writes().size();
        Run second = provision(network.toString());
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("nothing to change"), second.out());
        assertEquals(writes, kapua.writes().size(), "the second run wrote nothing");

        // the module's first BIRTH registered its device: the next run tags it and puts it in its district
        kapua.addDevice(milano, "AA:BB:CC:00:00:01", "Scuola Pascoli", "CONNECTED", clock.instant());
        Run third = provision(network.toString());
        assertTrue(third.out().contains("tag device AA:BB:CC:00:00:01 as school in group municipio-3"), third.out());
        JsonObject device = kapua.entities(milano, "devices").get(0);
        assertEquals(named(milano, "tags", "school").get("id"), device.getAsJsonArray("tagIds").get(0));
        assertEquals(named(milano, "groups", "municipio-3").get("id"), device.getAsJsonArray("groupIds").get(0));
        assertTrue(provision(network.toString()).out().contains("nothing to change"));
    }

    @Test
    void aDryRunPrintsEverythingAndChangesNothing() {
        Run dry = provision("--dry-run", network.toString());
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().contains("(dry run) would create account milano"), dry.out());
        assertTrue(dry.out().contains("(dry run) would add permission datastore:read to role msg-city-runtime"));
        assertEquals(List.of(), kapua.writes());

        provision(network.toString());
        int writes = kapua.writes().size();
        Run dryAgain = provision("--dry-run", network.toString());
        assertTrue(dryAgain.out().contains("nothing to change"), dryAgain.out());
        assertEquals(writes, kapua.writes().size());
    }

    @Test
    void aPermissionAddedMeanwhileBySomeoneElseIsAlreadyThere() {
        kapua.conflictOnceOn(path -> path.endsWith("/permissions"));
        Run r = provision(network.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("already there"), r.out());
        assertTrue(provision(network.toString()).out().contains("nothing to change"));
    }

    @Test
    void aMissingOrWeakPasswordChangesNothing() {
        env.remove("KAPUA_PW_TECNICO");
        env.put("KAPUA_PW_REVISORE", "password");
        Run r = provision(network.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("KAPUA_PW_TECNICO is not set"), r.err());
        assertTrue(r.err().contains("revisore-esempio: the password does not meet Kapua's policy"), r.err());
        assertEquals(List.of(), kapua.writes());
        assertEquals(0, kapua.logins.get(), "Kapua not even asked");
    }

    @Test
    void kapuaUnreachableIsExitOne() throws Exception {
        kapua.close();
        Run r = provision(network.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("not reachable"), r.err());
    }
}
