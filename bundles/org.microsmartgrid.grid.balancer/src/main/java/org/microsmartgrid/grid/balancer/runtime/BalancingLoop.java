package org.microsmartgrid.grid.balancer.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.control.LoopPause;
import org.microsmartgrid.api.control.LoopSelfTest;
import org.microsmartgrid.api.control.Reservation;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.storage.BatteryControl;
import org.microsmartgrid.api.storage.BatteryResult;
import org.microsmartgrid.grid.balancer.config.SiteConfig;
import org.microsmartgrid.grid.balancer.decision.BalancerState;
import org.microsmartgrid.grid.balancer.decision.Balancing;
import org.microsmartgrid.grid.balancer.decision.Decision;
import org.microsmartgrid.grid.balancer.decision.Held;
import org.microsmartgrid.grid.balancer.decision.SocketSnapshot;
import org.microsmartgrid.grid.balancer.decision.Pausing;
import org.microsmartgrid.grid.balancer.decision.Reserved;
import org.microsmartgrid.grid.balancer.decision.SafetyDryRun;
import org.microsmartgrid.grid.balancer.decision.SiteSnapshot;
import org.microsmartgrid.grid.balancer.decision.SocketDecision;
import org.microsmartgrid.api.tariff.TariffCalendar;
import org.microsmartgrid.grid.balancer.tariff.BandTariff;
import org.microsmartgrid.grid.balancer.tariff.ItalianTariffCalendar;
import org.microsmartgrid.grid.balancer.tariff.PriceState;
import org.microsmartgrid.grid.balancer.tariff.PricedTariff;
import org.microsmartgrid.grid.balancer.tariff.TariffOutlook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cycle: gather a snapshot, decide, apply to the relays, keep the decision for the status page. Cycles never
 * overlap (synchronized; the scheduler also runs them on one thread). The only state is the decision's own
 * hand-over state, the default sessions' energy counters and the last record.
 */
public final class BalancingLoop {

    static final String SOURCE = "balancer";
    private static final Logger LOG = LoggerFactory.getLogger(BalancingLoop.class);

    private final Clock clock;
    private final Supplier<? extends Collection<Meter>> meters;
    private final Supplier<? extends Collection<Relay>> relays;
    private final DefaultSessions sessions = new DefaultSessions(ItalianTariffCalendar.ROME);
    private final SessionSource sessionSource;
    private final SiteControlState control;
    private SiteConfig config;
    private TariffOutlook tariff;
    private TariffCalendar calendar = ItalianTariffCalendar.ARERA;
    private BalancerState state = BalancerState.EMPTY;
    private long cycles;
    private volatile CycleRecord last;
    private volatile Supplier<? extends Collection<BatteryControl>> batteries = List::of;
    private volatile LoopPause pause;
    private volatile Supplier<PriceState> prices = () -> PriceState.NONE;
    private final TradeLedger ledger = new TradeLedger();
    private volatile ReservationBook reservations;
    private volatile HoldBook holds;

    public BalancingLoop(SiteConfig config, Clock clock, Supplier<? extends Collection<Meter>> meters,
                         Supplier<? extends Collection<Relay>> relays) {
        this(config, clock, meters, relays, Optional::empty, null);
    }

    /**
     * With the charging-sessions service when one is registered (else each socket has its default session), and
     * what people and building systems asked through SiteControl (null: nothing).
     */
    public BalancingLoop(SiteConfig config, Clock clock, Supplier<? extends Collection<Meter>> meters,
                         Supplier<? extends Collection<Relay>> relays,
                         Supplier<Optional<ChargingSessions>> chargingSessions, SiteControlState control) {
        this.clock = clock;
        this.control = control;
        this.meters = meters;
        this.relays = relays;
        this.sessionSource = new SessionSource(sessions, chargingSessions);
        reconfigure(config);
    }

    /** The steerable batteries (the first by id gets the decision's set-point every cycle). */
    public void useBatteries(Supplier<? extends Collection<BatteryControl>> batteries) {
        this.batteries = batteries;
    }

    /** The band calendar to plan with (ARERA's own holidays until this is called). */
    public synchronized void useCalendar(TariffCalendar calendar) {
        this.calendar = calendar;
        this.tariff = new BandTariff(config.cheapBands(), calendar);
    }

    /** The hourly prices (PUN) the battery trades on; hours without a price fall back to the ARERA bands. */
    public void usePrices(Supplier<PriceState> prices) {
        this.prices = prices;
    }

    /** The sockets' reservations (null: none). */
    public void useReservations(ReservationBook book) {
        this.reservations = book;
    }

    /** The installers' manual holds (null: none). */
    public void useHolds(HoldBook holds) {
        this.holds = holds;
    }

    /** The installer's commissioning pause (null: never paused). */
    public void usePause(LoopPause pause) {
        this.pause = pause;
    }

    /** Applies a new configuration from the next cycle on; rotation and draw memory are kept. */
    public synchronized void reconfigure(SiteConfig config) {
        this.config = config;
        this.tariff = new BandTariff(config.cheapBands(), calendar);
    }

    public synchronized SiteConfig config() {
        return config;
    }

