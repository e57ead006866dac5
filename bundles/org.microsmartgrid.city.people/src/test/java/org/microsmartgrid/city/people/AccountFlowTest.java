package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.people.Client.json;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

/** Sign-up with e-mail verification, login, logout and password reset, as a person goes through them. */
class AccountFlowTest {

    static TestCity city;

    @BeforeAll
    static void start() throws Exception {
        city = new TestCity();
    }

    @AfterAll
    static void stop() throws Exception {
        city.close();
    }

    @Test
    void signUpVerifyLoginLogout() throws Exception {
        Client c = city.client();
        var r = c.post("/api/v1/account/signup", json("email", "Anna@Example.org", "password", "correct horse battery",
                "display_name", "Anna è qui"));
        assertEquals(202, r.status(), r.text());
        assertEquals(403, c.loginCookie("anna@example.org", "correct horse battery").status(), "not verified yet");
        String code = city.lastCode("anna@example.org");
        assertTrue(GreenMailUtil.getBody(city.mailsTo("anna@example.org").get(0)).contains("https://city.example.org/#verify="));
        assertEquals(200, c.post("/api/v1/account/verify", json("token", code)).status());
        assertEquals(400, c.post("/api/v1/account/verify", json("token", code)).status(), "a code works once");

        r = c.loginCookie("ANNA@example.org", "correct horse battery");
        assertEquals(200, r.status(), r.text());
        String setCookie = r.setCookies().get(0);
        for (String attribute : new String[] {"HttpOnly", "Secure", "SameSite=Strict", "Path=/"})
            assertTrue(setCookie.contains(attribute), setCookie);
        var me = c.get("/api/v1/account/me");
        assertEquals(200, me.status());
        assertEquals("anna@example.org", me.json().get("email").getAsString());
        assertEquals("Anna è qui", me.json().get("display_name").getAsString());
        assertEquals("[\"CITIZEN\"]", me.json().get("roles").toString());

        String old = c.cookie;
        assertEquals(204, c.post("/api/v1/account/logout", null).status());
        c.cookie = old; // a copy of the cookie kept by someone is worth nothing after logout
        assertEquals(401, c.get("/api/v1/account/me").status());
    }

    @Test
    void signingUpAgainDoesNotTellTheAddressHasAnAccount() throws Exception {
        Client c = city.client();
        c.signUpAndVerify("bruno@example.org", "correct horse battery", "Bruno");
        var again = c.post("/api/v1/account/signup", json("email", "bruno@example.org", "password", "another password 1",
                "display_name", "Impostore"));
        assertEquals(202, again.status(), "the same answer as a new address");
        var mails = city.mailsTo("bruno@example.org");
        assertEquals(2, mails.size());
        assertTrue(mails.get(1).getSubject().contains("already exists"));
        assertEquals(200, c.loginCookie("bruno@example.org", "correct horse battery").status(), "the first password still works");
        assertEquals(401, city.client().loginCookie("bruno@example.org", "another password 1").status());
    }

    @Test
    void passwordResetEndsEverySessionAndOnlyTheNewPasswordWorks() throws Exception {
        Client c = city.client();
        c.signUpAndVerify("carla@example.org", "correct horse battery", "Carla");
        c.loginCookie("carla@example.org", "correct horse battery");
        Client app = city.client();
        app.loginBearer("carla@example.org", "correct horse battery");

        Client stranger = city.client();
        assertEquals(202, stranger.post("/api/v1/account/password-reset", json("email", "nobody@example.org")).status(),
                "an unknown address gets the same answer");
        assertEquals(202, stranger.post("/api/v1/account/password-reset", json("email", "carla@example.org")).status());
        String code = city.lastCode("carla@example.org");
        assertEquals(400, stranger.post("/api/v1/account/password-reset/confirm", json("token", code, "password", "short")).status());
        assertEquals(200, stranger.post("/api/v1/account/password-reset/confirm",
                json("token", code, "password", "a brand new passphrase")).status());
        assertEquals(400, stranger.post("/api/v1/account/password-reset/confirm",
                json("token", code, "password", "yet another passphrase")).status(), "a code works once");

        assertEquals(401, c.get("/api/v1/account/me").status(), "the page's session ended");
        assertEquals(401, app.get("/api/v1/account/me").status(), "the app's token ended");
        assertEquals(401, city.client().loginCookie("carla@example.org", "correct horse battery").status());
        assertEquals(200, city.client().loginCookie("carla@example.org", "a brand new passphrase").status());
    }

    @Test
    void badSignUpsAreRefusedAndCreateNothing() throws Exception {
        Client c = city.client();
        long before = city.db.count("SELECT COUNT(*) FROM account");
        String[][] bad = {
                {"not-an-address", "correct horse battery", "Dario"},
                {"dario@example.org", "short", "Dario"},
                {"dario@example.org", "dario@example.org", "Dario"},
                {"dario@example.org", "correct horse battery", "D"},
                {"dario@example.org", "correct horse battery", "Dario\u202Eoiriad"},
                {"dario@example.org\r\nBcc: all@example.org", "correct horse battery", "Dario"},
        };
        for (String[] b : bad) {
            var r = c.post("/api/v1/account/signup", json("email", b[0], "password", b[1], "display_name", b[2]));
            assertEquals(400, r.status(), String.join(" | ", b));
            assertTrue(r.type().startsWith("application/problem+json"), r.type());
            assertFalse(r.json().get("detail").getAsString().isBlank());
        }
        assertEquals(before, city.db.count("SELECT COUNT(*) FROM account"));
        assertTrue(city.mailsTo("dario@example.org").isEmpty());
    }

    @Test
    void anAppGetsABearerTokenAndNeedsNoCsrfToken() throws Exception {
        Client app = city.client();
        app.signUpAndVerify("elio@example.org", "correct horse battery", "Elio");
        var r = app.loginBearer("elio@example.org", "correct horse battery");
        assertTrue(r.setCookies().isEmpty(), "no cookie for an app");
        assertEquals(200, app.post("/api/v1/account/provider", null).status());
        String token = app.bearer;
        app.bearer = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
        assertEquals(401, app.get("/api/v1/account/me").status(), "a forged token");
        app.bearer = token;
        assertEquals(204, app.post("/api/v1/account/logout", null).status());
        assertEquals(401, app.get("/api/v1/account/me").status());
        assertNotEquals(null, token);
    }
}
