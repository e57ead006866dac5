package org.microsmartgrid.console.reservations;

import org.microsmartgrid.console.PluginPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.Reservation;
import org.microsmartgrid.api.control.SocketReservations;

/** The reservations page over real HTTP, behind a stand-in for the Web Console (as the doors page's test). */
class ReservationsPluginHttpTest {
    static PluginPage page;
    static volatile ReservationsPlugin plugin;

    /** Keeps reservations in a list and refuses an overlap naming the other one, as the loop's book does. */
    static final class FakeReservations implements SocketReservations {
        final List<Reservation> list = new ArrayList<>();
        final List<String> cancelledBy = new ArrayList<>();
        int next = 1;

        public List<Reservation> reservations() {
            return list.stream().sorted(Comparator.comparing(Reservation::from)).toList();
        }

        public Reservation reserve(int socket, Instant from, Instant until, String holder, String actor) {
            if (!until.isAfter(from)) throw new IllegalArgumentException("la fine deve seguire l'inizio / end before start");
            for (Reservation r : list)
                if (r.socket() == socket && r.from().isBefore(until) && from.isBefore(r.until()))
                    throw new IllegalArgumentException("presa " + socket + " già prenotata " + r.from() + "–" + r.until());
            Reservation r = new Reservation("r" + next++, socket, from, until, holder, actor, from, false);
            list.add(r);
            return r;
        }

        public boolean cancel(String id, String actor) {
            boolean gone = list.removeIf(r -> r.id().equals(id));
            if (gone) cancelledBy.add(id + " " + actor);
            return gone;
        }
    }

    FakeReservations book;

    @BeforeAll
    static void start() throws Exception {
        page = new PluginPage("/system/console/reservations", () -> plugin);
    }

    @AfterAll
    static void stop() throws Exception {
        page.close();
    }

    @BeforeEach
    void plugin() {
        book = new FakeReservations();
        plugin = new ReservationsPlugin(() -> book, ZoneId.of("Europe/Rome"), new SecureRandom());
        page.logIn("anna");
    }

    @Test
    void anInstallerReservesSeesItAndCancelsIt() throws Exception {
        String page = get().body();
        assertTrue(page.contains("Nessuna prenotazione"), page);
        HttpResponse<String> r = post("action=reserve&socket=2&from=2026-12-07T18:00&until=2026-12-07T20:00"
                + "&holder=" + enc("token:1a2b<3c>") + "&csrf=" + token(page));
        assertEquals(303, r.statusCode(), r.body());
        Reservation made = book.list.get(0);
        assertEquals(Instant.parse("2026-12-07T17:00:00Z"), made.from(), "the form's times are Italian time");
        assertEquals(Instant.parse("2026-12-07T19:00:00Z"), made.until());
        assertEquals("console:anna", made.actor());

        String shown = get().body();
        assertTrue(shown.contains("socket 2 reserved"), shown);
        assertTrue(shown.contains("2026-12-07 18:00") && shown.contains("2026-12-07 20:00"), shown);
        assertTrue(shown.contains("token:1a2b&lt;3c&gt;"), "the holder is escaped: " + shown);

        HttpResponse<String> c = post("action=cancel&id=" + made.id() + "&csrf=" + token(shown));
        assertEquals(303, c.statusCode(), c.body());
        assertEquals(List.of(made.id() + " console:anna"), book.cancelledBy);
        assertTrue(get().body().contains("Reservation cancelled"));
        assertEquals(404, post("action=cancel&id=" + made.id() + "&csrf=" + token(shown)).statusCode(),
                "a reservation cancelled twice");
    }

    @Test
    void anOverlapIsRefusedWithTheReasonAndChangesNothing() throws Exception {
        String token = token(get().body());
        assertEquals(303, post("action=reserve&socket=2&from=2026-12-07T18:00&until=2026-12-07T20:00"
                + "&holder=token:1a2b3c4d&csrf=" + token).statusCode());
        HttpResponse<String> r = post("action=reserve&socket=2&from=2026-12-07T19:00&until=2026-12-07T21:00"
                + "&holder=token:99999999&csrf=" + token);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("id=\"error\"") && r.body().contains("già prenotata"), r.body());
        assertEquals(1, book.list.size());
        assertEquals(303, post("action=reserve&socket=2&from=2026-12-07T20:00&until=2026-12-07T21:00"
                + "&holder=token:99999999&csrf=" + token).statusCode(), "back-to-back windows are fine");
    }

    @Test
    void badFormsAre400WithTheReasonAndReserveNothing() throws Exception {
        String token = token(get().body());
        for (String form : new String[] {"action=reserve&socket=0&from=2026-12-07T18:00&until=2026-12-07T20:00&holder=h",
                "action=reserve&socket=x&from=2026-12-07T18:00&until=2026-12-07T20:00&holder=h",
                "action=reserve&socket=2&from=tomorrow&until=2026-12-07T20:00&holder=h",
                "action=reserve&socket=2&from=2026-12-07T18:00&until=2026-12-07T20:00&holder=",
                "action=reserve&socket=2&from=2026-12-07T20:00&until=2026-12-07T18:00&holder=h",
                "action=drop&id=r1"}) {
            HttpResponse<String> r = post(form + "&csrf=" + token);
            assertEquals(400, r.statusCode(), form);
            assertTrue(r.body().contains("id=\"error\""), form + ": " + r.body());
        }
        assertTrue(book.list.isEmpty());
    }

    @Test
    void aCrossSitePostOrNoLoginChangesNothing() throws Exception {
        HttpResponse<String> forged = post("action=reserve&socket=2&from=2026-12-07T18:00&until=2026-12-07T20:00"
                + "&holder=h&csrf=forged", "Origin", "https://evil.example");
        assertEquals(403, forged.statusCode());
        page.logIn(null);
        assertEquals(403, get().statusCode());
        assertFalse(get().body().contains("<form"));
        assertTrue(book.list.isEmpty());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
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