    public synchronized Decision runCycle() {
        List<Relay> rs = List.copyOf(relays.get());
        PriceState priceState = priceState();
        Instant now = clock.instant();
        List<MeterReading> readings = SnapshotGatherer.readAll(List.copyOf(meters.get()), now);
        SiteSnapshot snap = snapshot(now, readings, rs, priceState);
        Decision d = Balancing.decide(snap);
        Optional<LoopPause.Paused> paused = pause == null ? Optional.empty() : pause.paused();
        if (paused.isPresent())
            d = Pausing.hold(d, snap, paused.get().actor(), paused.get().until(), snap.tariff().zone());
        Map<Integer, RelayResult> results = RelayApplier.apply(d, rs, config.lease(), SOURCE, holders(snap));
        BatteryResult battery = BatteryApplier.apply(d, List.copyOf(batteries.get()), config.batteryValidity(), SOURCE,
                config.settings().exportLimitW());
        sessions.account(snap);
        ledger.record(snap, d);
        state = d.next();
        CycleRecord previous = last;
        last = new CycleRecord(++cycles, d, results, battery, ledger.hours(), priceState.problem(), readings);
        logChanges(previous == null ? null : previous.decision(), d);
        return d;
    }

    private PriceState priceState() {
        try {
            PriceState p = prices.get();
            return p == null ? PriceState.NONE : p;
        } catch (RuntimeException e) {
            return new PriceState(org.microsmartgrid.grid.balancer.tariff.PriceList.EMPTY, null,
                    "price service failed: " + e);
        }
    }

    private SiteSnapshot snapshot(Instant now, List<MeterReading> readings, List<Relay> rs, PriceState priceState) {
        TariffOutlook tariff = priceState.prices().isEmpty() ? this.tariff : new PricedTariff(this.tariff, priceState.prices());
        Map<Integer, Reserved> reserved = Map.of();
        ReservationBook book = reservations;
        if (book != null) {
            Map<Integer, String> holders = new HashMap<>();
            for (Reservation r : book.reservations())
                sessionSource.holder(r.socket()).ifPresent(h -> holders.put(r.socket(), h));
            reserved = book.inForce(now, holders);
        }
        SiteSnapshot snap = control == null
                ? SnapshotGatherer.fromReadings(now, readings, rs, config, sessionSource, state, tariff, Map.of(),
                        Double.POSITIVE_INFINITY, reserved)
                : SnapshotGatherer.fromReadings(now, readings, rs, config, sessionSource, state, tariff,
                        control.disabledSockets(), control.capW(), reserved);
        HoldBook hb = holds;
        return hb == null ? snap : withHolds(snap, hb.inForce(now));
    }

    /** The snapshot with each socket's manual hold in force (a hold on a socket the site does not have is ignored). */
    static SiteSnapshot withHolds(SiteSnapshot snap, Map<Integer, Held> held) {
        if (held.isEmpty()) return snap;
        List<SocketSnapshot> sockets = snap.sockets().stream().map(s -> s.withHold(held.get(s.socket()))).toList();
        return new SiteSnapshot(snap.now(), snap.grid(), snap.pv(), snap.battery(), sockets, snap.tariff(),
                snap.settings(), snap.previous(), snap.gridSetup());
    }

    /** Who asks for each held socket's relay: the hold's actor, so the relay and its log name the installer. */
    private static Map<Integer, String> holders(SiteSnapshot snap) {
        Map<Integer, String> result = new HashMap<>();
        for (SocketSnapshot s : snap.sockets()) if (s.hold() != null) result.put(s.socket(), s.hold().actor());
        return result;
    }

    /** The commissioning self-test on the live snapshot: decides, never applies (see {@link SafetyDryRun}). */
    public synchronized List<LoopSelfTest.Check> dryRun() {
        Instant now = clock.instant();
        return SafetyDryRun.run(snapshot(now, SnapshotGatherer.readAll(List.copyOf(meters.get()), now),
                List.copyOf(relays.get()), priceState()));
    }

    public Optional<CycleRecord> last() {
        return Optional.ofNullable(last);
    }

    /** Sends OFF to every relay that is on and gives the battery back its automatic mode: used when the balancer stops. */
    public void stop() {
        RelayApplier.allOff(List.copyOf(relays.get()), SOURCE);
        BatteryApplier.release(List.copyOf(batteries.get()), SOURCE);
    }

    private static void logChanges(Decision before, Decision d) {
        boolean wasSafe = before != null && before.safeState();
        if (d.safeState() && !wasSafe) LOG.warn("safe state: {}", d.safeStateWhy());
        if (!d.safeState() && wasSafe) LOG.info("safe state left: grid meter trustworthy again");
        boolean hadPrice = before != null && Double.isFinite(before.priceEurMWh());
        if (hadPrice && !Double.isFinite(d.priceEurMWh()))
            LOG.warn("no hourly price for {}: the ARERA band {} decides the battery's trade ({})", d.at(), d.band(), d.trade());
        if (before != null && before.trade() != d.trade())
            LOG.info("battery trade {} -> {} (price {} €/MWh, band {})", before.trade(), d.trade(),
                    Double.isFinite(d.priceEurMWh()) ? d.priceEurMWh() : "none", d.band());
        for (SocketDecision s : d.sockets()) {
            if (!s.change()) continue;
            if (s.safety()) LOG.warn("socket {} OFF ({}): {}", s.socket(), s.reason(), s.text());
            else LOG.info("socket {} {} ({}): {}", s.socket(), s.on() ? "ON" : "OFF", s.reason(), s.text());
        }
    }
}
