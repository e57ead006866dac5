package org.microsmartgrid.status;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.microsmartgrid.status.commissioning.Commissioning;
import org.microsmartgrid.status.health.ComponentHealth;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.cloud.CityFaultReports;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.SocketHolds;
import org.microsmartgrid.api.health.HealthProblems;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterBus;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.site.LiveSite;
import org.microsmartgrid.api.site.SiteReader;
import org.microsmartgrid.api.site.SiteView;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /status}: the module, its meters and relays, the control loop's last decision and the OSGi health, as
 * JSON, for commissioning. Read-only and without personal data, so it needs no login. Meters, relays and the loop
 * are tracked dynamically, so the page keeps working while their bundles come and go.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/status", "/status/*"})
@HttpWhiteboardServletName("org.microsmartgrid.status")
@SuppressWarnings("serial")
public final class StatusServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(StatusServlet.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Meter> meters = List.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Relay> relays = List.of();

    /** The meter lines (Modbus buses), for the "buses" section. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<MeterBus> buses = List.of();

    /** The balancing loop: absent until the balancer has its configuration, so optional; greedy to pick it up at once. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ControlLoopStatus loop;

    /** The loop's view of its last cycle: the meters, relays and decision shown are the ones it decided on. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LiveSite liveSite;

    /** The installers' manual holds: registered by the balancer, optional like the loop. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SocketHolds holds;

    /** Charging sessions: optional like the loop. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ChargingSessions sessions;

    /** The city's fault reports on this module's point (the cloud link): optional like the loop. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CityFaultReports cityFaults;

    /** Whiteboard: problems the parts of the module know of (refused configuration changes, dead threads). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<HealthProblems> problemSources = List.of();

    @Reference
    private ServiceComponentRuntime scr;

    private final transient Supplier<JsonElement> report;
    private final transient Clock clock = Clock.systemUTC();
    private volatile transient BundleContext context;
    private volatile transient ModuleSection module;

    /** For DS. */
    public StatusServlet() {
        this.report = this::collect;
    }

    /** For tests: the HTTP behaviour around any document. */
    StatusServlet(Supplier<JsonElement> report) {
        this.report = report;
    }

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        this.module = OsgiFacts.module(context);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            JsonResponses.error(response, 405, "method not allowed", "/status is read-only: use GET");
            return;
        }
        String path = request.getPathInfo();
        if (path != null && !path.equals("/")) {
            JsonResponses.error(response, 404, "not found", "no such resource: use GET /status");
            return;
        }
        super.service(request, response); // GET, and HEAD as GET without the body
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonElement document;
        try {
            document = report.get();
        } catch (RuntimeException e) {
            LOG.warn("Status document could not be built", e);
            JsonResponses.error(response, 500, "internal error", "the status could not be collected: " + e);
            return;
        }
        JsonResponses.send(response, 200, document);
    }

    private JsonElement collect() {
        List<HealthProblems.Problem> problems = new java.util.ArrayList<>();
        for (HealthProblems source : problemSources) {
            try {
                problems.addAll(source.problems());
            } catch (RuntimeException e) {
                problems.add(new HealthProblems.Problem(source.getClass().getName(), "could not report: " + e));
            }
        }
        List<ComponentHealth.Component> components = OsgiFacts.components(scr);
        List<Meter> meterList = meters;
        List<Relay> relayList = relays;
        ControlLoopStatus loopNow = loop;
        Instant now = clock.instant();
        SiteView site = SiteReader.current(liveSite, now, meterList, relayList, loopNow, sessions, null);
        JsonObject report = StatusReport.build(now, module, site, sessions, OsgiFacts.bundles(context), components,
                problems);
        String[] chip = OsgiFacts.gpioChip(context);
        report.add("gpio", GpioSection.toJson(chip[0], chip[1]));
        StatusReport.addCommissioning(report, Commissioning.missing(Commissioning.active(components), relayList.size(),
                Commissioning.gridMeters(meterList), loopNow != null));
        report.add("buses", BusSection.toJson(buses));
        report.add("holds", HoldSection.toJson(holds));
        report.add("cityFaults", CityFaultSection.toJson(cityFaults));
        return report;
    }
}
