package org.microsmartgrid.console.reservations;

import org.microsmartgrid.testing.JettyServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.Reservation;
import org.microsmartgrid.api.control.SocketReservations;
import org.microsmartgrid.console.InstallerAuthentication;

/** The reservations page over real HTTP, behind a stand-in for the Web Console (as the doors page's test). */
class ReservationsPluginHttpTest {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static JettyServer server;
    static volatile ReservationsPlugin plugin;
    static volatile String loggedIn;

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

    @SuppressWarnings("serial")
    static final class ConsoleStandIn extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            if (loggedIn != null) req.setAttribute(InstallerAuthentication.REMOTE_USER, loggedIn);
            req.setAttribute("felix.webconsole.pluginRoot", "/system/console/reservations");
            if ("GET".equals(req.getMethod())) resp.setContentType("text/html; charset=utf-8");
            plugin.service(req, resp);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = new JettyServer(new ConsoleStandIn(), "/system/console/*");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void plugin() {
        book = new FakeReservations();
        plugin = new ReservationsPlugin(() -> book, ZoneId.of("Europe/Rome"), new SecureRandom());
        loggedIn = "anna";
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
        loggedIn = null;
        assertEquals(403, get().statusCode());
        assertFalse(get().body().contains("<form"));
        assertTrue(book.list.isEmpty());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get() throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.uri("/system/console/reservations"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String form, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri("/system/console/reservations"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String token(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }
}
