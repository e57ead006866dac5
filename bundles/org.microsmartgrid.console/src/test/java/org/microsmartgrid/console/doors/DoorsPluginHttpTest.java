package org.microsmartgrid.console.doors;

import org.microsmartgrid.console.PluginPage;
import org.microsmartgrid.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorState;
import org.microsmartgrid.api.building.DoorAccess.LiveCode;

/** The doors page over real HTTP, behind a stand-in for the Web Console (as the relay page's test). */
class DoorsPluginHttpTest {
    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    static PluginPage page;
    static volatile DoorsPlugin plugin;

    /** A door service that records what it is asked; it refuses an intervention without a reason, as the real one. */
    static final class FakeAccess implements DoorAccess {
        final List<String> issued = new ArrayList<>();
        final List<LiveCode> live = new ArrayList<>(List.of(new LiveCode("c-<7>", "portone", CodeKind.COURIER,
                NOW, NOW.plus(Duration.ofHours(2)), "coap:bms-1")));
        final List<String> revoked = new ArrayList<>();

        public List<LiveCode> liveCodes() {
            return List.copyOf(live);
        }

        public boolean revoke(String codeId, String by) {
            if (!live.removeIf(c -> c.id().equals(codeId))) return false;
            revoked.add(codeId + " " + by);
            return true;
        }

        public List<DoorState> doors() {
            return List.of(new DoorState("portone", "Portone <b>via Padova</b>", "FAIL_SECURE", false, "CLOSED", false));
        }

        public IssuedCode issue(String door, CodeKind kind, Instant from, Instant until, String reason, String by) {
            if (kind == CodeKind.INTERVENTION && reason == null)
                throw new IllegalArgumentException("Motivo obbligatorio / a reason is required");
            issued.add(door + " " + kind + " " + from + " " + until + " " + by);
            return new IssuedCode("id-1", door, kind, from, until, "48151623");
        }

        public AccessResult redeem(String door, String code, String via) {
            throw new UnsupportedOperationException();
        }
    }

    FakeAccess access;

    @BeforeAll
    static void start() throws Exception {
        page = new PluginPage("/system/console/doors", () -> plugin);
    }

    @AfterAll
    static void stop() throws Exception {
        page.close();
    }

    @BeforeEach
    void plugin() {
        access = new FakeAccess();
        plugin = new DoorsPlugin(() -> access, new ManualClock(NOW), ZoneId.of("Europe/Rome"), new SecureRandom());
        page.logIn("anna");
    }

    @Test
    void anInstallerIssuesACodeAndSeesItOnce() throws Exception {
        String page = get().body();
        assertTrue(page.contains("Portone &lt;b&gt;via Padova&lt;/b&gt;"), "names are escaped: " + page);
        HttpResponse<String> r = post("door=portone&kind=COURIER&minutes=90&csrf=" + token(page));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(List.of("portone COURIER 2026-12-07T09:00:00Z 2026-12-07T10:30:00Z installer:anna"), access.issued);

        String shown = get().body();
        assertTrue(shown.contains(">48151623<"), shown);
        assertTrue(shown.contains("2026-12-07 10:00"), "in Italian time");
        assertFalse(get().body().contains("48151623"), "shown once");
    }

    @Test
    void badFormsAre400WithTheReasonAndIssueNothing() throws Exception {
        String token = token(get().body());
        for (String form : new String[] {"door=cantina&kind=COURIER&minutes=60", "door=portone&kind=X&minutes=60",
                "door=portone&kind=COURIER&minutes=abc", "door=portone&kind=COURIER&minutes=0",
                "door=portone&kind=INTERVENTION&minutes=60"}) {
            HttpResponse<String> r = post(form + "&csrf=" + token);
            assertEquals(400, r.statusCode(), form);
            assertTrue(r.body().contains("id=\"error\""), form + ": " + r.body());
        }
        assertTrue(access.issued.isEmpty());
    }

    @Test
    void aCrossSitePostOrNoLoginIssuesNothing() throws Exception {
        HttpResponse<String> forged = post("door=portone&kind=COURIER&minutes=60&csrf=forged", "Origin",
                "https://evil.example");
        assertEquals(403, forged.statusCode());
        page.logIn(null);
        assertEquals(403, get().statusCode());
        assertTrue(access.issued.isEmpty());
    }

    @Test
    void anInstallerSeesTheLiveCodesAndRevokesOne() throws Exception {
        String page = get().body();
        assertTrue(page.contains("id=\"codes\"") && page.contains("c-&lt;7&gt;"), "listed, escaped: " + page);
        assertTrue(page.contains("2026-12-07 10:00 &ndash; 2026-12-07 12:00"), page);
        HttpResponse<String> r = post("action=revoke&id=" + java.net.URLEncoder.encode("c-<7>",
                java.nio.charset.StandardCharsets.UTF_8) + "&csrf=" + token(page));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(List.of("c-<7> installer:anna"), access.revoked);
        String after = get().body();
        assertTrue(after.contains("will never open") && after.contains("no-codes"), after);

        HttpResponse<String> again = post("action=revoke&id=c-7&csrf=" + token(after));
        assertEquals(404, again.statusCode());
        assertTrue(again.body().contains("id=\"error\""), again.body());
        assertEquals(403, post("action=revoke&id=c-7&csrf=forged", "Origin", "https://evil.example").statusCode());
        assertEquals(1, access.revoked.size(), "nothing else revoked");
    }

    static HttpResponse<String> get() throws Exception {
        return page.get();
    }

    static HttpResponse<String> post(String form, String... headers) throws Exception {
        return page.post(form, headers);
    }

    static String token(String html) {
        return PluginPage.csrf(html);
    }
}
