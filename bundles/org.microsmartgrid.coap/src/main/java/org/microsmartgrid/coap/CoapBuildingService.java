package org.microsmartgrid.coap;

import java.time.Instant;
import org.microsmartgrid.api.site.LiveSite;
import org.microsmartgrid.api.site.SiteReader;
import org.microsmartgrid.api.site.SiteView;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.api.building.AccessEvent;
import org.microsmartgrid.api.building.AlarmEvent;
import org.microsmartgrid.api.building.BuildingEventListener;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.SecuritySystem;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.LoopDecisionListener;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.control.SocketReservations;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterListener;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.coap.config.CoapConfig;
import org.microsmartgrid.coap.config.Settings;
import org.microsmartgrid.coap.server.CoapContext;
import org.microsmartgrid.coap.server.CoapEndpoints;
import org.microsmartgrid.coap.state.Sources;
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

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * CoAP for building systems: discovery, live SenML values with Observe, and over DTLS with a read-write pre-shared key
 * a building power cap and socket enable/disable. Every module service is optional and dynamic, so CoAP answers even
 * before the control loop is configured. Told of each loop cycle and meter reading, it only pokes its own notifier.
 */
@Component(name = CoapConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {LoopDecisionListener.class, MeterListener.class, BuildingEventListener.class,
                ConfigurableComponent.class})
@Designate(ocd = CoapConfig.class)
public class CoapBuildingService implements Sources, LoopDecisionListener, MeterListener, BuildingEventListener,
        ConfigurableComponent {

    private static final Logger LOG = LoggerFactory.getLogger(CoapBuildingService.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Meter> meters = List.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Relay> relays = List.of();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ControlLoopStatus loop;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ChargingSessions sessions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SiteControl siteControl;

    /** The loop's view of its last cycle: /site and /sockets show what the loop decided on, as /status does. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile LiveSite liveSite;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DoorAccess doorAccess;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SecuritySystem security;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SocketReservations reservations;

    private final Clock clock;
    private final Duration checkEvery;
    private volatile CoapEndpoints endpoints;

    public CoapBuildingService() {
        this(Clock.systemUTC());
    }

    /** For tests: services set directly instead of by DS, and a clock. */
    CoapBuildingService(Clock clock) {
        this(clock, CoapEndpoints.CHECK_EVERY);
    }

    /** For tests: and another period of the full observe check (a long one: only events notify). */
    CoapBuildingService(Clock clock, Duration checkEvery) {
        this.clock = clock;
        this.checkEvery = checkEvery;
    }

    @Activate
    void activate(CoapConfig config) {
        start(config);
    }

    /** A new configuration restarts the endpoints (ports, keys and limits are fixed while they run). */
    @Modified
    void modified(CoapConfig config) {
        Settings settings = validated(config);
        stop();
        open(settings);
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    private void start(CoapConfig config) {
        open(validated(config));
    }

    private void open(Settings s) {
        try {
            endpoints = CoapEndpoints.start(new CoapContext(this, s, clock, () -> { }), checkEvery);
        } catch (RuntimeException e) {
            LOG.error("{}: {}", CoapConfig.PID, e.getMessage());
            throw e;
        }
        InetSocketAddress secure = endpoints.secureAddress();
        LOG.info("{} active: coap://{} (read-only){}", CoapConfig.PID, hostPort(endpoints.plainAddress()),
                secure == null ? ", no pre-shared keys: no CoAPS and no writes"
                        : ", coaps://" + hostPort(secure) + " for " + s.psk().values());
    }

    private static String hostPort(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private void stop() {
        CoapEndpoints e = endpoints;
        endpoints = null;
        if (e != null) e.close();
    }

    private static Settings validated(CoapConfig config) {
        try {
            return Settings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: configuration refused, CoAP not started: {}", CoapConfig.PID, e.getMessage());
            throw e;
        }
    }

    @Override
    public void onDecision(LoopDecision decision) {
        poke();
    }

    @Override
    public void onReading(MeterReading reading) {
        poke();
    }

    /**
     * An alarm raised or cleared (called on the building bundle's thread, right after the input's state changed):
     * observers of /building/alarms and /building/doors hear of it at once, by a check of those two resources alone.
     */
    @Override
    public void alarm(AlarmEvent event) {
        buildingChanged();
    }

    @Override
    public void accessAttempt(AccessEvent event) {
        buildingChanged();
    }

    private void buildingChanged() {
        CoapEndpoints e = endpoints;
        if (e != null) e.buildingChanged();
    }

    private void poke() {
        CoapEndpoints e = endpoints;
        if (e != null) e.poke();
    }

    /** The running endpoints (tests read their ports), or null. */
    CoapEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public List<Meter> meters() {
        return meters;
    }

    @Override
    public SiteView site(Instant now) {
        return SiteReader.current(liveSite, now, meters, relays, loop, sessions, siteControl);
    }

    @Override
    public List<Relay> relays() {
        return relays;
    }

    @Override
    public ControlLoopStatus loop() {
        return loop;
    }

    @Override
    public ChargingSessions sessions() {
        return sessions;
    }

    @Override
    public SiteControl siteControl() {
        return siteControl;
    }

    @Override
    public DoorAccess doorAccess() {
        return doorAccess;
    }

    @Override
    public SecuritySystem security() {
        return security;
    }

    @Override
    public SocketReservations reservations() {
        return reservations;
    }

    /** For tests: the door service DS would inject. */
    void useDoorAccess(DoorAccess service) {
        this.doorAccess = service;
    }

    /** For tests: the security system DS would inject. */
    void useSecurity(SecuritySystem service) {
        this.security = service;
    }

    /** For tests: the reservations service DS would inject. */
    void useReservations(SocketReservations service) {
        this.reservations = service;
    }

    /** For tests: the services DS would inject. */
    void use(List<Meter> meters, List<Relay> relays, ControlLoopStatus loop, ChargingSessions sessions, SiteControl control) {
        this.meters = List.copyOf(meters);
        this.relays = List.copyOf(relays);
        this.loop = loop;
        this.sessions = sessions;
        this.siteControl = control;
    }
}
