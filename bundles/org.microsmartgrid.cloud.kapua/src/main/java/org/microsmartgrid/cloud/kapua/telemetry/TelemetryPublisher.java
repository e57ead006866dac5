package org.microsmartgrid.cloud.kapua.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.cloud.kapua.outbox.MessageClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the site and every socket every {@code interval}, a socket's availability as an event the moment it changes
 * (checked after each control-loop decision), and each session's record when it opens and when it closes (keyed, so
 * a restart re-scanning the recent sessions does not send one twice).
 */
public final class TelemetryPublisher implements AutoCloseable {

    /** Sessions closed longer ago than this are not looked at again (their keys are forgotten later). */
    static final Duration SESSION_LOOKBACK = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryPublisher.class);

    private final Supplier<SiteView> view;
    private final Supplier<List<ChargingSession>> recentSessions;
    private final MessageSink sink;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean checkPending = new AtomicBoolean();
    private final Map<Integer, SocketStatus> lastStatus = new HashMap<>();

    public TelemetryPublisher(Supplier<SiteView> view, Supplier<List<ChargingSession>> recentSessions,
                              MessageSink sink, Clock clock) {
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

    public void start(Duration interval) {
        worker.scheduleAtFixedRate(this::safeTick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Something may have changed (a loop decision): check availability soon, coalescing bursts. */
    public void poke() {
        if (checkPending.compareAndSet(false, true)) worker.execute(() -> {
            checkPending.set(false);
            try {
                checkChanges(view.get());
                exportSessions();
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

    /** One periodic round (package-private: tests call it directly). */
    void tick() {
        SiteView v = view.get();
        long at = v.at().toEpochMilli();
        sink.send("site", MessageClass.TELEMETRY, at, TelemetryMessages.site(v));
        for (int n : TelemetryMessages.sockets(v))
            sink.send("sockets/" + n, MessageClass.TELEMETRY, at, TelemetryMessages.socket(v, n));
        checkChanges(v);
        exportSessions();
    }

    void checkChanges(SiteView v) {
        long at = v.at().toEpochMilli();
        TelemetryMessages.statuses(v).forEach((n, status) -> {
            SocketStatus before = lastStatus.put(n, status);
            if (status == before) return;
            sink.send("events/availability", MessageClass.EVENT, at,
                    TelemetryMessages.availability(n, status, before, TelemetryMessages.reason(v, n)));
            sink.send("sockets/" + n, MessageClass.TELEMETRY, at, TelemetryMessages.socket(v, n));
        });
    }

    void exportSessions() {
        Instant horizon = clock.instant().minus(SESSION_LOOKBACK);
        for (ChargingSession s : recentSessions.get()) {
            if (s.ended() != null && s.ended().isBefore(horizon)) continue;
            String key = "session:" + s.id() + (s.open() ? ":open" : ":closed");
            long at = (s.open() ? s.started() : s.ended()).toEpochMilli();
            if (sink.sendOnce(key, "sessions", MessageClass.SESSION, at, TelemetryMessages.session(s)))
                LOG.debug("session {} {} queued for the cloud", s.id(), s.open() ? "opened" : "closed");
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
