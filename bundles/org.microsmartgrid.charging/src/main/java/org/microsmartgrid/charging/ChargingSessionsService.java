package org.microsmartgrid.charging;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.charging.FleetTrip;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.health.HealthProblems;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterListener;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.charging.config.ChargingConfig;
import org.microsmartgrid.charging.config.ConfigValidator;
import org.microsmartgrid.charging.config.Settings;
import org.microsmartgrid.charging.session.Change;
import org.microsmartgrid.charging.session.SessionBook;
import org.microsmartgrid.charging.session.SocketSample;
import org.microsmartgrid.charging.store.SessionStore;
import org.microsmartgrid.charging.trip.Trip;
import org.microsmartgrid.charging.trip.TripBook;
import org.osgi.framework.BundleContext;
import org.microsmartgrid.api.tariff.TariffCalendar;
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
 * Charging sessions as an OSGi component: listens to the meters (whiteboard {@link MeterListener}), keeps the open
 * sessions in memory ({@link SessionBook}) and every change in the sessions store ({@link SessionStore}, H2's MVStore)
 * through one writer thread, so the bus thread never waits for the disk. Open sessions found in the store at
 * activation are resumed.
 */
@Component(name = ChargingConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {ChargingSessions.class, MeterListener.class, ConfigurableComponent.class, HealthProblems.class})
@Designate(ocd = ChargingConfig.class)
public class ChargingSessionsService implements ChargingSessions, MeterListener, ConfigurableComponent,
        HealthProblems {

    public static final String PID = ChargingConfig.PID;
    private static final Logger LOG = LoggerFactory.getLogger(ChargingSessionsService.class);
    /** A grid value older than this does not count for the solar share. */
    static final Duration GRID_FRESH = Duration.ofSeconds(10);
    /** A balancer decision older than this does not give a socket's mode. */
    static final Duration DECISION_FRESH = Duration.ofSeconds(60);
    private static final long WRITE_WAIT_S = 10;

    private final Clock clock;
    private final Object lock = new Object();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    final List<Relay> relays = new CopyOnWriteArrayList<>();
    private final Map<String, MeterReading> grid = new ConcurrentHashMap<>();
    /** Optional: the balancer's last decision gives each socket's mode. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ControlLoopStatus loopStatus;
    /** Optional: the ARERA band calendar gives the tariff band for the cost (without it: the dearest band). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TariffCalendar calendar;

    // guarded by lock
    private Settings settings;
    private SessionBook book;
    private TripBook trips;
    private SessionStore store;
    private ExecutorService writer;
    private Instant lastPrune;

    public ChargingSessionsService() {
        this(Clock.systemUTC());
    }

    /** For tests: a controllable clock (API starts and stops; readings carry their own time). */
    ChargingSessionsService(Clock clock) {
        this.clock = clock;
    }


    @Activate
    void activate(ChargingConfig config, BundleContext context) {
        Settings s = validated(config, context);
        synchronized (lock) {
            open(s);
        }
    }

    /** Applied live; a new database path closes the old database and resumes the new one's open sessions. */
    @Modified
    void modified(ChargingConfig config, BundleContext context) {
        Settings s = validated(config, context);
        synchronized (lock) {
            if (s.databasePath().equals(settings.databasePath())) {
                settings = s;
                book.reconfigure(s);
                trips.reconfigure(s.fleetHomes());
                LOG.info("{} reconfigured", PID);
            } else {
                close();
                open(s);
            }
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (lock) {
            close();
        }
    }

    private void open(Settings s) {
        try {
            store = SessionStore.open(s.databasePath());
            List<org.microsmartgrid.charging.session.Row> resumed = store.openRows();
            book = new SessionBook(s, UUID::randomUUID, resumed);
            List<Trip> out = store.outTrips();
            trips = new TripBook(s.fleetHomes(), UUID::randomUUID, out);
            settings = s;
            writer = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "msg-charging-store");
                t.setDaemon(true);
                return t;
            });
            lastPrune = null; // prune at the first write
            LOG.info("{} active: sessions store {}, {} open session(s) resumed, {} fleet trip(s) out", PID,
                    store.file(), resumed.size(), out.size());
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: cannot open the sessions database {} (database.path): {}", PID, s.databasePath(),
                    e.getMessage());
            closeQuietly();
            throw new IllegalStateException(PID + ": cannot open the sessions database " + s.databasePath(), e);
        }
    }

    /** Writes what is pending, then closes the database cleanly. Open sessions stay open: resumed next time. */
    private void close() {
        if (book != null) persist(book.pending());
        ExecutorService w = writer;
        writer = null;
        if (w != null) {
            w.shutdown();
            try {
                if (!w.awaitTermination(WRITE_WAIT_S, TimeUnit.SECONDS)) LOG.warn("{}: pending writes abandoned", PID);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
        book = null;
        trips = null;
    }

    private void closeQuietly() {
        try {
            if (store != null) store.close();
        } catch (IOException e) {
            LOG.warn("{}: closing the database: {}", PID, e.getMessage());
        }
        store = null;
    }

    @Override
    public void onReading(MeterReading r) {
        if (r == null) return;
        if (r.role() == MeterRole.GRID) {
            grid.put(r.meterId(), r);
            return;
        }
        if (r.role() != MeterRole.SOCKET || r.socket() < 1) return;
        SocketSample sample = new SocketSample(r.socket(), r.at(), r.good(Channel.ACTIVE_POWER).orElse(null),
                r.good(Channel.IMPORT_ENERGY).orElse(null), relayClosed(r.socket()));
        Double gridW = gridW(r.at());
        String band = band(r.at());
        synchronized (lock) {
            if (book == null) return;
            Optional<Change> c = book.onSocket(sample, gridW, band, socketMode(r.socket(), r.at()));
            c.ifPresent(ChargingSessionsService::log);
            c.ifPresent(change -> persist(List.of(change)));
        }
    }

    @Override
    public Optional<ChargingSession> active(int socket) {
        synchronized (lock) {
            return book == null ? Optional.empty() : book.active(socket);
        }
    }

    @Override
    public ChargingSession start(int socket, ChargingMode mode, double targetWh, Instant deadline, String token) {
        return opened(() -> book.start(socket, mode, targetWh, deadline, token, clock.instant()));
    }

    @Override
    public ChargingSession startRemote(int socket, ChargingMode mode, double targetWh, Instant deadline, String actor) {
        return opened(() -> book.startRemote(socket, mode, targetWh, deadline, actor, clock.instant()));
    }

    /** Opens a session in the book (under the lock), stores it, and returns it once it is on disk. */
    private ChargingSession opened(Supplier<Change> opening) {
        Change c;
        Future<?> written;
        synchronized (lock) {
            requireActive();
            c = opening.get();
            log(c);
            written = persist(List.of(c));
        }
        await(written);
        return c.row().session();
    }

    @Override
    public Optional<ChargingSession> stop(int socket, String actor) {
        Optional<Change> c;
        Future<?> written = null;
        synchronized (lock) {
            requireActive();
            c = book.stop(socket, actor, clock.instant());
            if (c.isPresent()) {
                log(c.get());
                written = persist(List.of(c.get()));
            }
        }
        if (written != null) await(written);
        return c.map(x -> x.row().session());
    }

    @Override
    public boolean held(int socket) {
        synchronized (lock) {
            return book != null && book.held(socket, clock.instant());
        }
    }

    @Override
    public List<ChargingSession> recent(int limit) {
        if (limit <= 0) return List.of();
        List<ChargingSession> open;
        SessionStore s;
        synchronized (lock) {
            requireActive();
            open = book.openSessions();
            s = store;
        }
        Map<UUID, ChargingSession> byId = new LinkedHashMap<>();
        try {
            for (ChargingSession x : s.recent(limit)) byId.put(x.id(), x);
        } catch (IOException e) {
            throw new IllegalStateException(PID + ": cannot read the sessions database: " + e.getMessage(), e);
        }
        for (ChargingSession x : open) byId.put(x.id(), x); // memory is newer than the last periodic write
        List<ChargingSession> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(ChargingSession::started).reversed());
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : List.copyOf(all);
    }

    @Override
    public List<FleetTrip> trips(int limit) {
        if (limit <= 0) return List.of();
        Map<UUID, ChargingSession> open = new java.util.HashMap<>();
        SessionStore s;
        synchronized (lock) {
            requireActive();
            for (ChargingSession x : book.openSessions()) open.put(x.id(), x);
            s = store;
        }
        List<FleetTrip> stored;
        try {
            stored = s.trips(limit);
        } catch (IOException e) {
            throw new IllegalStateException(PID + ": cannot read the trips: " + e.getMessage(), e);
        }
        // a return still charging: its energy in memory is newer than the last periodic write
        return stored.stream().map(t -> t.returnSession() == null || !open.containsKey(t.returnSession()) ? t
                : new FleetTrip(t.id(), t.vehicle(), t.socket(), t.left(), t.returned(), t.returnSession(),
                        open.get(t.returnSession()).energyWh(), false)).toList();
    }

    /** For {@code /status}: the sessions store closed after a failed write (a full disk), until it is reopened. */
    @Override
    public List<Problem> problems() {
        SessionStore s;
        synchronized (lock) {
            s = store;
        }
        return s == null ? List.of() : s.problem().map(m -> List.of(new Problem(PID, m))).orElse(List.of());
    }

    /** For tests: waits until every write handed to the writer so far is done. */
    void flush() {
        Future<?> f;
        synchronized (lock) {
            f = writer == null ? null : writer.submit(() -> { });
        }
        if (f != null) await(f);
    }

    /** For tests: dies like kill -9 — no pending write, no clean close of the database. */
    void crash() {
        synchronized (lock) {
            writer.shutdownNow();
            try {
                writer.awaitTermination(WRITE_WAIT_S, TimeUnit.SECONDS);
                store.crash();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            writer = null;
            store = null;
            book = null;
            trips = null;
        }
    }

    /**
     * Hands changes to the writer thread, in order (called under the lock, so the order is the book's), each with
     * the fleet trip it opens or closes, stored in the same transaction.
     */
    private Future<?> persist(List<Change> changes) {
        SessionStore s = store;
        ExecutorService w = writer;
        if (w == null || s == null || changes.isEmpty()) return java.util.concurrent.CompletableFuture.completedFuture(null);
        List<Trip> tripOf = new ArrayList<>();
        for (Change c : changes) {
            Trip t = trips == null ? null : trips.onSession(c).orElse(null);
            if (t != null) log(t);
            tripOf.add(t);
        }
        pruneDaily(s, w);
        return w.submit(() -> {
            for (int i = 0; i < changes.size(); i++) {
                Change c = changes.get(i);
                try {
                    s.save(c.row(), c.sync(), tripOf.get(i));
                } catch (IOException e) {
                    // a closed store (full disk) has said so once and keeps the session: no line per save
                    if (s.problem().isPresent()) LOG.debug("{}: session {} not stored yet: {}", PID,
                            c.row().session().id(), e.getMessage());
                    else LOG.error("{}: session {} not stored: {}", PID, c.row().session().id(), e.getMessage());
                    throw new IllegalStateException("session not stored: " + e.getMessage(), e);
                }
            }
            return null;
        });
    }

    /** Deletes records past {@code retention.days}, at most once a day, on the writer thread (called under lock). */
    private void pruneDaily(SessionStore s, ExecutorService w) {
        Duration keep = settings.retention();
        Instant now = clock.instant();
        if (keep.isZero() || (lastPrune != null && now.isBefore(lastPrune.plus(Duration.ofDays(1))))) return;
        lastPrune = now;
        w.submit(() -> {
            try {
                int n = s.prune(now.minus(keep));
                if (n > 0) LOG.info("{}: {} session record(s) older than {} days deleted", PID, n, keep.toDays());
            } catch (IOException e) {
                LOG.warn("{}: old sessions not pruned: {}", PID, e.getMessage());
            }
        });
    }

    private static void await(Future<?> f) {
        try {
            f.get(WRITE_WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing the session", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(PID + ": the session could not be stored", e);
        }
    }

    private void requireActive() {
        if (book == null) throw new IllegalStateException(PID + " is not active");
    }

    private static void log(Trip t) {
        if (t.out()) LOG.info("fleet vehicle {} left socket {}: trip {} opened", t.vehicle(), t.socket(), t.id());
        else LOG.info("fleet vehicle {} returned to socket {}: trip {} closed after {} min", t.vehicle(), t.socket(),
                t.id(), Duration.between(t.left(), t.returned()).toMinutes());
    }

    private static void log(Change c) {
        ChargingSession s = c.row().session();
        switch (c.kind()) {
            case STARTED -> LOG.info("socket {}: session {} started ({}, by {})", s.socket(), s.id(), s.mode(),
                    s.startedBy());
            case ENDED -> LOG.info("socket {}: session {} ended ({}): {} Wh, {} Wh solar, {} EUR", s.socket(),
                    s.id(), s.endReason(), Math.round(s.energyWh()), Math.round(s.solarWh()),
                    String.format(java.util.Locale.ROOT, "%.2f", s.costEur()));
            default -> { }
        }
    }

    /** Sum of the GRID meters when all of them are GOOD and fresh; null otherwise (nothing then counts as solar). */
    private Double gridW(Instant now) {
        if (grid.isEmpty()) return null;
        double sum = 0;
        for (MeterReading r : grid.values()) {
            var p = r.isGood() ? r.values().get(Channel.ACTIVE_POWER) : null;
            if (p == null || Duration.between(p.at(), now).abs().compareTo(GRID_FRESH) > 0) return null;
            sum += p.value();
        }
        return sum;
    }

    /**
     * The tariff band now, from the calendar: a session is priced by the clock, not by whether the balancer ran (it
     * may be unconfigured, paused or stopped while a socket is switched by hand). Null without a calendar: priced at
     * the dearest band.
     */
    private String band(Instant now) {
        TariffCalendar c = calendar;
        if (c == null) return null;
        try {
            return c.band(now).name();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The mode the balancer's last (recent) decision serves a socket in, when it is a charging mode: without a
     * driver's choice that is the socket's configured mode (Balancer socket.modes), which a plugged-in session
     * follows. Null when there is no recent decision or the socket is off by configuration (NONE).
     */
    private ChargingMode socketMode(int socket, Instant now) {
        ControlLoopStatus s = loopStatus;
        if (s == null) return null;
        try {
            return s.lastDecision().filter(x -> Duration.between(x.at(), now).abs().compareTo(DECISION_FRESH) <= 0)
                    .flatMap(d -> d.sockets().stream().filter(a -> a.socket() == socket).findFirst())
                    .map(a -> a.mode())
                    .filter(m -> m != SessionMode.NONE)
                    .map(m -> ChargingMode.valueOf(m.name())).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether the socket's relay is closed; null when no relay (or no readable one) serves it. */
    private Boolean relayClosed(int socket) {
        for (Relay r : relays) {
            try {
                if (r.socket() == socket) return r.state().closed();
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static Settings validated(ChargingConfig config, BundleContext context) {
        UnaryOperator<String> props = name -> {
            String v = context == null ? null : context.getProperty(name);
            return v != null ? v : System.getProperty(name);
        };
        try {
            return ConfigValidator.validate(PID, config, props);
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            throw e;
        }
    }
}
