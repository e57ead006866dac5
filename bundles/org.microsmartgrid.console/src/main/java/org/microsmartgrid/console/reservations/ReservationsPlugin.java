package org.microsmartgrid.console.reservations;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.microsmartgrid.api.control.Reservation;
import org.microsmartgrid.api.control.SocketReservations;
import org.microsmartgrid.console.auth.CsrfGuard;
import org.microsmartgrid.console.pages.InstallerWrite;
import org.microsmartgrid.console.relays.RelaysPlugin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web Console page "Reservations / Prenotazioni" (/system/console/reservations): the sockets' reservations, a
 * form to reserve one and a button to cancel each (docs/reservations.md). Reachable only through the console after
 * the installer login; a POST needs the CSRF token. A done request redirects (303, so a reload does nothing twice);
 * a refused one (an overlap, a bad window) is 400 with the loop's reason on the page, and nothing changes. The
 * reservation's actor is {@code console:<installer>}.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + ReservationsPlugin.LABEL,
        "felix.webconsole.title=Reservations / Prenotazioni",
        "felix.webconsole.category=Micro Smart Grid"})
@SuppressWarnings("serial")
public final class ReservationsPlugin extends HttpServlet {
    public static final String LABEL = "reservations";
    private static final Logger LOG = LoggerFactory.getLogger(ReservationsPlugin.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SocketReservations reservations;

    private final transient Supplier<SocketReservations> source;
    private final transient ZoneId zone;
    private final transient CsrfGuard csrf;
    /** What the next GET tells this installer, once. */
    private final transient Map<String, String> done = new ConcurrentHashMap<>();

    /** For DS. */
    public ReservationsPlugin() {
        this.source = () -> reservations;
        this.zone = ZoneId.of("Europe/Rome");
        this.csrf = new CsrfGuard(new SecureRandom());
    }

    /** For tests. */
    ReservationsPlugin(Supplier<SocketReservations> reservations, ZoneId zone, SecureRandom random) {
        this.source = reservations;
        this.zone = zone;
        this.csrf = new CsrfGuard(random);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = InstallerWrite.installer(request);
        if (user == null) {
            InstallerWrite.sendText(response, 403, "Accesso negato / Not logged in");
            return;
        }
        SocketReservations r = source.get();
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(ReservationsPage.render(r == null ? List.of() : r.reservations(), r != null,
                InstallerWrite.pluginRoot(request), csrf.tokenFor(user), done.remove(user), null, zone));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> writer = InstallerWrite.allowed(request, csrf, "Reservation change", LOG,
                (s, m) -> InstallerWrite.sendText(response, s, m));
        if (writer.isEmpty()) return;
        String user = writer.get();
        SocketReservations r = source.get();
        if (r == null) {
            InstallerWrite.sendText(response, 503, "Il ciclo di controllo non è attivo / The control loop is not running");
            return;
        }
        String actor = "console:" + user;
        String action = request.getParameter("action");
        if ("cancel".equals(action)) {
            String id = request.getParameter("id");
            if (id == null || id.isBlank() || !r.cancel(id.strip(), actor)) {
                refuse(request, response, r, user, 404, "Prenotazione non trovata (finita, scaduta o già annullata) / "
                        + "no such reservation (ended, expired or cancelled)");
                return;
            }
            LOG.info("Reservation {} cancelled by {}", id, actor);
            done.put(user, "Prenotazione annullata / Reservation cancelled");
        } else if ("reserve".equals(action)) {
            try {
                ReservationForm f = ReservationForm.parse(request.getParameterMap(), zone);
                Reservation made = r.reserve(f.socket(), f.from(), f.until(), f.holder(), actor);
                LOG.info("Socket {} reserved by {} ({})", made.socket(), actor, made.id());
                done.put(user, "Presa " + made.socket() + " prenotata / socket " + made.socket() + " reserved "
                        + ReservationsPage.time(made.from(), zone) + " – " + ReservationsPage.time(made.until(), zone));
            } catch (ReservationForm.Invalid | IllegalArgumentException e) {
                // refused, nothing reserved: the page says why (and the status says so to a script)
                LOG.info("Reservation asked by installer '{}' refused: {}", user, e.getMessage());
                refuse(request, response, r, user, 400, e.getMessage());
                return;
            }
        } else {
            refuse(request, response, r, user, 400, "Azione sconosciuta / unknown action: reserve or cancel");
            return;
        }
        response.setStatus(303);
        response.setHeader("Location", InstallerWrite.pluginRoot(request));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, SocketReservations r, String user,
                        int status, String why) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.getWriter().write(ReservationsPage.render(r.reservations(), true, InstallerWrite.pluginRoot(request),
                csrf.tokenFor(user), null, why, zone));
    }

}
