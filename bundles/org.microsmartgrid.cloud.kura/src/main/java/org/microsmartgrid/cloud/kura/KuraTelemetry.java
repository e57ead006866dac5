package org.microsmartgrid.cloud.kura;

import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.charging.FleetTrip;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.LoopDecisionListener;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.site.LiveSite;
import org.microsmartgrid.api.site.SiteReader;
import org.microsmartgrid.api.site.SiteView;
import org.microsmartgrid.telemetry.FrameworkStopping;
import org.microsmartgrid.telemetry.TelemetryPublisher;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a Kura gateway, the module's telemetry goes to Kapua through Kura's own cloud connection: the same messages as
 * our cloud link sends (org.microsmartgrid.telemetry builds both), handed to the Kura CloudPublisher the installer
 * picks in Kura's console ({@code CloudPublisher.target}). Kura's store-and-forward keeps them across outages.
 */
@Component(name = KuraTelemetryConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {ConfigurableComponent.class, LoopDecisionListener.class})
@Designate(ocd = KuraTelemetryConfig.class)
public class KuraTelemetry implements ConfigurableComponent, LoopDecisionListener {

    private static final Logger LOG = LoggerFactory.getLogger(KuraTelemetry.class);
    /** Session keys already handed to Kura, in the bundle's data area (one line each). */
    static final String SENT_KEYS_FILE = "sent-session-records.txt";

    private final Clock clock = Clock.systemUTC();

    /** Named as Kura names it, so that the configuration's {@code CloudPublisher.target} selects the publisher. */
    @Reference(name = "CloudPublisher")
    CloudPublisher publisher;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Meter> meters;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Relay> relays;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ControlLoopStatus loop;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ChargingSessions sessions;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SiteControl siteControl;
    /** The loop's view of its last cycle: telemetry shows what the loop decided on (see {@link SiteReader}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile LiveSite liveSite;

    private SentKeys sent;
    private volatile TelemetryPublisher telemetry;
    private FrameworkStopping frameworkStopping;

    @Activate
    void activate(BundleContext context, KuraTelemetryConfig config) throws IOException {
        Duration interval = interval(config);
        File keys = context.getDataFile(SENT_KEYS_FILE);
        if (keys == null) LOG.warn("no data area for this bundle: session records may be sent again after a restart");
        sent = keys == null ? SentKeys.inMemory() : SentKeys.open(keys.toPath(), clock);
        start(interval);
        frameworkStopping = FrameworkStopping.listen(context, () -> {
            TelemetryPublisher t = telemetry;
            if (t != null) t.quiet();
        });
    }

    /** A new interval: telemetry restarts with it (a new publisher target makes DS re-activate instead). */
    @Modified
    void modified(KuraTelemetryConfig config) {
        Duration interval = interval(config); // a bad value leaves the running telemetry alone
        stop();
        start(interval);
    }

    @Deactivate
    void deactivate() {
        if (frameworkStopping != null) frameworkStopping.close();
        stop();
    }

    @Override
    public void onDecision(LoopDecision decision) {
        TelemetryPublisher t = telemetry;
        if (t != null) t.poke();
    }

    private void start(Duration interval) {
        TelemetryPublisher t = new TelemetryPublisher(this::site, this::recentSessions,
                new CloudPublisherSink(publisher, sent), clock).withTrips(this::recentTrips);
        telemetry = t;
        t.start(interval);
        LOG.info("telemetry through Kura's cloud publisher every {} s", interval.toSeconds());
    }

    private void stop() {
        TelemetryPublisher t = telemetry;
        telemetry = null;
        if (t != null) t.close();
    }

    private SiteView site() {
        return SiteReader.current(liveSite, clock.instant(), meters, relays, loop, sessions, siteControl);
    }

    private List<FleetTrip> recentTrips() {
        ChargingSessions s = sessions;
        if (s == null) return List.of();
        try {
            return s.trips(20);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private List<ChargingSession> recentSessions() {
        ChargingSessions s = sessions;
        if (s == null) return List.of();
        try {
            return s.recent(50);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    static Duration interval(KuraTelemetryConfig config) {
        int s = config.telemetry_interval_s();
        if (s < 1 || s > 3600) {
            String message = KuraTelemetryConfig.PID + ": telemetry.interval.s=" + s + " is outside 1..3600";
            LOG.error("{}", message);
            throw new IllegalArgumentException(message);
        }
        return Duration.ofSeconds(s);
    }
}
