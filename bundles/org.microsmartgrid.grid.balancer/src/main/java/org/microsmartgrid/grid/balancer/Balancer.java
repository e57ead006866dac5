package org.microsmartgrid.grid.balancer;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.LoopDecisionListener;
import org.microsmartgrid.api.site.LiveSite;
import org.microsmartgrid.api.site.SiteView;
import org.microsmartgrid.api.control.LoopPause;
import org.microsmartgrid.api.control.LoopSelfTest;
import org.microsmartgrid.api.control.PowerCap;
import org.microsmartgrid.api.control.Reservation;
import org.microsmartgrid.api.control.SocketHold;
import org.microsmartgrid.api.control.SocketHolds;
import org.microsmartgrid.api.control.SocketReservations;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterListener;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.storage.BatteryControl;
import org.microsmartgrid.grid.balancer.config.BalancerConfig;
import org.microsmartgrid.grid.balancer.config.ConfigValidator;
import org.microsmartgrid.grid.balancer.config.SiteConfig;
import org.microsmartgrid.grid.balancer.prices.HourlyPrices;
import org.microsmartgrid.grid.balancer.runtime.BalancingLoop;
import org.microsmartgrid.grid.balancer.runtime.CycleRecord;
import org.microsmartgrid.grid.balancer.runtime.CycleViews;
import org.microsmartgrid.grid.balancer.tariff.PriceState;
import org.microsmartgrid.grid.balancer.runtime.CycleScheduler;
import org.microsmartgrid.grid.balancer.runtime.HoldBook;
import org.microsmartgrid.grid.balancer.runtime.PauseState;
import org.microsmartgrid.grid.balancer.runtime.ReservationBook;
import org.microsmartgrid.grid.balancer.tariff.ItalianTariffCalendar;
import org.microsmartgrid.grid.balancer.runtime.SiteControlState;
import org.microsmartgrid.grid.balancer.runtime.StatusViews;
import org.microsmartgrid.api.tariff.TariffCalendar;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
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
        service = {ConfigurableComponent.class, MeterListener.class, ControlLoopStatus.class, SiteControl.class,
                LoopPause.class, LoopSelfTest.class, SocketReservations.class, SocketHolds.class, LiveSite.class})
