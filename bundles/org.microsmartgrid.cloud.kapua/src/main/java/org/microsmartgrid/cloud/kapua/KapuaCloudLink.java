package org.microsmartgrid.cloud.kapua;

import org.microsmartgrid.api.building.AccessEvent;
import org.microsmartgrid.api.building.AlarmEvent;
import org.microsmartgrid.api.building.BuildingEventListener;
import java.nio.file.Path;
import org.microsmartgrid.cloud.kapua.outbox.OutboxException;
import org.microsmartgrid.cloud.kapua.outbox.OutboxHealth;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.charging.FleetTrip;
import org.microsmartgrid.api.cloud.CityFaultReports;
import org.microsmartgrid.api.cloud.ModuleClaimCode;
import org.microsmartgrid.api.cloud.RequestHandler;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.LoopDecisionListener;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.health.HealthProblems;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.cloud.kapua.claim.ClaimCodeFile;
import org.microsmartgrid.cloud.kapua.config.CloudLinkConfig;
import org.microsmartgrid.cloud.kapua.config.CloudSettings;
import org.microsmartgrid.cloud.kapua.config.ConfigValidator;
import org.microsmartgrid.api.site.LiveSite;
import org.microsmartgrid.api.site.SiteReader;
import org.microsmartgrid.api.site.SiteView;
import org.microsmartgrid.telemetry.FrameworkStopping;
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
 * The module as a Kura device in Eclipse Kapua: wires the configuration, the outbox, the MQTT link, the request
 * router (to every {@link RequestHandler} service) and telemetry (from the API services) together. The parts do the
 * work; this class only starts, stops and feeds them.
 */
@Component(name = CloudLinkConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {ConfigurableComponent.class, LoopDecisionListener.class, BuildingEventListener.class,
                CityFaultReports.class, ModuleClaimCode.class, HealthProblems.class})
