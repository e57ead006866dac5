package org.microsmartgrid.telemetry;

import org.microsmartgrid.api.site.SiteView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.FleetTrip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the site and every socket every {@code interval}, a socket's availability as an event the moment it changes
 * (checked after each control-loop decision), and each session's record when it opens and when it closes (keyed, so
 * a restart re-scanning the recent sessions does not send one twice). The recent sessions are read from the
 * sessions database at each interval and when the set of open sessions changes, not at every decision.
 * <p>
 * At start nothing is said about a socket until the module knows it ({@link StartupKnowledge}): a socket whose relay
 * is not bound yet, that the loop has not decided on yet, or that looks out of order or off only because its meters
 * have not answered once yet is neither sent as an event nor as a socket message; if that lasts longer than the
 * start grace, what the module sees is sent (a meter dead from the start is out of order on the map).
 * <p>
 * A socket is told OUTOFORDER or UNKNOWN only once that has lasted {@link #BROKEN_CONFIRM}: on a busy CPU a meter's
 * values can age past their limit for a moment, or a relay re-binds after a configuration change; the loop keeps the
 * socket off for that moment (safety does not wait), but a socket that is broken for a second is not broken for a
 * driver walking to it, and the map would turn red and back. Every other change is told at once.
 */
public final class TelemetryPublisher implements AutoCloseable {

    /** Sessions closed longer ago than this are not looked at again (their keys are forgotten later). */
    static final Duration SESSION_LOOKBACK = Duration.ofDays(7);
    /** How long OUTOFORDER or UNKNOWN must last before the map is told. */
    static final Duration BROKEN_CONFIRM = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryPublisher.class);

    private final Supplier<SiteView> view;
    private final Supplier<List<ChargingSession>> recentSessions;
    private final MessageSink sink;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean checkPending = new AtomicBoolean();
    private final Map<Integer, SocketStatus> lastStatus = new HashMap<>();
    private final StartupKnowledge startup;
    private final Duration brokenConfirm;
    /** Since when each socket has looked broken (OUTOFORDER or UNKNOWN) without that being told yet. */
    private final Map<Integer, Pending> pending = new HashMap<>();
    private Set<UUID> lastOpen = Set.of();
    private volatile Supplier<List<FleetTrip>> recentTrips = List::of;
    private volatile boolean quiet;

    public TelemetryPublisher(Supplier<SiteView> view, Supplier<List<ChargingSession>> recentSessions,
                              MessageSink sink, Clock clock) {
        this(view, recentSessions, sink, clock, StartupKnowledge.START_GRACE, BROKEN_CONFIRM);
    }

    /**
     * @param startGrace    how long at most a socket's status is held back at start while its meters are silent
     * @param brokenConfirm how long OUTOFORDER or UNKNOWN must last before it is told
     */
    public TelemetryPublisher(Supplier<SiteView> view, Supplier<List<ChargingSession>> recentSessions,
                              MessageSink sink, Clock clock, Duration startGrace, Duration brokenConfirm) {
        this.startup = new StartupKnowledge(clock.instant(), startGrace);
        this.brokenConfirm = brokenConfirm;
        this.view = view;
        this.recentSessions = recentSessions;
        this.sink = sink;
        this.clock = clock;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msg-cloud-telemetry");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The module is stopping: from now on no site, socket or availability message (what the stop itself does to
     * meters and relays is not news for the map; the DC is). Session records still go out: a session the stop ends
     * is a real record.
     */
    public void quiet() {
        if (quiet) return;
        quiet = true;
        LOG.info("telemetry: the module is stopping, no more statuses until it starts again (its DC tells the city)");
    }

    /**
     * Also sends the shared fleet's trips (docs/reservations.md) with the session records: an event when a vehicle
     * leaves, when it returns and when the return's charge ends, each once (keyed like the sessions).
     */
    public TelemetryPublisher withTrips(Supplier<List<FleetTrip>> trips) {
        this.recentTrips = trips;
        return this;
    }

    public void start(Duration interval) {
        worker.scheduleAtFixedRate(this::safeTick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Something may have changed (a loop decision): check availability soon, coalescing bursts. */
    public void poke() {
        if (checkPending.compareAndSet(false, true)) worker.execute(() -> {
            checkPending.set(false);
            try {
                SiteView v = view.get();
                checkChanges(v);
                // the recent sessions are read from the database: only when a session opened or closed
                Set<UUID> open = v.sessions().values().stream().map(ChargingSession::id).collect(Collectors.toSet());
                if (!open.equals(lastOpen)) exportSessions();
                lastOpen = open;
            } catch (RuntimeException e) {
                LOG.warn("telemetry change check failed: {}", e.toString());
            }
        });
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("telemetry tick failed: {}", e.toString());
        }
    }

    /** One periodic round now (the schedule calls it; tests too): one {@link MessageSink#sendAll} for all of it. */
    public void tick() {
        if (quiet) {
            exportSessions();
            return;
        }
        SiteView v = view.get();
        long at = v.at().toEpochMilli();
        List<MessageSink.Outgoing> batch = new ArrayList<>();
        batch.add(new MessageSink.Outgoing("site", MessageClass.TELEMETRY, at, TelemetryMessages.site(v)));
        Set<Integer> sent = changes(v, batch);
        for (int n : TelemetryMessages.sockets(v)) {
            if (sent.contains(n) || !lastStatus.containsKey(n)) continue; // sent with its event, or not known yet
            batch.add(new MessageSink.Outgoing("sockets/" + n, MessageClass.TELEMETRY, at, TelemetryMessages.socket(v, n)));
        }
        sink.sendAll(batch);
        exportSessions();
    }

    void checkChanges(SiteView v) {
        if (quiet) return;
        List<MessageSink.Outgoing> batch = new ArrayList<>();
        changes(v, batch);
        if (!batch.isEmpty()) sink.sendAll(batch);
    }

    /** @return the sockets whose status changed (their socket message is in the batch) */
    private Set<Integer> changes(SiteView v, List<MessageSink.Outgoing> batch) {
        long at = v.at().toEpochMilli();
        startup.see(v);
        Set<Integer> changed = new java.util.TreeSet<>();
        TelemetryMessages.statuses(v).forEach((n, status) -> {
            SocketStatus told = lastStatus.get(n);
            if (status == told) {
                pending.remove(n); // a blip that went away
                return;
            }
            if (!confirmed(n, status, v.at())) return;
            if (told == null && !startup.knows(v, n, status)) return; // nothing said until known
            pending.remove(n);
            SocketStatus before = lastStatus.put(n, status);
            changed.add(n);
            batch.add(new MessageSink.Outgoing("events/availability", MessageClass.EVENT, at,
                    TelemetryMessages.availability(n, status, before, TelemetryMessages.reason(v, n))));
            batch.add(new MessageSink.Outgoing("sockets/" + n, MessageClass.TELEMETRY, at, TelemetryMessages.socket(v, n)));
        });
        return changed;
    }

    /** Whether a status may be told now: at once, unless it says broken and has not lasted long enough yet. */
    private boolean confirmed(int socket, SocketStatus status, Instant at) {
        if (status != SocketStatus.OUTOFORDER && status != SocketStatus.UNKNOWN) {
            pending.remove(socket);
            return true;
        }
        Pending p = pending.get(socket);
        if (p == null || p.status() != status) pending.put(socket, p = new Pending(status, at));
        return !at.isBefore(p.since().plus(brokenConfirm));
    }

    private record Pending(SocketStatus status, Instant since) { }

    void exportSessions() {
        Instant horizon = clock.instant().minus(SESSION_LOOKBACK);
        for (ChargingSession s : recentSessions.get()) {
            if (s.ended() != null && s.ended().isBefore(horizon)) continue;
            String key = "session:" + s.id() + (s.open() ? ":open" : ":closed");
            long at = (s.open() ? s.started() : s.ended()).toEpochMilli();
            if (sink.sendOnce(key, "sessions", MessageClass.SESSION, at, TelemetryMessages.session(s)))
                LOG.debug("session {} {} queued for the cloud", s.id(), s.open() ? "opened" : "closed");
        }
        exportTrips(horizon);
    }

    /** A trip's states as it reaches them: OUT (left), RETURNED (plugged in at home), CHARGED (that charge ended). */
    private void exportTrips(Instant horizon) {
        for (FleetTrip t : recentTrips.get()) {
            if (t.returned() != null && t.returned().isBefore(horizon)) continue;
            send(t, "OUT", t.left());
            if (!t.out()) send(t, "RETURNED", t.returned());
            if (t.charged()) send(t, "CHARGED", t.returned());
        }
    }

    private void send(FleetTrip t, String state, Instant at) {
        if (sink.sendOnce("trip:" + t.id() + ":" + state, "events/trip", MessageClass.SESSION, at.toEpochMilli(),
                TelemetryMessages.trip(t, state)))
            LOG.debug("trip {} of {} {} queued for the cloud", t.id(), t.vehicle(), state);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
