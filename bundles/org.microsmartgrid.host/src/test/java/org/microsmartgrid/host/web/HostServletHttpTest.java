package org.microsmartgrid.host.web;

import org.microsmartgrid.testing.JettyServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.control.PowerCap;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.console.auth.PasswordHash;
import org.microsmartgrid.grid.balancer.tariff.ItalianTariffCalendar;
import org.microsmartgrid.host.energy.EnergyAccounting;
import org.microsmartgrid.host.energy.EnergyAccountingConfig;

import com.google.gson.JsonParser;

/** The host page's HTTP rules over real Jetty: who gets in, who may change what, and that a refusal changes nothing. */
class HostServletHttpTest {
    static final String HOST_HASH = PasswordHash.create("host password 1".toCharArray(), PasswordHash.MIN_ITERATIONS, new SecureRandom()).format();
    static final String MEMBER_HASH = PasswordHash.create("member password 1".toCharArray(), PasswordHash.MIN_ITERATIONS, new SecureRandom()).format();

    @TempDir
    Path dir;
    private final FakeControl control = new FakeControl();
    private final HttpClient http = HttpClient.newHttpClient();
    private EnergyAccounting energy;
    private HostServlet servlet;
    private JettyServer jetty;

    void start(boolean allowCap) throws Exception {
        energy = new EnergyAccounting(ItalianTariffCalendar.ARERA, new EnergyConfig(), dir.toString());
        servlet = new HostServlet(energy, new PageConfig(allowCap));
        servlet.control = control;
        servlet.meters = List.of(new SocketMeter(1), new SocketMeter(2));
        servlet.sessions = new FakeSessions();
        jetty = new JettyServer(servlet, "/building/*");
    }

    @BeforeEach
    void setUp() throws Exception {
        start(false);
    }

    @AfterEach
    void tearDown() throws Exception {
        jetty.close();
        servlet.deactivate();
        energy.deactivate();
    }

