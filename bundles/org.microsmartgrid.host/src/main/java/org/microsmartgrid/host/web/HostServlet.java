package org.microsmartgrid.host.web;

import org.microsmartgrid.api.site.LiveSite;
import org.microsmartgrid.api.site.SiteReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.cloud.ModuleClaimCode;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.console.auth.Authenticator;
import org.microsmartgrid.console.auth.CsrfGuard;
import org.microsmartgrid.console.auth.DeviceCookies;
import org.microsmartgrid.host.energy.BandSplit;
import org.microsmartgrid.host.energy.EnergyAccounting;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /building/}: the building's own page for its hosts (who may change what the installer allows) and members
 * (read only), with its own login: HTTP Basic checked exactly like the installer console's (PBKDF2 hashes, throttled
 * wrong logins), against its own accounts. Without a configuration (no host) the component does not run and the
 * path answers 404: there is no default account.
 */
@Component(name = HostPageConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = Servlet.class)
@Designate(ocd = HostPageConfig.class)
@HttpWhiteboardServletPattern({"/building", "/building/*"})
@HttpWhiteboardServletName("org.microsmartgrid.host")
@HttpWhiteboardServletAsyncSupported
@SuppressWarnings("serial")
public final class HostServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(HostServlet.class);
    /** Not the console's cookie name: the two logins are separate. */
    static final String DEVICE_COOKIE = "msg-host-device";
    static final String REALM = "Basic realm=\"Edificio / Building\", charset=\"UTF-8\"";
    private static final Pattern SOCKET = Pattern.compile("/api/sockets/(\\d{1,4})");
    private static final Map<String, String> STATIC = Map.of(
            "/", "web/index.html;text/html",
            "/host.js", "web/host.js;text/javascript",
            "/host.css", "web/host.css;text/css",
            "/vendor/uplot/uPlot.iife.min.js", "web/vendor/uplot/uPlot.iife.min.js;text/javascript",
            "/vendor/uplot/uPlot.min.css", "web/vendor/uplot/uPlot.min.css;text/css",
            "/vendor/uplot/LICENSE", "web/vendor/uplot/LICENSE;text/plain");

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Meter> meters = List.of();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ControlLoopStatus loop;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SiteControl control;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ChargingSessions sessions;
    /** The loop's view of its last cycle: the page shows what the loop decided on, as /status and CoAP do. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile LiveSite liveSite;
    /** The module's own claim code (the cloud link's): hosts have the module in hand, so they may see it (docs/people.md). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ModuleClaimCode claim;

    private final transient EnergyAccounting energy;
    private final transient HostSettings settings;
    private final transient Authenticator authenticator;
    private final transient CsrfGuard csrf;
    private final transient Clock clock = Clock.systemUTC();
    private final transient EventStreams streams = new EventStreams();
    private final transient ScheduledExecutorService ticker;

    @Activate
    public HostServlet(@Reference EnergyAccounting energy, HostPageConfig config) {
        this.energy = energy;
        this.settings = HostSettings.validate(config);
        SecureRandom random = new SecureRandom();
        this.authenticator = new Authenticator(settings.auth(), clock, random, "Host page", "user");
        this.csrf = new CsrfGuard(random);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "msg-host-events"));
        ticker.scheduleWithFixedDelay(() -> {
            try {
                streams.broadcast(() -> flow().toString());
            } catch (RuntimeException e) {
                LOG.warn("Host page: live update failed: {}", e.toString());
            }
        }, 2, 2, TimeUnit.SECONDS);
        LOG.info("Host page: /building/ open for {} host(s) and {} member(s)", settings.hosts().size(),
                settings.auth().accounts().size() - settings.hosts().size());
    }

    @Deactivate
    public void deactivate() {
        ticker.shutdownNow();
        streams.closeAll();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                + "frame-ancestors 'none'; form-action 'self'");
        String user = authenticate(req, resp);
        if (user == null) return;
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        try {
            if (path.isEmpty()) {
                resp.sendRedirect(req.getContextPath() + req.getServletPath() + "/");
                return;
            }
            switch (req.getMethod()) {
                case "GET", "HEAD" -> get(path, user, req, resp);
                case "POST" -> post(path, user, req, resp);
                default -> throw new Problem(405, "Metodo non ammesso / Method not allowed", req.getMethod());
            }
        } catch (Problem p) {
            p.write(resp);
        } catch (IllegalArgumentException e) {
            // the site control refused the values (its own checks, e.g. a cap beyond 24 h)
            new Problem(400, "Valori non accettati / Values refused", e.getMessage()).write(resp);
        }
    }

    private void get(String path, String user, HttpServletRequest req, HttpServletResponse resp) throws IOException, Problem {
        String resource = STATIC.get(path);
        if (resource != null) {
            String[] r = resource.split(";", 2);
            try (InputStream in = HostServlet.class.getClassLoader().getResourceAsStream(r[0])) {
                if (in == null) throw new Problem(404, "Non trovato / Not found", path);
                resp.setContentType(r[1] + ";charset=UTF-8");
                resp.setHeader("Cache-Control", "no-cache");
                in.transferTo(resp.getOutputStream());
            }
            return;
        }
        resp.setHeader("Cache-Control", "no-store");
        switch (path) {
            case "/api/me" -> json(resp, me(user));
            case "/api/flow" -> json(resp, flow());
            case "/api/events" -> {
                if (!streams.open(req, resp, flow().toString()))
                    throw new Problem(503, "Troppe pagine aperte / Too many open pages", "max " + EventStreams.MAX_STREAMS);
            }
            case "/api/energy" -> {
                EnergyView.Period period;
                try {
                    period = EnergyView.Period.valueOf(String.valueOf(req.getParameter("period")).toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new Problem(400, "Periodo non valido / Invalid period", "period: today, month, year");
                }
                json(resp, EnergyView.of(period, BandSplit.day(clock.instant()), energy, settings.prices(), recentSessions()));
            }
            case "/api/sessions" -> {
                JsonArray a = new JsonArray();
                recentSessions().forEach(s -> a.add(FlowView.session(s)));
                JsonObject o = new JsonObject();
                o.add("sessions", a);
                json(resp, o);
            }
            case "/api/claim-code" -> json(resp, claimCode(user, false));
            case "/api/sessions.csv" -> {
                resp.setContentType("text/csv;charset=UTF-8");
                resp.setHeader("Content-Disposition", "attachment; filename=\"sessioni-sessions.csv\"");
                resp.getWriter().write(SessionsCsv.of(recentSessions(), clock.instant()));
            }
            default -> throw new Problem(404, "Non trovato / Not found", path);
        }
    }

    private void post(String path, String user, HttpServletRequest req, HttpServletResponse resp) throws IOException, Problem {
        if (!settings.isHost(user))
            throw new Problem(403, "Solo lettura / Read only", "Gli utenti membri possono solo guardare / Members can only look");
        Optional<String> refused = csrf.refusal(user, req.getHeader("X-CSRF-Token"), req.getHeader("Host"),
                req.getHeader("Origin"), req.getHeader("Referer"));
        if (refused.isPresent()) throw new Problem(403, "Richiesta rifiutata / Request refused", refused.get());
        JsonObject body = body(req);
        Matcher m = SOCKET.matcher(path);
        if (m.matches()) {
            json(resp, HostActions.socket(Integer.parseInt(m.group(1)), body, user, settings, control, sessions, socketCount()));
        } else if (path.equals("/api/claim-code")) {
            json(resp, claimCode(user, true));
        } else if (path.equals("/api/cap")) {
            json(resp, HostActions.cap(body, user, settings, control, clock.instant()));
        } else {
            throw new Problem(404, "Non trovato / Not found", path);
        }
    }

    /** The module's claim code for a host (members may not see it), a new one when asked; 404 without a cloud link. */
    private JsonObject claimCode(String user, boolean renew) throws Problem {
        if (!settings.isHost(user))
            throw new Problem(403, "Solo chi gestisce l'edificio / Hosts only", "Il codice di rivendicazione è per chi "
                    + "gestisce l'edificio / The claim code is for the building's hosts");
        ModuleClaimCode c = claim;
        if (c == null) throw new Problem(404, "Nessun collegamento alla città / No city link",
                "Questo modulo non è collegato a una città / This module has no cloud link");
        JsonObject o = new JsonObject();
        try {
            o.addProperty("code", renew ? c.renew() : c.code());
        } catch (java.io.UncheckedIOException e) {
            // not saved (a full disk): nothing changed, the current code still works
            throw new Problem(503, "Nuovo codice non salvato / New code not saved",
                    "Vale ancora il codice attuale / The current code still works");
        }
        if (renew) LOG.info("Host page: new claim code made by host '{}'", user);
        return o;
    }

    private JsonObject me(String user) {
        JsonObject o = new JsonObject();
        boolean host = settings.isHost(user);
        o.addProperty("user", user);
        o.addProperty("role", host ? "host" : "member");
        if (host) {
            o.addProperty("csrf", csrf.tokenFor(user));
            JsonObject allowed = new JsonObject();
            allowed.addProperty("disable", settings.allowDisable());
            allowed.addProperty("mode", settings.allowMode());
            allowed.addProperty("cap", settings.allowCap());
            allowed.addProperty("capMinW", settings.capMinW());
            allowed.addProperty("capMaxMinutes", settings.capMaxMinutes());
            o.add("allowed", allowed);
            o.addProperty("claim", claim != null);
        }
        return o;
    }

    JsonObject flow() {
        return FlowView.of(SiteReader.current(liveSite, clock.instant(), meters, null, loop, sessions, control));
    }

    private int socketCount() {
        int max = 0;
        for (Meter m : meters) if (m.role() == MeterRole.SOCKET) max = Math.max(max, m.socket());
        ControlLoopStatus l = loop;
        if (l != null) for (var a : l.lastDecision().map(d -> d.sockets()).orElse(List.of())) max = Math.max(max, a.socket());
        return max;
    }

    private List<ChargingSession> recentSessions() {
        ChargingSessions s = sessions;
        return s == null ? List.of() : s.recent(2000);
    }

    /**
     * The user, or null when the response (401 or 429) is already written. As the console: a browser where the user
     * logged in before carries a device cookie and is throttled on its own, so a script guessing a host's password
     * from the same address (the building's NAT) does not lock the host out.
     */
    private String authenticate(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String device = deviceCookie(req);
        Authenticator.Decision d = authenticator.authenticate(req.getRemoteAddr(), req.getHeader("Authorization"), device);
        if (d instanceof Authenticator.Decision.Granted g) {
            authenticator.deviceCookieFor(g.user(), device).ifPresent(token -> resp.addHeader("Set-Cookie",
                    DEVICE_COOKIE + "=" + token + "; Path=/building; Max-Age=" + DeviceCookies.VALIDITY.toSeconds()
                            + "; HttpOnly; SameSite=Strict"));
            return g.user();
        }
        if (d instanceof Authenticator.Decision.LockedOut l) {
            resp.setHeader("Retry-After", Long.toString(l.retryAfter().toSeconds()));
            new Problem(429, "Troppi tentativi / Too many attempts", "Riprova tra / Retry in " + l.retryAfter().toSeconds() + " s").write(resp);
            return null;
        }
        resp.setHeader("WWW-Authenticate", REALM);
        new Problem(401, "Accesso richiesto / Login required",
                "Accedi con il nome e la password dell'edificio / Log in with the building's name and password").write(resp);
        return null;
    }

    private static String deviceCookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) if (DEVICE_COOKIE.equals(c.getName())) return c.getValue();
        return null;
    }

    private static JsonObject body(HttpServletRequest req) throws IOException, Problem {
        if (req.getContentLength() > 4096) throw new Problem(413, "Richiesta troppo grande / Request too large", "max 4096 bytes");
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))
            throw new Problem(415, "Formato non supportato / Unsupported format", "application/json");
        try (Reader r = new java.io.InputStreamReader(req.getInputStream(), StandardCharsets.UTF_8)) {
            char[] buf = new char[4097];
            int n = r.read(buf);
            int total = Math.max(0, n);
            while (n > 0 && total < buf.length) {
                n = r.read(buf, total, buf.length - total);
                if (n > 0) total += n;
            }
            if (total > 4096) throw new Problem(413, "Richiesta troppo grande / Request too large", "max 4096 bytes");
            var e = JsonParser.parseString(new String(buf, 0, total));
            if (!e.isJsonObject()) throw new Problem(400, "Richiesta non valida / Bad request", "un oggetto JSON / a JSON object");
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new Problem(400, "Richiesta non valida / Bad request", "JSON non valido / invalid JSON");
        }
    }

    private static void json(HttpServletResponse resp, JsonObject o) throws IOException {
        resp.setContentType("application/json;charset=UTF-8");
        resp.getWriter().write(o.toString());
    }

    /** For tests: how many live streams are open. */
    int openStreams() {
        return streams.size();
    }

    Instant now() {
        return clock.instant();
    }
}
