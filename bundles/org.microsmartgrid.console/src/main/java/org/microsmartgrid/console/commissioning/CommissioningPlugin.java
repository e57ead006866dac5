package org.microsmartgrid.console.commissioning;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.microsmartgrid.api.control.LoopPause;
import org.microsmartgrid.api.control.LoopSelfTest;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterBus;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayState;
import org.microsmartgrid.console.InstallerAuthentication;
import org.microsmartgrid.console.auth.CsrfGuard;
import org.microsmartgrid.console.pages.InstallerWrite;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Web Console page "Messa in servizio / Commissioning" (/system/console/commissioning): the installer's guided
 * path through docs/configuration.md's order. Like the relay page it is a plain servlet plugin, reachable only through
 * the console after the installer login, and every POST passes the same cross-site guard. The page's logic lives in
 * small pure classes ({@link Steps}, {@link RelayCheck}, {@link SignTest}, {@link ContractPowers}, {@link Countdown},
 * {@link BoardCatalog}); the form handling is in {@link CommissioningActions}, the HTML in {@link CommissioningPage}.
 *
 * <p>GET {@code commissioning}: the page; GET {@code commissioning.zip}: the configuration snapshot. POST
 * {@code action=...}: one step's form, answered with a redirect back to the page (303), or 400/403/409 with the
 * reason; nothing is changed by a refused request.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + CommissioningPlugin.LABEL,
        "felix.webconsole.title=Messa in servizio / Commissioning",
        "felix.webconsole.category=Micro Smart Grid"})
@SuppressWarnings("serial")
public final class CommissioningPlugin extends HttpServlet {
    public static final String LABEL = "commissioning";
    static final String ATTR_PLUGIN_ROOT = "felix.webconsole.pluginRoot";
    private static final Logger LOG = LoggerFactory.getLogger(CommissioningPlugin.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Relay> relays = List.of();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Meter> meters = List.of();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<MeterBus> buses = List.of();
    /** Registered by the balancer only while it runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile LoopPause pause;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile LoopSelfTest selfTest;
    @Reference
    ConfigurationAdmin cm;

    private final transient Clock clock = Clock.systemUTC();
    private final transient CsrfGuard csrf = new CsrfGuard(new SecureRandom());
    private final transient Progress progress = new Progress();
    private transient ModuleFacts facts;
    private transient CommissioningActions actions;

    @Activate
    void activate(BundleContext context) {
        facts = new ModuleFacts(context, cm);
        actions = new CommissioningActions(facts, progress, () -> relays, () -> meters, () -> Optional.ofNullable(pause),
                () -> Optional.ofNullable(selfTest), clock);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = InstallerWrite.installer(request);
        if (user == null) {
            text(response, 403, "Accesso negato / Not logged in");
            return;
        }
        if (request.getRequestURI().endsWith(".zip")) {
            byte[] zip = facts.snapshot();
            response.setStatus(200);
            response.setContentType("application/zip");
            response.setHeader("Content-Disposition", "attachment; filename=\"msg-configuration-"
                    + Instant.now(clock).getEpochSecond() + ".zip\"");
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(zip.length);
            response.getOutputStream().write(zip);
            LOG.info("Installer '{}' downloaded the configuration snapshot", user);
            return;
        }
        Instant now = clock.instant();
        List<RelayState> relayStates = new ArrayList<>();
        for (Relay r : relays) {
            try {
                relayStates.add(r.state());
            } catch (RuntimeException gone) {
                // unregistered meanwhile
            }
        }
        relayStates.sort(Comparator.comparingInt(RelayState::socket).thenComparing(RelayState::relayId));
        List<MeterReading> readings = actions.readings();
        actions.watchSigns(readings);
        View view = new View(now, Countdown.ITALY, pluginRoot(request), csrf.tokenFor(user),
                progress.take(user, now).orElse(null), facts.mockGpio(), actions.steps(relayStates, readings),
                facts.boards(), facts.board(), relayStates, facts.relayPins(), progress.relays,
                actions.paused(), pause != null, readings, progress.signs, facts.invertible(), busIds(),
                facts.contractW(), progress.selfTest, selfTest != null);
        response.getWriter().write(CommissioningPage.render(view));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> writer = InstallerWrite.allowed(request, csrf, "Commissioning request", LOG,
                (s, m) -> text(response, s, m));
        if (writer.isEmpty()) return;
        String user = writer.get();
        CommissioningActions.Outcome outcome = actions.handle(user, request.getParameterMap());
        if (outcome.status() != 303) {
            text(response, outcome.status(), outcome.message());
            return;
        }
        progress.say(user, CommissioningPage.message(outcome.ok(), outcome.message()), clock.instant());
        response.setStatus(303); // see other: a reload does not repeat the step
        response.setHeader("Location", pluginRoot(request));
    }

    private List<String> busIds() {
        List<String> ids = new ArrayList<>();
        for (MeterBus b : buses) {
            try {
                ids.add(b.id());
            } catch (RuntimeException gone) {
                // unregistered meanwhile
            }
        }
        ids.sort(null);
        return ids;
    }


    private static String pluginRoot(HttpServletRequest request) {
        Object root = request.getAttribute(ATTR_PLUGIN_ROOT);
        if (root instanceof String s && !s.isBlank()) return s;
        String uri = request.getRequestURI();
        return uri.endsWith(".zip") ? uri.substring(0, uri.length() - ".zip".length()) : uri;
    }

    private static void text(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