@Designate(ocd = BalancerConfig.class)
public class Balancer implements ConfigurableComponent, MeterListener, ControlLoopStatus, SiteControl, LoopPause,
        LoopSelfTest, SocketReservations, SocketHolds, LiveSite {

    public static final String PID = BalancerConfig.PID;
    private static final Logger LOG = LoggerFactory.getLogger(Balancer.class);

    private final Clock clock;
    // DS field injection: SCR adds and removes the services in these lists as they come and go
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    final List<Meter> meters = new CopyOnWriteArrayList<>();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    final List<Relay> relays = new CopyOnWriteArrayList<>();
    /** Optional: a home battery that gets the loop's set-point every cycle (see docs/battery.md). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    final List<BatteryControl> batteries = new CopyOnWriteArrayList<>();
    /** Whiteboard: told of every decision (CoAP Observe, telemetry on change). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    final List<LoopDecisionListener> listeners = new CopyOnWriteArrayList<>();
    /** Optional: with it, each socket's open session (mode, target, deadline) replaces the configured default. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ChargingSessions chargingSessions;
    /** The ARERA calendar (this bundle's TariffCalendarService; always there, with or without configuration). */
    @Reference
    TariffCalendar calendar;
    /** Optional: the hourly prices (PUN) the battery trades on; without them the ARERA bands decide. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HourlyPrices prices;
    private Path controlFile;
    private volatile SiteControlState control;
    private volatile ReservationBook reservations;
    private volatile BalancingLoop loop;
    /** The view of the last cycle (null before the first, and again once the loop stops). */
    private volatile SiteView siteView;
    private volatile PauseState pause;
    private volatile HoldBook holdBook;
    private volatile CycleScheduler scheduler;

    public Balancer() {
        this(Clock.systemUTC());
    }

    /** For tests: a controllable clock; SiteControl's state kept in {@code controlFile}. */
    Balancer(Clock clock, Path controlFile) {
        this.clock = clock;
        this.controlFile = controlFile;
    }

    /** For tests: a controllable clock; SiteControl's state in a file of the working directory's data/. */
    Balancer(Clock clock) {
        this(clock, null);
    }

    /**
     * @param context the bundle context, for the {@code msg.data} directory (null in tests: the file given to the
     *                constructor, else data/ in the working directory)
     */
    @Activate
    void activate(BundleContext context, BalancerConfig config) {
        SiteConfig site = validated(config);
        if (controlFile == null) controlFile = dataDirectory(context).resolve("balancer").resolve("site-control.properties");
        control = new SiteControlState(controlFile, clock);
        reservations = new ReservationBook(controlFile.resolveSibling("reservations.properties"), clock,
                java.time.Duration.ofMinutes(config.reservation_grace_min()), ItalianTariffCalendar.ROME);
        loop = new BalancingLoop(site, clock, () -> meters, () -> relays,
                () -> Optional.ofNullable(chargingSessions), control);
        reservations.setHoldPower(config.reservation_hold_power());
        reservations.setKnownSockets(this::knownSocket);
        loop.useReservations(reservations);
        loop.useBatteries(() -> batteries);
        if (calendar != null) loop.useCalendar(calendar);
        loop.usePrices(() -> {
            HourlyPrices p = prices;
            return p == null ? PriceState.NONE : p.state();
        });
        pause = new PauseState(clock);
        loop.usePause(pause);
        HoldBook hb = new HoldBook(clock);
        hb.setKnownSockets(this::knownSocket);
        loop.useHolds(hb);
        holdBook = hb;
        CycleScheduler s = new CycleScheduler("msg-balancer", this::cycle);
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
        reservations.setGrace(java.time.Duration.ofMinutes(config.reservation_grace_min()));
        reservations.setHoldPower(config.reservation_hold_power());
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
        siteView = null;
        HoldBook hb = holdBook;
        if (hb != null) hb.clear(); // holds end with the loop that honoured them
    }

    private void cycle() {
        BalancingLoop l = loop;
        if (l == null) return;
        l.runCycle();
        CycleRecord record = l.last().orElse(null);
        if (record == null) return;
        LoopDecision view = StatusViews.view(record);
        // the one view of this cycle every reader shows (status, CoAP, telemetry, the building's page, the console)
        siteView = CycleViews.of(record, view, relays, chargingSessions, control);
        for (LoopDecisionListener listener : listeners) {
            try {
                listener.onDecision(view);
            } catch (RuntimeException e) {
                LOG.warn("decision listener {} failed: {}", listener.getClass().getName(), e.toString());
            }
        }
    }

    @Override
    public Map<Integer, String> disabledSockets() {
        return requireControl().disabledSockets();
    }

    @Override
    public void setSocketEnabled(int socket, boolean enabled, String actor) {
        requireControl().setSocketEnabled(socket, enabled, actor);
        scheduler().ifPresent(CycleScheduler::trigger);
    }

    @Override
    public List<Reservation> reservations() {
        ReservationBook b = reservations;
        if (b == null) throw new IllegalStateException("the balancer is not active");
        return b.reservations();
    }

    @Override
    public Reservation reserve(int socket, Instant from, Instant until, String holder, String actor) {
        ReservationBook b = reservations;
        if (b == null) throw new IllegalStateException("the balancer is not active");
        Reservation r = b.reserve(socket, from, until, holder, actor);
        scheduler().ifPresent(CycleScheduler::trigger);
        return r;
    }

    @Override
    public boolean cancel(String id, String actor) {
        ReservationBook b = reservations;
        if (b == null) throw new IllegalStateException("the balancer is not active");
        boolean cancelled = b.cancel(id, actor);
        scheduler().ifPresent(CycleScheduler::trigger);
        return cancelled;
    }

    /** A socket this balancer knows: configured, or served by a relay. */
    private boolean knownSocket(int socket) {
        BalancingLoop l = loop;
        if (l != null && l.config().sockets().containsKey(socket)) return true;
        for (Relay r : relays) {
            try {
                if (r.socket() == socket) return true;
            } catch (RuntimeException e) {
                // a relay that cannot say its socket serves none
            }
        }
        return false;
    }

    @Override
    public Optional<PowerCap> powerCap() {
        return requireControl().powerCap();
    }

    @Override
    public PowerCap capPower(double limitW, Instant until, String actor) {
        PowerCap cap = requireControl().capPower(limitW, until, actor);
        scheduler().ifPresent(CycleScheduler::trigger);
        return cap;
    }

    @Override
    public void clearPowerCap(String actor) {
        requireControl().clearPowerCap(actor);
        scheduler().ifPresent(CycleScheduler::trigger);
    }

    @Override
    public Optional<Paused> paused() {
        PauseState p = pause;
        return p == null ? Optional.empty() : p.paused();
    }

    @Override
    public Paused pause(java.time.Duration length, String actor) {
        Paused paused = requirePause().pause(length, actor);
        scheduler().ifPresent(CycleScheduler::trigger);
        return paused;
    }

    @Override
    public void resume(String actor) {
        requirePause().resume(actor);
        scheduler().ifPresent(CycleScheduler::trigger);
    }

    @Override
    public List<SocketHold> holds() {
        HoldBook hb = holdBook;
        return hb == null ? List.of() : hb.holds();
    }

    @Override
    public SocketHold hold(int socket, boolean on, java.time.Duration length, String actor) {
        SocketHold h = requireHolds().hold(socket, on, length, actor);
        scheduler().ifPresent(CycleScheduler::trigger);
        return h;
    }

    @Override
    public boolean release(int socket, String actor) {
        boolean released = requireHolds().release(socket, actor);
        scheduler().ifPresent(CycleScheduler::trigger);
        return released;
    }

    private HoldBook requireHolds() {
        HoldBook hb = holdBook;
        if (hb == null) throw new IllegalStateException("the balancer is not active");
        return hb;
    }

    @Override
    public List<LoopSelfTest.Check> dryRun() {
        BalancingLoop l = loop;
        if (l == null) throw new IllegalStateException("the balancer is not active");
        return l.dryRun();
    }

    private PauseState requirePause() {
        PauseState p = pause;
        if (p == null) throw new IllegalStateException("the balancer is not active");
        return p;
    }

    private SiteControlState requireControl() {
        SiteControlState c = control;
        if (c == null) throw new IllegalStateException("the balancer is not active");
        return c;
    }

    private Optional<CycleScheduler> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    private static Path dataDirectory(BundleContext context) {
        String data = context == null ? null : context.getProperty("msg.data");
        return Paths.get(data == null || data.isBlank() ? "data" : data);
    }

    @Override
    public void onReading(MeterReading reading) {
        CycleScheduler s = scheduler;
        if (s != null && reading != null && reading.role() == MeterRole.GRID) s.trigger();
    }

    @Override
    public Optional<SiteView> current() {
        return Optional.ofNullable(siteView);
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
