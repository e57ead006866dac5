package org.microsmartgrid.console.relays;

import org.microsmartgrid.console.auth.CsrfGuard;
import org.microsmartgrid.console.pages.InstallerWrite;
import com.google.gson.JsonObject;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.SocketHold;
import org.microsmartgrid.api.control.SocketHolds;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.console.InstallerAuthentication;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Web Console page "Relays / Relè" (/system/console/relays) for commissioning: every relay with its read-back
 * state and its socket's power, and buttons to switch it. A Web Console plugin is a plain servlet service with the
 * felix.webconsole.* properties; the console frames its GET output and passes POSTs through. It has no HTTP
 * whiteboard pattern of its own, so it is reachable only through the console, after the installer login.
 *
 * <p>GET {@code relays}: the page; GET {@code relays.json}: the same data as JSON. POST
 * {@code relay=<id>&action=on|off|release[&minutes=N]}: the command, answered with a redirect back to the page, or
 * with JSON when the client sends {@code Accept: application/json}. Without a balancer the relay is switched directly
 * (200 APPLIED, 409 DEFERRED or REJECTED). With the balancer running, ON and OFF are a manual hold of the socket that
 * the balancer honours and switches ({@link HeldSwitch}; 200 when in force, 202 when the balancer waits — minimum
 * off-time, headroom — or a safety rule keeps the socket off), and {@code release} ends it.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + RelaysPlugin.LABEL,
        "felix.webconsole.title=Relays / Relè",
        "felix.webconsole.category=Micro Smart Grid"})
