package org.microsmartgrid.console.claim;

import org.microsmartgrid.console.PluginPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.cloud.ModuleClaimCode;

/** The claim-code page over real HTTP, behind a stand-in for the Web Console (as the doors page's test). */
class ClaimPluginHttpTest {
    static PluginPage page;
    static volatile ClaimPlugin plugin;

    /** The cloud link's claim code: counts renewals, each a new code. */
    static final class FakeClaim implements ModuleClaimCode {
        volatile String code = "7K3QD-AAAAA-BBBBB-CCCCC-DDDDD";
        volatile int renewed;

        public String code() {
            return code;
        }

        public String renew() {
            renewed++;
            code = "7K3QD-AAAAA-BBBBB-CCCCC-DDDD" + renewed;
            return code;
        }
    }

    volatile FakeClaim claim;

    @BeforeAll
    static void start() throws Exception {
        page = new PluginPage("/system/console/claim", () -> plugin);
    }

    @AfterAll
    static void stop() throws Exception {
        page.close();
    }

    @BeforeEach
    void plugin() {
        claim = new FakeClaim();
        plugin = new ClaimPlugin(() -> claim, new SecureRandom());
        page.logIn("anna");
    }

    @Test
    void theInstallerSeesTheCodeAndMakesANewOne() throws Exception {
        HttpResponse<String> page = get();
        assertEquals(200, page.statusCode());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""), "never cached: a secret");
        assertEquals("7K3QD-AAAAA-BBBBB-CCCCC-DDDDD", shownCode(page.body()));
        assertTrue(page.body().contains("Rivendica un modulo") && page.body().contains("Claim a module"));

        HttpResponse<String> r = post("action=renew&csrf=" + token(page.body()));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(1, claim.renewed);
        String after = get().body();
        assertEquals("7K3QD-AAAAA-BBBBB-CCCCC-DDDD1", shownCode(after));
        assertTrue(after.contains("id=\"done\"") && after.contains("no longer works"), after);
        assertFalse(get().body().contains("id=\"done\""), "said once");
    }

    @Test
    void aCrossSitePostOrNoLoginShowsAndChangesNothing() throws Exception {
        assertEquals(403, post("action=renew&csrf=forged", "Origin", "https://evil.example").statusCode());
        assertEquals(403, post("action=renew", "Referer", "https://evil.example/page").statusCode(), "no token");
        page.logIn(null);
        HttpResponse<String> anonymous = get();
        assertEquals(403, anonymous.statusCode());
        assertFalse(anonymous.body().contains("7K3QD"), "no code without the login");
        assertEquals(0, claim.renewed);
    }

    @Test
    void aNewCodeThatCannotBeSavedChangesNothing() throws Exception {
        ModuleClaimCode full = new ModuleClaimCode() { // the module's data disk is full
            public String code() {
                return "7K3QD-AAAAA-BBBBB-CCCCC-DDDDD";
            }

            public String renew() {
                throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
            }
        };
        plugin = new ClaimPlugin(() -> full, new SecureRandom());
        HttpResponse<String> r = post("action=renew&csrf=" + token(get().body()));
        assertEquals(503, r.statusCode());
        assertTrue(r.body().contains("the current one still works"), r.body());
        assertEquals("7K3QD-AAAAA-BBBBB-CCCCC-DDDDD", shownCode(get().body()));
    }

    @Test
    void withoutACloudLinkThePageSaysSo() throws Exception {
        String token = token(get().body());
        claim = null; // the cloud link is not configured (or went away)
        HttpResponse<String> page = get();
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"no-link\"") && !page.body().contains("claim-code"), page.body());
        assertEquals(503, post("action=renew&csrf=" + token).statusCode());
    }

    static String shownCode(String page) {
        Matcher m = Pattern.compile("id=\"claim-code\"[^>]*>([^<]+)<").matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
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
