package org.microsmartgrid.city.ingest.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.microsmartgrid.city.ingest.ClaimHashes;
import org.microsmartgrid.city.ingest.InboundMessages;
import org.microsmartgrid.city.ingest.IngestMonitor;
import org.microsmartgrid.city.ingest.Telemetry;
import org.microsmartgrid.city.ingest.TelemetryObserver;
import org.microsmartgrid.city.ingest.internal.Counters.Name;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest pipeline: a bounded queue filled on the broker's threads and one thread that decodes, dedupes and
 * applies in arrival order, what the queue holds (up to {@code batchSize}) in one registry transaction: one commit per
 * batch instead of two per message is what lets the ingest keep up with the broker (docs/benchmarks.md §13). When the
 * queue is full a message is dropped and counted (the broker is never blocked); socket statuses heal with the
 * module's next periodic report (every telemetry interval), see docs/city-runtime.md.
 */
public final class Ingest implements InboundMessages, IngestMonitor, ClaimHashes, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

    /** One queued message. */
    private record Inbound(String topic, byte[] payload, long receivedAt) {
    }

    private final BlockingQueue<Inbound> queue;
    private final int maxPayloadBytes;
    private final RecentIds recent;
    private final Applier applier;
    private final Registry registry;
    private final Clock clock;
    private final Counters counters = new Counters();
    private final List<TelemetryObserver> observers = new CopyOnWriteArrayList<>();
    private final LatestClaimHashes claimHashes;
    private final int batchSize;
    private final Thread worker;
    private volatile boolean running = true;
    private volatile long lastLagMs;
    private volatile long lastAppliedAt;

    /** With the runtime's default batch size. */
    public Ingest(Registry registry, int queueCapacity, int maxPayloadBytes, int dedupWindow, Clock clock) {
        this(registry, queueCapacity, maxPayloadBytes, dedupWindow, IngestConfig.DEFAULT_BATCH_SIZE, clock);
    }

    public Ingest(Registry registry, int queueCapacity, int maxPayloadBytes, int dedupWindow, int batchSize,
            Clock clock) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
        this.registry = registry;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxPayloadBytes = maxPayloadBytes;
        this.recent = new RecentIds(dedupWindow);
        this.applier = new Applier(registry);
        this.claimHashes = new LatestClaimHashes(registry);
        this.clock = clock;
        this.worker = new Thread(this::run, "msg-city-ingest");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public boolean offer(String topic, byte[] payload) {
        counters.add(Name.received);
        if (payload != null && payload.length > maxPayloadBytes) {
            counters.add(Name.oversized);
            LOG.warn("dropped a {}-byte message on {}: larger than {} bytes", payload.length, topic, maxPayloadBytes);
            return false;
        }
        if (!queue.offer(new Inbound(topic, payload == null ? new byte[0] : payload, clock.millis()))) {
            counters.add(Name.dropped_queue_full);
            return false;
        }
        return true;
    }

    @Override
    public void connectionLost(String account, String clientId, long atMillis) {
        // the same as the module's LWT: one path
        offer("$EDC/" + account + "/" + clientId + "/MQTT/LWT", new byte[0]);
    }

    private void run() {
        List<Inbound> batch = new ArrayList<>(batchSize);
        while (running) {
            Inbound first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) continue;
            batch.add(first);
            queue.drainTo(batch, batchSize - 1); // what else is waiting: no waiting for more
            handle(batch);
            batch.clear();
        }
    }

    /** One message that passed the topic, decoding and duplicate checks: ready for the registry. */
    private record Decoded(Route route, KuraMessage message, long receivedAt) {
    }

    /**
     * Handles queued messages in arrival order, in one registry transaction; never throws. A malformed message is
     * counted and skipped within it. When the batch fails (the database refused a write), nothing of it was stored and
     * its messages are applied one by one, so a bad row costs only its own message.
     */
    void handle(List<Inbound> batch) {
        List<Decoded> ready = new ArrayList<>(batch.size());
        for (Inbound in : batch) {
            Decoded d = decode(in);
            if (d != null) ready.add(d);
        }
        if (ready.isEmpty()) return;
        if (ready.size() == 1) {
            applyOne(ready.get(0));
            return;
        }
        Applier.Outcome[] outcomes = new Applier.Outcome[ready.size()];
        try {
            registry.batch(() -> {
                for (int i = 0; i < outcomes.length; i++) outcomes[i] = applyOrMalformed(ready.get(i));
            });
        } catch (RuntimeException e) {
            LOG.warn("a batch of {} messages failed, applying them one by one: {}", ready.size(), e.getMessage());
            ready.forEach(this::applyOne);
            return;
        }
        for (int i = 0; i < outcomes.length; i++) count(ready.get(i), outcomes[i]);
    }

    /** Handles one message on its own (one transaction); never throws (a bad message must not stop the ingest). */
    void handle(Inbound in) {
        Decoded d = decode(in);
        if (d != null) applyOne(d);
    }

    /** @return null when it goes no further (unknown topic, malformed payload, duplicate): counted */
    private Decoded decode(Inbound in) {
        Route route = Route.of(in.topic());
        if (route.kind() == Route.Kind.UNKNOWN) {
            counters.add(Name.unknown_topic);
            LOG.debug("unknown topic {}", in.topic());
            return null;
        }
        KuraMessage m;
        try {
            m = KuraPayloadCodec.decode(in.payload());
        } catch (RuntimeException e) {
            counters.add(Name.malformed);
            LOG.warn("malformed payload on {}: {}", in.topic(), e.getMessage());
            return null;
        }
        Object id = m.metrics().get("msg.id");
        if (id instanceof String s && !recent.firstTime(route.account() + "/" + route.clientId() + "/" + s)) {
            counters.add(Name.duplicate);
            return null;
        }
        return new Decoded(route, m, in.receivedAt());
    }

    private void applyOne(Decoded d) {
        Applier.Outcome o;
        try {
            o = applyOrMalformed(d);
        } catch (RuntimeException e) {
            counters.add(Name.failed);
            LOG.error("could not apply {} from {}/{}", d.route().kind(), d.route().account(), d.route().clientId(), e);
            return;
        }
        count(d, o);
    }

    /** @throws RuntimeException the registry failed (not the message's fault) */
    private Applier.Outcome applyOrMalformed(Decoded d) {
        try {
            return applier.apply(d.route(), d.message(), d.receivedAt());
        } catch (IllegalArgumentException e) {
            Route r = d.route();
            LOG.warn("malformed {} from {}/{}: {}", r.kind(), r.account(), r.clientId(), e.getMessage());
            return Applier.Outcome.MALFORMED;
        }
    }

    /** Whiteboard of {@link TelemetryObserver}s: told after each commit. */
    public void addObserver(TelemetryObserver o) {
        observers.add(o);
    }

    public void removeObserver(TelemetryObserver o) {
        observers.remove(o);
    }

    /** Counts an outcome once it is stored (after the commit), and tells the observers of an accepted message. */
    private void count(Decoded d, Applier.Outcome o) {
        if (o != Applier.Outcome.MALFORMED && !observers.isEmpty()) tell(d, o == Applier.Outcome.APPLIED);
        Route r = d.route();
        if (o != Applier.Outcome.MALFORMED && (r.kind() == Route.Kind.BIRTH || r.kind() == Route.Kind.APPS))
            claimHashes.birth(r.account(), r.clientId(), d.message().metrics(),
                    d.message().timestamp() == null ? d.receivedAt() : d.message().timestamp());
        switch (o) {
            case APPLIED -> {
                counters.add(Name.applied);
                long now = clock.millis();
                KuraMessage m = d.message();
                lastLagMs = now - (m.timestamp() == null ? d.receivedAt() : m.timestamp());
                lastAppliedAt = now;
            }
            case STALE -> counters.add(Name.stale);
            case MALFORMED -> counters.add(Name.malformed);
        }
    }

    private void tell(Decoded d, boolean newest) {
        Route r = d.route();
        KuraMessage m = d.message();
        String resource = switch (r.kind()) {
            case BIRTH -> "MQTT/BIRTH";
            case APPS -> "MQTT/APPS";
            case DC -> "MQTT/DC";
            case LWT -> "MQTT/LWT";
            case SITE -> "site";
            case SOCKET -> "sockets/" + r.socket();
            case AVAILABILITY -> "events/availability";
            case SESSIONS -> "sessions";
            case FAULT -> "events/fault";
            case UNKNOWN -> null;
        };
        if (resource == null) return;
        long at = r.kind() == Route.Kind.LWT || m.timestamp() == null ? d.receivedAt() : m.timestamp();
        Telemetry t = new Telemetry(r.account(), r.clientId(), resource, at, d.receivedAt(), m.metrics(), newest);
        for (TelemetryObserver o : observers) {
            try {
                o.observed(t);
            } catch (RuntimeException e) {
                LOG.warn("telemetry observer failed on {} from {}/{}: {}", resource, r.account(), r.clientId(),
                        e.toString());
            }
        }
    }

    @Override
    public void applyNow(String topic, byte[] payload) {
        counters.add(Name.received);
        if (payload != null && payload.length > maxPayloadBytes) {
            counters.add(Name.oversized);
            LOG.warn("dropped a {}-byte message on {}: larger than {} bytes", payload.length, topic, maxPayloadBytes);
            return;
        }
        handle(new Inbound(topic, payload == null ? new byte[0] : payload, clock.millis()));
    }

    /** Test hook: handles these messages now as one batch (as if the queue held them), on the caller's thread. */
    void handleBatchNow(List<Map.Entry<String, byte[]>> messages) {
        List<Inbound> batch = new ArrayList<>();
        for (Map.Entry<String, byte[]> m : messages) {
            counters.add(Name.received);
            batch.add(new Inbound(m.getKey(), m.getValue(), clock.millis()));
        }
        handle(batch);
    }

    /** Test hook: handles a message now, on the caller's thread. */
    public void handleNow(String topic, byte[] payload) {
        counters.add(Name.received);
        handle(new Inbound(topic, payload, clock.millis()));
    }

    @Override
    public List<Published> publishing(String sha256) {
        return claimHashes.publishing(sha256);
    }

    @Override
    public Map<String, Long> counters() {
        return counters.snapshot();
    }

    @Override
    public Map<String, Long> gauges() {
        Map<String, Long> g = new LinkedHashMap<>();
        g.put("queue_length", (long) queue.size());
        g.put("queue_capacity", (long) (queue.size() + queue.remainingCapacity()));
        g.put("last_lag_ms", lastLagMs);
        g.put("last_applied_at_ms", lastAppliedAt);
        IntSupplier online = registry::modulesOnline;
        try {
            g.put("modules_online", (long) online.getAsInt());
        } catch (RuntimeException e) {
            g.put("modules_online", -1L);
        }
        return g;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        worker.interrupt();
        worker.join(5000);
    }
}