    @Test
    void withoutTheBuildingsPasswordNothingIsShown() throws Exception {
        HttpResponse<String> r = get("/building/api/flow", null, null);
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"Edificio / Building\""));
        assertEquals("application/problem+json;charset=UTF-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(401, get("/building/api/flow", "anna", "wrong password").statusCode());
        assertEquals(200, get("/building/api/flow", "bruno", "member password 1").statusCode());
    }

    @Test
    void aScriptGuessingTheHostsPasswordFromTheSameAddressDoesNotLockOutTheHostsOwnPhone() throws Exception {
        HttpResponse<String> first = get("/building/api/me", "anna", "host password 1");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(HostServlet.DEVICE_COOKIE + "=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        for (int i = 0; i < 6; i++) get("/building/api/me", "anna", "guess " + i);
        assertEquals(429, get("/building/api/me", "anna", "host password 1").statusCode(), "a new browser waits");
        HttpResponse<String> phone = http.send(HttpRequest.newBuilder(jetty.uri("/building/api/me"))
                .header("Authorization", basic("anna", "host password 1")).header("Cookie", cookie.split(";", 2)[0]).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, phone.statusCode(), "the host's phone gets in at once");
    }

    @Test
    void aMemberCannotChangeAnything() throws Exception {
        HttpResponse<String> r = post("/building/api/sockets/2", "{\"enabled\":false}", "bruno", "member password 1", null);
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("Solo lettura / Read only"), r.body());
        assertTrue(control.disabled.isEmpty());
        String me = get("/building/api/me", "bruno", "member password 1").body();
        assertFalse(me.contains("csrf"), "a member gets no write token: " + me);
    }

    @Test
    void theHostDisablesASocketAsHimselfAndAnotherSiteCannotMakeHisBrowserDoIt() throws Exception {
        HttpResponse<String> forged = post("/building/api/sockets/2", "{\"enabled\":false}", "anna", "host password 1", "http://evil.example");
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(control.disabled.isEmpty());

        String csrf = JsonParser.parseString(get("/building/api/me", "anna", "host password 1").body()).getAsJsonObject().get("csrf").getAsString();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(jetty.uri("/building/api/sockets/2"))
                .header("Authorization", basic("anna", "host password 1")).header("Content-Type", "application/json")
                .header("Origin", "http://evil.example").header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Map.of(2, "host:anna"), control.disabled);
    }

    @Test
    void badRequestsAreRefusedSayingWhyAndChangeNothing() throws Exception {
        for (String[] bad : new String[][]{
                {"/building/api/sockets/2", "not json", "400"},
                {"/building/api/sockets/2", "{\"enabled\":\"no\"}", "400"},
                {"/building/api/sockets/2", "{}", "400"},
                {"/building/api/sockets/9", "{\"enabled\":false}", "404"},
                {"/building/api/sockets/1", "{\"mode\":\"SOLAR_AND_CHEAP\"}", "400"},
                {"/building/api/sockets/1", "{\"mode\":\"FAST\"}", "400"},
                {"/building/api/cap", "{\"limitW\":2000,\"minutes\":30}", "403"}}) {
            HttpResponse<String> r = post(bad[0], bad[1], "anna", "host password 1", null);
            assertEquals(Integer.parseInt(bad[2]), r.statusCode(), bad[1] + " -> " + r.body());
            assertTrue(r.body().contains("\"detail\""), r.body());
        }
        assertTrue(control.disabled.isEmpty());
        assertTrue(control.cap == null);
    }

    @Test
    void aCapWithinWhatTheInstallerAllowsIsSetAndOneBelowIsRefused() throws Exception {
        tearDown();
        start(true);
        assertEquals(400, post("/building/api/cap", "{\"limitW\":900,\"minutes\":30}", "anna", "host password 1", null).statusCode());
        assertEquals(400, post("/building/api/cap", "{\"limitW\":2000,\"minutes\":600}", "anna", "host password 1", null).statusCode());
        assertTrue(control.cap == null);
        HttpResponse<String> r = post("/building/api/cap", "{\"limitW\":2000,\"minutes\":30}", "anna", "host password 1", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(2000, control.cap.limitW());
        assertEquals("host:anna", control.cap.actor());
    }

    @Test
    void theHostChangesAPluggedInSessionsModeAsHimself() throws Exception {
        FakeSessions sessions = (FakeSessions) servlet.sessions;
        assertEquals(409, post("/building/api/sockets/2", "{\"mode\":\"SOLAR_ONLY\"}", "anna", "host password 1", null).statusCode());
        sessions.open = new ChargingSession(UUID.randomUUID(), 2, ChargingMode.NOW, 0, null, Instant.now(), null, 10, 0, 0,
                null, ChargingSessions.PLUG);
        HttpResponse<String> r = post("/building/api/sockets/2", "{\"mode\":\"SOLAR_ONLY\"}", "anna", "host password 1", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("remote:host:anna", sessions.open.startedBy());
        assertEquals(ChargingMode.SOLAR_ONLY, sessions.open.mode());
        // the session is now the host's: a second change is refused, saying why
        r = post("/building/api/sockets/2", "{\"mode\":\"NOW\"}", "anna", "host password 1", null);
        assertEquals(409, r.statusCode(), r.body());
        assertEquals(ChargingMode.SOLAR_ONLY, sessions.open.mode());
    }

    @Test
    void theSessionsCsvHasOneLinePerSessionAndNoDriversTrace() throws Exception {
        HttpResponse<String> r = get("/building/api/sessions.csv", "bruno", "member password 1");
        assertEquals(200, r.statusCode());
        String[] lines = r.body().split("\r\n");
        assertEquals(SessionsCsv.HEADER, lines[0]);
        assertEquals(2, lines.length, r.body());
        assertTrue(lines[1].contains(",1,NOW,") && lines[1].contains(",1.500,0.750,0.500,0.45,"), lines[1]);
        assertFalse(r.body().contains("token"), r.body());
    }

    /** The module's claim code as the cloud link keeps it: a new one on each renewal. */
    static final class FakeClaim implements org.microsmartgrid.api.cloud.ModuleClaimCode {
        volatile String code = "7K3QD-AAAAA-BBBBB-CCCCC-DDDDD";
        volatile int renewed;

        public String code() {
            return code;
        }

        public String renew() {
            code = "7K3QD-AAAAA-BBBBB-CCCCC-DDDD" + ++renewed;
            return code;
        }
    }

    @Test
    void theHostSeesTheModulesClaimCodeAndMakesANewOneAMemberNeither() throws Exception {
        FakeClaim claim = new FakeClaim();
        servlet.claim = claim;
        var me = JsonParser.parseString(get("/building/api/me", "anna", "host password 1").body()).getAsJsonObject();
        assertTrue(me.get("claim").getAsBoolean());
        HttpResponse<String> shown = get("/building/api/claim-code", "anna", "host password 1");
        assertEquals(200, shown.statusCode(), shown.body());
        assertEquals("no-store", shown.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("7K3QD-AAAAA-BBBBB-CCCCC-DDDDD", JsonParser.parseString(shown.body()).getAsJsonObject().get("code").getAsString());

        HttpResponse<String> member = get("/building/api/claim-code", "bruno", "member password 1");
        assertEquals(403, member.statusCode());
        assertFalse(member.body().contains("7K3QD"), member.body());
        assertEquals(403, post("/building/api/claim-code", "{}", "bruno", "member password 1", null).statusCode());
        assertEquals(403, post("/building/api/claim-code", "{}", "anna", "host password 1", "http://evil.example").statusCode());
        assertEquals(0, claim.renewed, "refused: nothing changed");

        HttpResponse<String> renewed = http.send(HttpRequest.newBuilder(jetty.uri("/building/api/claim-code"))
                .header("Authorization", basic("anna", "host password 1")).header("Content-Type", "application/json")
                .header("X-CSRF-Token", me.get("csrf").getAsString()).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, renewed.statusCode(), renewed.body());
        assertEquals(1, claim.renewed);
        assertEquals("7K3QD-AAAAA-BBBBB-CCCCC-DDDD1", JsonParser.parseString(renewed.body()).getAsJsonObject().get("code").getAsString());

        servlet.claim = null; // no cloud link on this module
        assertEquals(404, get("/building/api/claim-code", "anna", "host password 1").statusCode());
        assertFalse(JsonParser.parseString(get("/building/api/me", "anna", "host password 1").body()).getAsJsonObject()
                .get("claim").getAsBoolean());
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(jetty.uri(path)).GET();
        if (user != null) b.header("Authorization", basic(user, password));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String user, String password, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(jetty.uri(path)).header("Content-Type", "application/json")
                .header("Authorization", basic(user, password)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) b.header("Origin", origin);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static final class FakeControl implements SiteControl {
        final Map<Integer, String> disabled = new TreeMap<>();
        PowerCap cap;

        @Override
        public Map<Integer, String> disabledSockets() {
            return Map.copyOf(disabled);
        }

        @Override
        public void setSocketEnabled(int socket, boolean enabled, String actor) {
            if (enabled) disabled.remove(socket);
            else disabled.put(socket, actor);
        }

        @Override
        public Optional<PowerCap> powerCap() {
            return Optional.ofNullable(cap);
        }

        @Override
        public PowerCap capPower(double limitW, Instant until, String actor) {
            cap = new PowerCap(limitW, until, actor, Instant.now());
            return cap;
        }

        @Override
        public void clearPowerCap(String actor) {
            cap = null;
        }
    }

    static final class FakeSessions implements ChargingSessions {
        final List<ChargingSession> all = new ArrayList<>(List.of(new ChargingSession(UUID.randomUUID(), 1, ChargingMode.NOW, 0, null,
                Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T10:00:00Z"), 1500, 750, 0.45, UNPLUGGED, "token:1a2b3c4d")));

        ChargingSession open;

        @Override
        public Optional<ChargingSession> active(int socket) {
            return Optional.ofNullable(open).filter(s -> s.socket() == socket);
        }

        @Override
        public ChargingSession start(int socket, ChargingMode mode, double targetWh, Instant deadline, String token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChargingSession startRemote(int socket, ChargingMode mode, double targetWh, Instant deadline, String actor) {
            // as the charging bundle: a plug-detected session is taken over, a remote or token one makes the socket busy
            if (open == null || open.socket() != socket || !PLUG.equals(open.startedBy()))
                throw new IllegalStateException("socket " + socket + " is busy");
            open = new ChargingSession(open.id(), socket, mode, 0, null, open.started(), null, open.energyWh(),
                    open.solarWh(), open.costEur(), null, "remote:" + actor);
            return open;
        }

        @Override
        public Optional<ChargingSession> stop(int socket, String actor) {
            return Optional.empty();
        }

        @Override
        public List<ChargingSession> recent(int limit) {
            return all;
        }
    }

    record SocketMeter(int socket) implements Meter {
        @Override
        public String id() {
            return "socket-" + socket;
        }

        @Override
        public MeterRole role() {
            return MeterRole.SOCKET;
        }

        @Override
        public MeterReading reading() {
            return MeterReading.none(id(), MeterRole.SOCKET, socket, Instant.now());
        }
    }

    @SuppressWarnings("all")
    static final class EnergyConfig implements EnergyAccountingConfig {
        public String file() { return "${msg.data}/energy.json"; }
        public int save_every_s() { return 3600; }
        public double max_power_w() { return 200_000; }
        public int keep_days() { return 800; }
        public Class<? extends Annotation> annotationType() { return EnergyAccountingConfig.class; }
    }

    @SuppressWarnings("all")
    static final class PageConfig implements HostPageConfig {
        private final boolean allowCap;
        PageConfig(boolean allowCap) { this.allowCap = allowCap; }
        public String[] hosts() { return new String[]{"anna:" + HOST_HASH}; }
        public String[] members() { return new String[]{"bruno:" + MEMBER_HASH}; }
        public String[] grid_price_eur_kwh() { return new String[]{"F1=0.30", "F2=0.27", "F3=0.22"}; }
        public double export_price_eur_kwh() { return 0.10; }
        public boolean allow_disable() { return true; }
        public boolean allow_mode() { return true; }
        public boolean allow_cap() { return allowCap; }
        public double cap_min_w() { return 1500; }
        public int cap_max_minutes() { return 240; }
        public Class<? extends Annotation> annotationType() { return HostPageConfig.class; }
    }
}
