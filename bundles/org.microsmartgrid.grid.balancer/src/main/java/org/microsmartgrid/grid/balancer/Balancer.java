package org.microsmartgrid.grid.balancer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterListener;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.grid.balancer.config.BalancerConfig;
import org.microsmartgrid.grid.balancer.config.ConfigValidator;
import org.microsmartgrid.grid.balancer.config.SiteConfig;
import org.microsmartgrid.grid.balancer.runtime.BalancingLoop;
import org.microsmartgrid.grid.balancer.runtime.CycleScheduler;
import org.microsmartgrid.grid.balancer.runtime.StatusViews;
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
 * The balancing loop as an OSGi component: every fresh GRID reading triggers a cycle at once, and a timer runs one
 * every {@code cycle.ms} so that a silent grid meter still leads to the safe state. The decision itself is
 * {@link org.microsmartgrid.grid.balancer.decision.Balancing#decide}; this class only wires services to it.
 */
@Component(name = BalancerConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {ConfigurableComponent.class, MeterListener.class, ControlLoopStatus.class})
@Designate(ocd = BalancerConfig.class)
public class Balancer implements ConfigurableComponent, MeterListener, ControlLoopStatus {

    public static final String PID = BalancerConfig.PID;
    private static final Logger LOG = LoggerFactory.getLogger(Balancer.class);

    private final Clock clock;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final List<Relay> relays = new CopyOnWriteArrayList<>();
    private volatile ChargingSessions chargingSessions;
    private volatile BalancingLoop loop;
    private volatile CycleScheduler scheduler;

    public Balancer() {
        this(Clock.systemUTC());
    }

    /** For tests: a controllable clock. */
    Balancer(Clock clock) {
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMeter(Meter meter) {
        meters.add(meter);
    }

    void unbindMeter(Meter meter) {
        meters.remove(meter);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRelay(Relay relay) {
        relays.add(relay);
    }

    void unbindRelay(Relay relay) {
        relays.remove(relay);
    }

    /** Optional: with it, each socket's open session (mode, target, deadline) replaces the configured default. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindChargingSessions(ChargingSessions sessions) {
        chargingSessions = sessions;
    }

    void unbindChargingSessions(ChargingSessions sessions) {
        if (chargingSessions == sessions) chargingSessions = null;
    }

    @Activate
    void activate(BalancerConfig config) {
        SiteConfig site = validated(config);
        loop = new BalancingLoop(site, clock, () -> meters, () -> relays,
                () -> Optional.ofNullable(chargingSessions));
        CycleScheduler s = new CycleScheduler("msg-balancer", loop::runCycle);
        s.start(site.cycle());
        scheduler = s;
        LOG.info("{} active: limit {} W, cycle {} ms, {} socket(s) configured", PID,
                Math.round(site.settings().limitW()), site.cycle().toMillis(), site.sockets().size());
    }

    /** Applied live from the next cycle; a refused change is logged and the previous configuration stays. */
    @Modified
    void modified(BalancerConfig config) {
        SiteConfig site = validated(config);
        boolean newPeriod = !site.cycle().equals(loop.config().cycle());
        loop.reconfigure(site);
        if (newPeriod) scheduler.start(site.cycle());
        LOG.info("{} reconfigured: limit {} W", PID, Math.round(site.settings().limitW()));
    }

    @Deactivate
    void deactivate() {
        CycleScheduler s = scheduler;
        scheduler = null;
        if (s != null) s.close();
        BalancingLoop l = loop;
        if (l != null) l.stop();
    }

    @Override
    public void onReading(MeterReading reading) {
        CycleScheduler s = scheduler;
        if (s != null && reading != null && reading.role() == MeterRole.GRID) s.trigger();
    }

    @Override
    public Optional<LoopDecision> lastDecision() {
        BalancingLoop l = loop;
        return l == null ? Optional.empty() : l.last().map(StatusViews::view);
    }

    private static SiteConfig validated(BalancerConfig config) {
        try {
            return ConfigValidator.validate(PID, config);
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            throw e;
        }
    }
}