@SuppressWarnings("serial")
public final class RelaysPlugin extends HttpServlet {
    public static final String LABEL = "relays";
    /** The Web Console puts the plugin's own URL there (ServletConstants.ATTR_PLUGIN_ROOT). */
    static final String ATTR_PLUGIN_ROOT = "felix.webconsole.pluginRoot";
    private static final Logger LOG = LoggerFactory.getLogger(RelaysPlugin.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Relay> relays = List.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Meter> meters = List.of();

    /** The balancer's manual holds: present while the balancer runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SocketHolds holds;

    /** The balancer's last decision, to tell the installer what it made of a hold. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ControlLoopStatus loop;

    private final transient Supplier<SocketHolds> holdSource;
    private final transient Supplier<ControlLoopStatus> loopSource;
    private final transient Supplier<List<Relay>> relaySource;
    private final transient Supplier<List<Meter>> meterSource;
    private final transient Clock clock;
    private final transient ZoneId zone;
    private final transient CsrfGuard csrf;
    private final transient RecentResults recent = new RecentResults();

    /** For DS. */
    public RelaysPlugin() {
        this.relaySource = () -> relays;
        this.meterSource = () -> meters;
        this.holdSource = () -> holds;
        this.loopSource = () -> loop;
        this.clock = Clock.systemUTC();
        this.zone = ITALY; // a Pi's clock is often set to UTC: installers read Italian time
        this.csrf = new CsrfGuard(new SecureRandom());
    }

    /** Times shown to installers. */
    static final ZoneId ITALY = ZoneId.of("Europe/Rome");

    /** Whether the GPIO chip runs on Pi4J's mock provider: relays that switch nothing get a permanent banner. */
    private transient volatile java.util.function.BooleanSupplier mockGpio = () -> false;

    @org.osgi.service.component.annotations.Activate
    void activate(org.osgi.framework.BundleContext context) {
        mockGpio = () -> {
            try {
                return context.getAllServiceReferences(null, "(gpio.provider=MOCK)") != null;
            } catch (org.osgi.framework.InvalidSyntaxException | IllegalStateException e) {
                return false;
            }
        };
    }

    /** For tests: without a balancer. */
    RelaysPlugin(Supplier<List<Relay>> relays, Supplier<List<Meter>> meters, Clock clock, ZoneId zone, SecureRandom random) {
        this(relays, meters, () -> null, () -> null, clock, zone, random);
    }

    /** For tests: with the balancer's holds and decisions (a supplier may give null: no balancer). */
    RelaysPlugin(Supplier<List<Relay>> relays, Supplier<List<Meter>> meters, Supplier<SocketHolds> holds,
                 Supplier<ControlLoopStatus> loop, Clock clock, ZoneId zone, SecureRandom random) {
        this.holdSource = holds;
        this.loopSource = loop;
        this.relaySource = relays;
        this.meterSource = meters;
        this.clock = clock;
        this.zone = zone;
        this.csrf = new CsrfGuard(random);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = InstallerWrite.installer(request);
        if (user == null) {
            send(response, 403, wantsJson(request), "Accesso negato / Not logged in");
            return;
        }
        Instant now = clock.instant();
        Snapshot snapshot = Snapshot.of(relaySource.get(), meterSource.get());
        HoldView holdView = HoldView.of(holdSource.get(), loopSource.get());
        if (request.getRequestURI().endsWith(".json")) {
            json(response, 200, RelaysJson.overview(snapshot, holdView, now));
            return;
        }
        // the Web Console has written its header and menu already; this is the content part of the page
        String result = recent.take(user, now).orElse(null);
        response.getWriter().write(RelaysPage.render(snapshot, holdView, pluginRoot(request), csrf.tokenFor(user), result,
                now, zone, mockGpio.getAsBoolean()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean json = wantsJson(request);
        Optional<String> writer = InstallerWrite.allowed(request, csrf, "Relay command", LOG,
                (s, m) -> send(response, s, json, m));
        if (writer.isEmpty()) return;
        String user = writer.get();
        Map<String, Relay> byId = new LinkedHashMap<>();
        for (Relay relay : relaySource.get()) {
            try {
                byId.put(relay.id(), relay);
            } catch (RuntimeException gone) {
                // unregistered meanwhile
            }
        }
        RelayAction action;
        try {
            action = RelayAction.parse(request.getParameterMap(), byId.keySet());
        } catch (RelayAction.Invalid e) {
            send(response, 400, json, e.getMessage());
            return;
        }
        SocketHolds socketHolds = holdSource.get();
        if (socketHolds != null) {
            held(request, response, json, user, socketHolds, byId.get(action.relayId()), action);
            return;
        }
        if (action.release()) {
            send(response, 409, json, "Nessuna tenuta da rilasciare: il bilanciatore non è attivo / No hold to release: "
                    + "the balancer is not running");
            return;
        }
        RelayCommand command = action.command(user);
        RelayResult result;
        try {
            result = byId.get(action.relayId()).command(command);
        } catch (RuntimeException e) {
            LOG.warn("Relay {} failed on a command by installer '{}'", action.relayId(), user, e);
            send(response, 500, json, "Il relè non ha eseguito il comando / The relay failed: " + e.getMessage());
            return;
        }
        LOG.info("Installer '{}' switched relay {} {}{}: {}{}", user, action.relayId(), action.on() ? "on" : "off",
                action.on() ? " for " + action.minutes() + " min" : "", result.outcome(),
                result.reason() == null ? "" : " (" + result.reason() + ")");
        if (json) {
            json(response, result.applied() ? 200 : 409, RelaysJson.result(action, command, result));
            return;
        }
        recent.put(user, RelaysPage.result(action, result, zone), clock.instant());
        response.setStatus(303); // see other: the browser GETs the page, and a reload does not repeat the command
        response.setHeader("Location", pluginRoot(request));
    }

    /** With the balancer running: a manual hold it honours, instead of a second writer on the relay. */
    private void held(HttpServletRequest request, HttpServletResponse response, boolean json, String user,
                      SocketHolds socketHolds, Relay relay, RelayAction action) throws IOException {
        int socket;
        try {
            socket = relay.socket();
        } catch (RuntimeException gone) {
            send(response, 409, json, "Il relè non è più disponibile / The relay is gone");
            return;
        }
        HeldSwitch.Outcome outcome;
        try {
            outcome = HeldSwitch.apply(socketHolds, loopSource.get(), clock, socket, action, user);
        } catch (IllegalArgumentException e) {
            send(response, 400, json, e.getMessage());
            return;
        } catch (IllegalStateException e) {
            send(response, 409, json, "Il bilanciatore non accetta tenute ora / The balancer takes no hold now: "
                    + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(response, 503, json, "Interrotto / Interrupted");
            return;
        }
        SocketHold h = outcome.hold();
        LOG.info("Installer '{}' {} socket {} (relay {}){}", user, action.release() ? "released the hold of"
                        : "held " + (action.on() ? "ON" : "OFF"), socket, action.relayId(),
                h == null ? "" : " until " + h.until() + (outcome.decision() == null ? ""
                        : ": balancer " + outcome.decision().reason()));
        if (json) {
            json(response, outcome.inForce() ? 200 : 202, RelaysJson.held(action, socket, outcome));
            return;
        }
        recent.put(user, RelaysPage.heldResult(action, socket, outcome, zone), clock.instant());
        response.setStatus(303);
        response.setHeader("Location", pluginRoot(request));
    }


    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return (accept != null && accept.contains("application/json")) || request.getRequestURI().endsWith(".json");
    }

    private static String pluginRoot(HttpServletRequest request) {
        Object root = request.getAttribute(ATTR_PLUGIN_ROOT);
        if (root instanceof String s && !s.isBlank()) return s;
        String uri = request.getRequestURI();
        return uri.endsWith(".json") ? uri.substring(0, uri.length() - ".json".length()) : uri;
    }

    private static void send(HttpServletResponse response, int status, boolean json, String message) throws IOException {
        if (json) {
            json(response, status, RelaysJson.error(status, message));
            return;
        }
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void json(HttpServletResponse response, int status, JsonObject body) throws IOException {
        byte[] bytes = (RelaysJson.GSON.toJson(body) + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
