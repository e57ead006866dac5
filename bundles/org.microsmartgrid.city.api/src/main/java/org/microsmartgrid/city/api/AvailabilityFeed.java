package org.microsmartgrid.city.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.microsmartgrid.city.search.BoundingBox;

/**
 * The availability changes of the city as numbered server-sent events: a bounded replay buffer of the latest ones and
 * the subscribers (one per SSE client, each with its bounding box).
 *
 * <p>Ids grow by one per change and start at the boot time in ms × 1000, so they keep growing across restarts and a
 * client's {@code Last-Event-ID} from before a restart is recognised as too old. A subscriber whose id is still in
 * the buffer gets every change after it (none lost); one whose id is older than the buffer, or unknown, first gets a
 * {@code reload} event (docs/city-api.md).
 *
 * <p>{@link #publish} runs on the registry writer's thread (ingest): it only appends and hands frames to subscribers,
 * which must never block ({@link Subscriber#offer}); a subscriber that cannot take a frame is removed and dropped.
 * Thread-safe (one lock, held for O(subscribers) work).
 */
final class AvailabilityFeed {

    /** A server-sent events client as the feed sees it. */
    interface Subscriber {
        BoundingBox box();

        /** Queues a frame without blocking; false when its queue is full (then the feed drops it). */
        boolean offer(String frame);

        /** Removed by the feed (too slow): disconnect. */
        void drop();
    }

    private record Event(long id, double latitude, double longitude, String frame) {
    }

    private final int capacity;
    private final ArrayDeque<Event> buffer = new ArrayDeque<>();
    private final Set<Subscriber> subscribers = new LinkedHashSet<>();
    private long nextId;
    /** The highest id no longer in the buffer: a client that saw only ids below it has missed something. */
    private long lastEvicted;

    AvailabilityFeed(int capacity, long firstId) {
        if (capacity < 1) throw new IllegalArgumentException("capacity " + capacity);
        this.capacity = capacity;
        this.nextId = firstId;
        this.lastEvicted = firstId - 1;
    }

    /** Numbers the event, keeps it for replay and hands it to the subscribers whose box holds the position. */
    long publish(double latitude, double longitude, String type, String json) {
        List<Subscriber> slow = new ArrayList<>();
        long id;
        synchronized (this) {
            id = nextId++;
            Event e = new Event(id, latitude, longitude, frame(id, type, json));
            buffer.addLast(e);
            if (buffer.size() > capacity) lastEvicted = buffer.removeFirst().id();
            for (Subscriber s : subscribers) {
                if (s.box().contains(latitude, longitude) && !s.offer(e.frame())) slow.add(s);
            }
            subscribers.removeAll(slow);
        }
        slow.forEach(Subscriber::drop);
        return id;
    }

    /**
     * Adds the subscriber; first queues what it missed since {@code lastEventId} (null: a new client, nothing), or a
     * reload event when that is no longer known. Atomic with {@link #publish}: no change falls between replay and live.
     *
     * @return false if the replay did not fit in the subscriber's queue (it is not added)
     */
    synchronized boolean subscribe(Subscriber s, Long lastEventId) {
        if (lastEventId != null) {
            if (lastEventId < lastEvicted || lastEventId >= nextId) {
                String why = lastEventId >= nextId ? "unknown event id (the city runtime restarted?)"
                        : "event id older than the replay buffer";
                if (!s.offer(frame(null, "reload", Answers.GSON.toJson(java.util.Map.of("reason", why))))) return false;
            } else {
                for (Event e : buffer) {
                    if (e.id() > lastEventId && s.box().contains(e.latitude(), e.longitude()) && !s.offer(e.frame()))
                        return false;
                }
            }
        }
        subscribers.add(s);
        return true;
    }

    synchronized void unsubscribe(Subscriber s) {
        subscribers.remove(s);
    }

    synchronized List<Subscriber> subscribers() {
        return List.copyOf(subscribers);
    }

    synchronized long lastId() {
        return nextId - 1;
    }

    /** One SSE frame (HTML Living Standard, server-sent events); the JSON is one line (Gson never breaks lines). */
    private static String frame(Long id, String type, String json) {
        return (id == null ? "" : "id: " + id + "\n") + "event: " + type + "\ndata: " + json + "\n\n";
    }
}