@Designate(ocd = CloudLinkConfig.class)
public class KapuaCloudLink implements ConfigurableComponent, LoopDecisionListener, BuildingEventListener,
        CityFaultReports, ModuleClaimCode, HealthProblems {

    private static final Logger LOG = LoggerFactory.getLogger(KapuaCloudLink.class);
    static final String CLAIM_CODE_FILE = "claim-code";

    private final Clock clock = Clock.systemUTC();
    private final Map<String, RequestHandler> handlers = new ConcurrentHashMap<>();

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

    private BundleContext context;
    private volatile CloudLinkSession session;
    /** The module's claim code: {@code ${msg.data}/claim-code}, kept across restarts and configurations. */
    private volatile ClaimCodeFile claimCode;
    /** The module's doors (building.access), if any: CITY-V1 EXEC door, and their ids in BIRTH/APPS for the city. */
    private volatile org.microsmartgrid.api.building.DoorAccess doorAccess;
    /**
     * The framework stops: services going away now are not news (the DC follows). Above all the doors: an APPS without
     * them would make the city's page say the point has none, instead of "module not reachable, use the keypad".
     */
    private volatile boolean stopping;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDoorAccess(org.microsmartgrid.api.building.DoorAccess access) {
        doorAccess = access;
        appsChanged();
    }

    void unbindDoorAccess(org.microsmartgrid.api.building.DoorAccess access) {
        if (doorAccess == access) doorAccess = null;
        appsChanged();
    }

    /** A door added, renamed or removed: APPS tells the city its doors again (docs/cloud-management.md). */
    @Reference(service = ConfigurableComponent.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(component.name=org.microsmartgrid.building.access.Door)", updated = "doorChanged")
    void bindDoor(ConfigurableComponent door) {
        appsChanged();
    }

    void doorChanged(ConfigurableComponent door) {
        appsChanged();
    }

    void unbindDoor(ConfigurableComponent door) {
        appsChanged();
    }

    private FrameworkStopping frameworkStopping;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRequestHandler(RequestHandler handler) {
        RequestHandler before = handlers.putIfAbsent(handler.appId(), handler);
        if (before != null) LOG.warn("two handlers for {}: {} ignored", handler.appId(), handler.getClass().getName());
        else appsChanged();
    }

    void unbindRequestHandler(RequestHandler handler) {
        if (handlers.remove(handler.appId(), handler)) appsChanged();
    }

    @Activate
    void activate(BundleContext context, CloudLinkConfig config) throws OutboxException, MqttException {
        this.context = context;
        String data = context.getProperty("msg.data");
        claimCode = ClaimCodeFile.open(Path.of(data == null || data.isBlank() ? "data" : data, CLAIM_CODE_FILE));
        start(validate(config));
        frameworkStopping = FrameworkStopping.listen(context, () -> {
            stopping = true;
            CloudLinkSession s = session;
            if (s != null) s.quiet();
        });
    }

    /** A new configuration: the link is closed cleanly (DC) and opened again with it; the outbox is kept. */
    @Modified
    void modified(CloudLinkConfig config) throws OutboxException, MqttException {
        CloudSettings checked = validate(config); // a bad change leaves the running link alone
        stop();
        start(checked);
    }

    @Deactivate
    void deactivate() {
        if (frameworkStopping != null) frameworkStopping.close();
        stop();
    }

    @Override
    public void onDecision(LoopDecision decision) {
        CloudLinkSession s = session;
        if (s != null) s.poke();
    }

    /** The building's alarms and door attempts go to the outbox (sent when the link is up, kept when it is not). */
    @Override
    public void alarm(AlarmEvent event) {
        CloudLinkSession s = session;
        if (s != null) s.alarm(event);
    }

    @Override
    public void accessAttempt(AccessEvent event) {
        CloudLinkSession s = session;
        if (s != null) s.access(event);
    }

    /** The city's fault reports this link received (CITY-V1), for /status. */
    @Override
    public List<Report> recent() {
        CloudLinkSession s = session;
        return s == null ? List.of() : s.cityFaults().recent();
    }

    /** For /status: outbox entries set aside as unreadable ({@link OutboxHealth}). */
    @Override
    public List<Problem> problems() {
        CloudLinkSession s = session;
        return s == null ? List.of() : OutboxHealth.problems(s.outbox(), CloudLinkConfig.PID);
    }

    /** The claim code the console shows (docs/console.md); only its hash leaves the module. */
    @Override
    public String code() {
        return claimCode.code();
    }

    /** A new claim code: its hash goes to the city at once in APPS (or in the next BIRTH when offline). */
    @Override
    public String renew() {
        String code = claimCode.renew();
        LOG.info("new claim code made; its hash goes to the cloud / nuovo codice di rivendicazione");
        appsChanged();
        return code;
    }

    private void start(CloudSettings settings) throws OutboxException, MqttException {
        CloudLinkSession s = new CloudLinkSession(settings, new ServiceSources(), clock);
        session = s;
        s.start();
        LOG.info("cloud link to {} as {}/{}: {} message(s) in the outbox", settings.link().brokerUrl(),
                settings.topics().account(), settings.topics().client(), s.outbox().size());
    }

    private void stop() {
        CloudLinkSession s = session;
        session = null;
        if (s != null) s.close();
    }

    private void appsChanged() {
        if (stopping) return;
        CloudLinkSession s = session;
        if (s != null) s.appsChanged();
    }

    private CloudSettings validate(CloudLinkConfig config) {
        try {
            return ConfigValidator.validate(config, context::getProperty, context.getBundle().getVersion().toString());
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            throw e;
        }
    }

    /** The session's view of this component's services. */
    private final class ServiceSources implements CloudLinkSession.Sources {
        @Override
        public SiteView site() {
            return SiteReader.current(liveSite, clock.instant(), meters, relays, loop, sessions, siteControl);
        }

        @Override
        public List<ChargingSession> recentSessions() {
            ChargingSessions s = sessions;
            if (s == null) return List.of();
            try {
                return s.recent(50);
            } catch (RuntimeException e) {
                return List.of();
            }
        }

        @Override
        public List<FleetTrip> recentTrips() {
            ChargingSessions s = sessions;
            if (s == null) return List.of();
            try {
                return s.trips(20);
            } catch (RuntimeException e) {
                return List.of();
            }
        }

        @Override
        public Optional<RequestHandler> handler(String appId) {
            return Optional.ofNullable(handlers.get(appId));
        }

        @Override
        public Collection<String> appIds() {
            return List.copyOf(handlers.keySet());
        }

        @Override
        public String[] framework() {
            return new String[] {context.getBundle(0).getSymbolicName(), context.getBundle(0).getVersion().toString()};
        }

        @Override
        public String claimHash() {
            ClaimCodeFile c = claimCode;
            return c == null ? null : c.hash();
        }

        @Override
        public Map<String, String> extended() {
            List<Relay> rs = relays;
            List<Meter> ms = meters;
            Map<String, String> facts = new java.util.HashMap<>(Map.of(
                    "sockets", Integer.toString(rs == null ? 0 : rs.size()),
                    "meters", Integer.toString(ms == null ? 0 : ms.size()),
                    "balancer", Boolean.toString(loop != null)));
            org.microsmartgrid.api.building.DoorAccess doors = doorAccess;
            if (doors != null) {
                List<org.microsmartgrid.api.building.DoorState> all = doors.doors();
                facts.put("doors", org.microsmartgrid.cloud.kapua.city.CityDoorHandler.publicList(all));
                String ownerOnly = org.microsmartgrid.cloud.kapua.city.CityDoorHandler.ownerOnlyList(all);
                if (ownerOnly != null) facts.put("owner_doors", ownerOnly);
            }
            return facts;
        }

        @Override
        public Optional<org.microsmartgrid.api.building.DoorAccess> doorAccess() {
            return Optional.ofNullable(doorAccess);
        }

        @Override
        public Optional<ChargingSessions> chargingSessions() {
            return Optional.ofNullable(sessions);
        }

        @Override
        public int socketCount() {
            List<Relay> rs = relays;
            return rs == null ? 0 : rs.size();
        }
    }
}
