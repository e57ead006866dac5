package org.microsmartgrid.city.ingest.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.microsmartgrid.city.ingest.InboundMessages;
import org.microsmartgrid.city.ingest.IngestMonitor;
import org.microsmartgrid.city.ingest.internal.Counters.Name;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest pipeline: a bounded queue filled on the broker's threads and one thread that decodes, dedupes and
 * applies in arrival order. When the queue is full a message is dropped and counted (the broker is never blocked);
 * socket statuses heal with the module's next periodic report (every telemetry interval), see docs/city-runtime.md.
 */
public final class Ingest implements InboundMessages, IngestMonitor, AutoCloseable {

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
    private final Thread worker;
    private volatile boolean running = true;
    private volatile long lastLagMs;
    private volatile long lastAppliedAt;

    public Ingest(Registry registry, int queueCapacity, int maxPayloadBytes, int dedupWindow, Clock clock) {
        this.registry = registry;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxPayloadBytes = maxPayloadBytes;
        this.recent = new RecentIds(dedupWindow);
        this.applier = new Applier(registry);
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
        while (running) {
            Inbound in;
            try {
                in = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (in != null) handle(in);
        }
    }

    /** Handles one message; never throws (a bad message must not stop the ingest). */
    void handle(Inbound in) {
        Route route = Route.of(in.topic());
        if (route.kind() == Route.Kind.UNKNOWN) {
            counters.add(Name.unknown_topic);
            LOG.debug("unknown topic {}", in.topic());
            return;
        }
        KuraMessage m;
        try {
            m = KuraPayloadCodec.decode(in.payload());
        } catch (RuntimeException e) {
            counters.add(Name.malformed);
            LOG.warn("malformed payload on {}: {}", in.topic(), e.getMessage());
            return;
        }
        Object id = m.metrics().get("msg.id");
        if (id instanceof String s && !recent.firstTime(route.account() + "/" + route.clientId() + "/" + s)) {
            counters.add(Name.duplicate);
            return;
        }
        try {
            Applier.Outcome o = applier.apply(route, m, in.receivedAt());
            if (o == Applier.Outcome.APPLIED) {
                counters.add(Name.applied);
                long now = clock.millis();
                lastLagMs = now - (m.timestamp() == null ? in.receivedAt() : m.timestamp());
                lastAppliedAt = now;
            } else {
                counters.add(Name.stale);
            }
        } catch (IllegalArgumentException e) {
            counters.add(Name.malformed);
            LOG.warn("malformed {} from {}/{}: {}", route.kind(), route.account(), route.clientId(), e.getMessage());
        } catch (RuntimeException e) {
            counters.add(Name.failed);
            LOG.error("could not apply {} from {}/{}", route.kind(), route.account(), route.clientId(), e);
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

    /** Test hook: handles a message now, on the caller's thread. */
    public void handleNow(String topic, byte[] payload) {
        counters.add(Name.received);
        handle(new Inbound(topic, payload, clock.millis()));
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
