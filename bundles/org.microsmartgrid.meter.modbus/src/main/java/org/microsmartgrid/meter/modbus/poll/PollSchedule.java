package org.microsmartgrid.meter.modbus.poll;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The due tasks of one bus. A bus is a shared medium, so requests go out one at a time: the next one is the task due
 * earliest; on a tie, FAST before SLOW, then the task scheduled first. Pure and not thread-safe: the bus guards it.
 *
 * @param <D> the device type
 */
public final class PollSchedule<D> {
    /** A task: poll {@code device}'s {@code kind} channels at {@code dueMillis} (monotonic). */
    public record Task<D>(D device, PollKind kind, long dueMillis, long seq) {
    }

    private record Key(Object device, PollKind kind) {
    }

    private final TreeSet<Task<D>> queue = new TreeSet<>(Comparator.<Task<D>>comparingLong(Task::dueMillis)
            .thenComparing(Task::kind).thenComparingLong(Task::seq));
    private final Map<Key, Task<D>> byKey = new HashMap<>();
    private long seq;

    /** Adds or moves the task of this device and kind. */
    public void put(D device, PollKind kind, long dueMillis) {
        Task<D> old = byKey.remove(new Key(device, kind));
        if (old != null) queue.remove(old);
        Task<D> t = new Task<>(device, kind, dueMillis, seq++);
        queue.add(t);
        byKey.put(new Key(device, kind), t);
    }

    /** Brings a task forward (never later than it already is); used when an interval is shortened live. */
    public void advance(D device, PollKind kind, long latestDueMillis) {
        Task<D> t = byKey.get(new Key(device, kind));
        if (t != null && t.dueMillis() > latestDueMillis) put(device, kind, latestDueMillis);
    }

    public void remove(D device) {
        for (PollKind k : PollKind.values()) {
            Task<D> t = byKey.remove(new Key(device, k));
            if (t != null) queue.remove(t);
        }
    }

    public boolean contains(D device) {
        return byKey.containsKey(new Key(device, PollKind.FAST)) || byKey.containsKey(new Key(device, PollKind.SLOW));
    }

    /** The task to run next, whether or not it is due yet. */
    public Optional<Task<D>> peek() {
        return queue.isEmpty() ? Optional.empty() : Optional.of(queue.first());
    }

    /** Removes and returns the next task if it is due at {@code nowMillis}. */
    public Optional<Task<D>> takeDue(long nowMillis) {
        if (queue.isEmpty() || queue.first().dueMillis() > nowMillis) return Optional.empty();
        Task<D> t = queue.pollFirst();
        byKey.remove(new Key(t.device(), t.kind()));
        return Optional.of(t);
    }

    public int size() {
        return queue.size();
    }
}
