package org.microsmartgrid.city.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.LocationListener;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.search.PointFacts;
import org.microsmartgrid.city.search.PointIndex;
import org.microsmartgrid.city.search.PointView;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry as the public search reads it: a {@link PointIndex} and the latest public state of every point, kept
 * current by the registry's {@link LocationListener} calls, and the {@link AvailabilityFeed} of changes for SSE.
 *
 * <p>At start the listener is registered first, then the index is rebuilt from {@link Registry#all()} (the database
 * is the truth): a change written meanwhile arrives through the listener, and a point the listener already delivered
 * is not overwritten by the (possibly older) copy read from the database.
 *
 * <p>The index holds each socket's <em>public</em> status (UNKNOWN when its module is offline), so "available now"
 * never finds a point whose module is offline.
 */
@Component(service = LiveRegistry.class, immediate = true, configurationPid = LiveRegistryConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LiveRegistryConfig.class)
public final class LiveRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(LiveRegistry.class);

    private final PointIndex index = new PointIndex();
    private final Map<String, Location> latest = new ConcurrentHashMap<>();
    /**
     * Slots for the public JSON of recently shown points, one slot per id hash: a point shown later in a taken slot
     * replaces what was there. Bounded (at most ~25 MB) because the JSON of 130,000 points takes some 190 MB of heap,
     * on top of the 180 MB of points and index, more than the runtime's -Xmx256m (docs/benchmarks.md §11, §14).
     */
    static final int JSON_SLOTS = 16_384;
    private final AtomicReferenceArray<PointJson> json = new AtomicReferenceArray<>(JSON_SLOTS);
    private Registry registry;
    private AvailabilityFeed feed;
    private LiveRegistryConfig config;
    private ScheduledExecutorService writer;
    private ServiceRegistration<LocationListener> listener;
    /**
     * The index's "capture time" of statuses: the order of the registry's changes. The registry already refused
     * statuses older than the stored one; the index must follow it exactly (an offline module's UNKNOWN, then the
     * same old status again when it is back).
     */
    private long order;

    public LiveRegistry() {
    }

    @Reference
    void bindRegistry(Registry r) {
        this.registry = r;
    }

    @Activate
    void activate(BundleContext context, LiveRegistryConfig c) {
        start(c);
        listener = context.registerService(LocationListener.class, this::changed, null);
        load();
    }

    /** Starts the feed and its writer thread (also used by tests without OSGi). */
    void start(LiveRegistryConfig c) {
        this.config = c;
        this.feed = new AvailabilityFeed(c.replay_buffer(), System.currentTimeMillis() * 1000);
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msg-city-sse");
            t.setDaemon(true);
            return t;
        });
        int beat = c.sse_heartbeat_s();
        writer.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.SECONDS);
    }

    /** Rebuilds the index from the database; points the listener delivered meanwhile are newer and stay. */
    void load() {
        List<Location> all = registry.all();
        int n = 0;
        synchronized (this) {
            for (Location l : all) {
                if (!latest.containsKey(l.id())) {
                    apply(l, false);
                    n++;
                }
            }
        }
        LOG.info("search index loaded: {} point(s) from the registry, {} indexed", n, index.size());
    }

    @Deactivate
    void deactivate() {
        if (listener != null) listener.unregister();
        for (AvailabilityFeed.Subscriber s : feed.subscribers()) s.drop();
        writer.shutdownNow();
    }

    /** The registry changed this location (on the writer's thread: quick, never blocks). */
    void changed(Location l) {
        synchronized (this) {
            apply(l, true);
        }
    }

    private void apply(Location l, boolean tell) {
        Location before = latest.put(l.id(), l);
        Optional<PointFacts> facts = IndexedFacts.of(l);
        if (facts.isEmpty()) {
            index.remove(l.id());
            return;
        }
        PointFacts f = facts.get();
        if (index.get(l.id()).map(v -> !v.facts().equals(f)).orElse(true)) index.put(f);
        Instant at = Instant.EPOCH.plusNanos(++order);
        for (Evse e : l.evses()) index.updateStatus(l.id(), IndexedFacts.uid(e), IndexedFacts.status(l, e), at);
        if (tell && !availability(l).equals(before == null ? null : availability(before)))
            feed.publish(l.latitude(), l.longitude(), "availability", Answers.GSON.toJson(event(l)));
    }

    /** What an availability event tells; an event goes out when this changes (not for a newer equal status). */
    private static List<Object> availability(Location l) {
        List<Object> a = new ArrayList<>();
        a.add(l.latitude());
        a.add(l.longitude());
        a.add(l.module() != null && l.module().online());
        for (Evse e : l.evses()) {
            a.add(e.socket());
            a.add(l.publicStatus(e));
        }
        return a;
    }

    static Map<String, Object> event(Location l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("latitude", l.latitude());
        m.put("longitude", l.longitude());
        m.put("monitored", l.monitored());
        m.put("module_online", l.module() != null && l.module().online());
        List<Map<String, Object>> evses = new ArrayList<>();
        for (Evse e : l.evses()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("socket", e.socket());
            em.put("status", l.publicStatus(e).name());
            em.put("status_captured", e.statusAt() > 0 ? Times.iso(e.statusAt()) : null);
            evses.add(em);
        }
        m.put("evses", evses);
        return m;
    }

    private void heartbeat() {
        for (AvailabilityFeed.Subscriber s : feed.subscribers()) {
            if (!s.offer(": keep-alive\n\n")) {
                feed.unsubscribe(s);
                s.drop();
            }
        }
    }

    PointIndex index() {
        return index;
    }

    /** The latest state of a point the index returned. */
    Optional<Location> location(String id) {
        return Optional.ofNullable(latest.get(id));
    }

    /**
     * The point's public JSON at {@code now} (epoch ms), as {@code PublicView.of(l, now)} written by Gson: made the
     * first time an answer shows this copy of the location, then reused while it stays in its slot and the registry
     * does not change it (a changed point is a new {@link Location}). Without a lock: a request that raced a change
     * may store JSON of the older copy, which the next request sees is not of {@code l} and makes again.
     */
    String publicJson(Location l, long now) {
        int slot = (l.id().hashCode() * 0x9E3779B9 >>> 1) % JSON_SLOTS; // ids are alike: spread their hashes
        PointJson j = json.get(slot);
        if (j == null || j.source != l) {
            j = PointJson.of(l);
            json.set(slot, j);
        }
        return j.json(now);
    }

    Optional<Location> location(PointView v) {
        return location(v.facts().id());
    }

    AvailabilityFeed feed() {
        return feed;
    }

    LiveRegistryConfig config() {
        return config;
    }

    ScheduledExecutorService writer() {
        return writer;
    }
}
