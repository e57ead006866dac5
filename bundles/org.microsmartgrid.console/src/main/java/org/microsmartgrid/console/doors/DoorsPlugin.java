package org.microsmartgrid.console.doors;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorAccess.IssuedCode;
import org.microsmartgrid.api.building.DoorState;
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
 * The Web Console page "Doors / Porte" (/system/console/doors): the doors' state, the live codes with a button to
 * revoke each, and a form to issue a one-time code (docs/building-access.md). Reachable only through the console after the installer login; a POST needs the CSRF
 * token. The code is shown once, on the page the POST redirects to (303, so a reload issues nothing), and kept in
 * memory at most {@link #SHOW_FOR}; the journal has who issued it as {@code installer:<name>}.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + DoorsPlugin.LABEL,
        "felix.webconsole.title=Doors / Porte",
        "felix.webconsole.category=Micro Smart Grid"})
@SuppressWarnings("serial")
public final class DoorsPlugin extends HttpServlet {
    public static final String LABEL = "doors";
    static final Duration SHOW_FOR = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(DoorsPlugin.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DoorAccess access;

    private final transient Supplier<DoorAccess> source;
    private final transient Clock clock;
    private final transient ZoneId zone;
    private final transient CsrfGuard csrf;
    private final transient Map<String, Shown> shown = new ConcurrentHashMap<>();
    /** What the next GET tells this installer, once (a revocation done). */
    private final transient Map<String, String> done = new ConcurrentHashMap<>();

    /** What the next GET shows this installer, once. */
    private record Shown(IssuedCode code, Instant at) {
    }

    /** For DS. */
    public DoorsPlugin() {
        this.source = () -> access;
        this.clock = Clock.systemUTC();
        this.zone = ZoneId.of("Europe/Rome");
        this.csrf = new CsrfGuard(new SecureRandom());
    }

    /** For tests. */
    DoorsPlugin(Supplier<DoorAccess> access, Clock clock, ZoneId zone, SecureRandom random) {
        this.source = access;
        this.clock = clock;
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
        DoorAccess a = source.get();
        List<DoorState> doors = a == null ? List.of() : a.doors();
        Shown s = shown.remove(user);
        if (s != null && clock.instant().isAfter(s.at().plus(SHOW_FOR))) s = null;
        response.setHeader("Cache-Control", "no-store"); // the page may hold a code
        response.getWriter().write(DoorsPage.render(doors, a == null ? List.of() : a.liveCodes(), a != null,
                InstallerWrite.pluginRoot(request), csrf.tokenFor(user), s == null ? null : s.code(), done.remove(user), null, zone));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> writer = InstallerWrite.allowed(request, csrf, "Door code", LOG,
                (s, m) -> InstallerWrite.sendText(response, s, m));
        if (writer.isEmpty()) return;
        String user = writer.get();
        DoorAccess a = source.get();
        if (a == null) {
            InstallerWrite.sendText(response, 503, "Nessun servizio porte / No door service on this module");
            return;
        }
        if ("revoke".equals(request.getParameter("action"))) {
            revoke(request, response, a, user);
            return;
        }
        Set<String> ids = a.doors().stream().map(DoorState::id).collect(Collectors.toSet());
        Instant now = clock.instant();
        try {
            CodeForm f = CodeForm.parse(request.getParameterMap(), ids, now);
            IssuedCode code = a.issue(f.door(), f.kind(), f.from(), f.until(), f.reason(), "installer:" + user);
            shown.put(user, new Shown(code, now));
            response.setStatus(303);
        } catch (CodeForm.Invalid | IllegalArgumentException e) {
            // refused, nothing issued: the page says why (and the status says so to a script)
            LOG.info("Door code asked by installer '{}' refused: {}", user, e.getMessage());
            refused(request, response, a, user, 400, e.getMessage());
            return;
        }
        response.setHeader("Location", InstallerWrite.pluginRoot(request));
    }

    /** Revokes a live code; the journal has who did it as {@code installer:<name>}. */
    private void revoke(HttpServletRequest request, HttpServletResponse response, DoorAccess a, String user)
            throws IOException {
        String id = request.getParameter("id");
        if (id == null || id.isBlank() || !a.revoke(id.strip(), "installer:" + user)) {
            refused(request, response, a, user, 404, "Nessun codice valido con id '" + (id == null ? "" : id)
                    + "' (già usato, scaduto o revocato) / no live code with that id (used, ended or revoked)");
            return;
        }
        LOG.info("Door code {} revoked by installer '{}'", id, user);
        done.put(user, "Codice " + id.strip() + " revocato: non aprirà più / code " + id.strip()
                + " revoked: it will never open");
        response.setStatus(303);
        response.setHeader("Location", InstallerWrite.pluginRoot(request));
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, DoorAccess a, String user,
                         int status, String why) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.getWriter().write(DoorsPage.render(a.doors(), a.liveCodes(), true, InstallerWrite.pluginRoot(request),
                csrf.tokenFor(user), null, null, why, zone));
    }

}
