package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.people.account.Accounts;
import org.microsmartgrid.city.people.account.PasswordHasher;
import org.microsmartgrid.city.people.account.Session;
import org.microsmartgrid.city.people.mail.Mailer;
import org.microsmartgrid.city.people.store.Db;
import org.microsmartgrid.city.people.web.ApiError;

/** Codes and sessions end when they should (a clock the test moves; no waiting). */
class ExpiryTest {

    private static final AtomicInteger N = new AtomicInteger();

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-06-01T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final MovableClock clock = new MovableClock();
    final List<String> bodies = new ArrayList<>();
    final Accounts accounts;

    ExpiryTest() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:expiry" + N.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        Db.migrate(ds);
        Mailer mailer = (to, subject, body) -> bodies.add(body);
        accounts = new Accounts(new Db(ds), new PasswordHasher(PasswordHasher.MIN_ITERATIONS), mailer,
                "https://city.example.org", 100, clock);
    }

    String lastCode() {
        Matcher m = Pattern.compile("code: ([A-Za-z0-9_-]{43})").matcher(bodies.get(bodies.size() - 1));
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void aVerificationCodeEndsAfter48Hours() {
        accounts.signUp("late@example.org", "correct horse battery".toCharArray(), "Tardi", "10.0.0.1");
        String code = lastCode();
        clock.advance(Duration.ofHours(48).plusSeconds(1));
        assertThrows(ApiError.class, () -> accounts.verify(code));
        assertTrue(!accounts.byEmail("late@example.org").orElseThrow().verified());
    }

    @Test
    void aResetCodeEndsAfterAnHour() {
        accounts.signUp("reset@example.org", "correct horse battery".toCharArray(), "Reset", "10.0.0.1");
        accounts.verify(lastCode());
        accounts.requestReset("reset@example.org", "10.0.0.1");
        String code = lastCode();
        clock.advance(Duration.ofMinutes(61));
        ApiError e = assertThrows(ApiError.class, () -> accounts.reset(code, "a brand new passphrase".toCharArray()));
        assertEquals(400, e.status);
        accounts.login("reset@example.org", "correct horse battery".toCharArray(), Session.Kind.BEARER, "10.0.0.1");
    }

    @Test
    void aCookieSessionEndsAfterTwoIdleHoursOrSevenDaysAndATokenAfter90Days() {
        accounts.signUp("idle@example.org", "correct horse battery".toCharArray(), "Idle", "10.0.0.1");
        accounts.verify(lastCode());
        String page = accounts.login("idle@example.org", "correct horse battery".toCharArray(), Session.Kind.COOKIE, "10.0.0.1").secret();
        String app = accounts.login("idle@example.org", "correct horse battery".toCharArray(), Session.Kind.BEARER, "10.0.0.1").secret();
        for (int i = 0; i < 6 * 24; i++) { // used every hour for six days: still open
            clock.advance(Duration.ofHours(1));
            assertTrue(accounts.session(page, Session.Kind.COOKIE).isPresent(), "hour " + i);
        }
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertTrue(accounts.session(page, Session.Kind.COOKIE).isEmpty(), "two idle hours end it");
        String again = accounts.login("idle@example.org", "correct horse battery".toCharArray(), Session.Kind.COOKIE, "10.0.0.1").secret();
        clock.advance(Duration.ofDays(7)); // even if it were used (absolute limit)
        assertTrue(accounts.session(again, Session.Kind.COOKIE).isEmpty());
        assertTrue(accounts.session(app, Session.Kind.BEARER).isPresent(), "the app's token lasts 90 days");
        assertTrue(accounts.session(app, Session.Kind.COOKIE).isEmpty(), "a token is not a cookie session");
        clock.advance(Duration.ofDays(80));
        assertTrue(accounts.session(app, Session.Kind.BEARER).isEmpty());
    }
}
