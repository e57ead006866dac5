package org.microsmartgrid.meter.modbus.poll;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The due tasks of one bus. A bus is a shared medium, so requests go out one at a time. The next one is:
 * <ol>
 * <li>a due <em>urgent</em> task (the grid meter's power, which the balancing loop acts on), whatever else is
 * waiting: strict priority, so an over-subscribed line delays the sockets, never the grid reading;</li>
 * <li>otherwise the task due earliest; on a tie, FAST before SLOW, then the task scheduled first. When the line is
 * over-subscribed every other task is overdue and this order serves them in turn, so they share what the urgent
 * tasks leave.</li>
 * </ol>
 * OpenEMS's Modbus bridge reaches the same end per cycle (every HIGH task each cycle, one LOW task in turn); here
 * tasks are timed by their own interval instead of a global cycle. Pure and not thread-safe: the bus guards it.
 *
 * @param <D> the device type
 */
public final class PollSchedule<D> {
    /** A task: poll {@code device}'s {@code kind} channels at {@code dueMillis} (monotonic). */
    public record Task<D>(D device, PollKind kind, long dueMillis, long seq, boolean urgent) {
    }

    private record Key(Object device, PollKind kind) {
    }

    private static <D> Comparator<Task<D>> order() {
        return Comparator.<Task<D>>comparingLong(Task::dueMillis).thenComparing(Task::kind).thenComparingLong(Task::seq);
    }

    /** Every task, earliest due first. */
    private final TreeSet<Task<D>> queue = new TreeSet<>(order());
    /** The urgent ones again, so that a due urgent task is found without scanning. */
    private final TreeSet<Task<D>> urgent = new TreeSet<>(order());
    private final Map<Key, Task<D>> byKey = new HashMap<>();
    /** The one-off shift each attached device's slow task still has to take (see {@link #spreadPhase}). */
    private final Map<Object, Long> slowShift = new HashMap<>();
    private int attached;
    private long seq;

    /**
     * Starts a device's two tasks: both due at {@code nowMillis}; after its first good slow poll the slow task is
     * shifted once by {@link #spreadPhase}, so that devices attached together (every meter at start) do not poll their
     * energy together ever after.
     */
    public void attach(D device, long nowMillis, boolean urgentFast, long slowIntervalMillis) {
        put(device, PollKind.FAST, nowMillis, urgentFast);
        put(device, PollKind.SLOW, nowMillis, false);
        slowShift.put(device, spreadPhase(attached++, slowIntervalMillis));
    }

    /** Puts back a task that has just run successfully: fixed rate ({@link #nextDue}), plus its one-off shift. */
    public void again(Task<D> t, long intervalMillis, long nowMillis) {
        long interval = intervalMillis;
        Long shift = t.kind() == PollKind.SLOW ? slowShift.remove(t.device()) : null;
        if (shift != null) interval += shift;
        put(t.device(), t.kind(), nextDue(t.dueMillis(), interval, nowMillis), t.urgent());
    }

    /** Puts back a task that has just failed: due after the back-off delay. */
    public void retry(Task<D> t, long delayMillis, long nowMillis) {
        put(t.device(), t.kind(), nowMillis + delayMillis, t.urgent());
    }

    /** Adds or moves the (not urgent) task of this device and kind. */
    public void put(D device, PollKind kind, long dueMillis) {
        put(device, kind, dueMillis, false);
    }

    /** Adds or moves the task of this device and kind. */
    public void put(D device, PollKind kind, long dueMillis, boolean isUrgent) {
        Task<D> old = byKey.remove(new Key(device, kind));
        if (old != null) drop(old);
        Task<D> t = new Task<>(device, kind, dueMillis, seq++, isUrgent);
        queue.add(t);
        if (isUrgent) urgent.add(t);
        byKey.put(new Key(device, kind), t);
    }

    /** Brings a task forward (never later than it already is); used when an interval is shortened live. */
    public void advance(D device, PollKind kind, long latestDueMillis) {
        Task<D> t = byKey.get(new Key(device, kind));
        if (t != null && t.dueMillis() > latestDueMillis) put(device, kind, latestDueMillis, t.urgent());
    }

    public void remove(D device) {
        slowShift.remove(device);
        for (PollKind k : PollKind.values()) {
            Task<D> t = byKey.remove(new Key(device, k));
            if (t != null) drop(t);
        }
    }

    /** When the task of this device and kind is due, if it is scheduled. */
    public java.util.OptionalLong due(D device, PollKind kind) {
        Task<D> t = byKey.get(new Key(device, kind));
        return t == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(t.dueMillis());
    }

    public boolean contains(D device) {
        return byKey.containsKey(new Key(device, PollKind.FAST)) || byKey.containsKey(new Key(device, PollKind.SLOW));
    }

    /** The task due earliest, whether or not it is due yet (how long the bus may sleep). */
    public Optional<Task<D>> peek() {
        return queue.isEmpty() ? Optional.empty() : Optional.of(queue.first());
    }

    /** Removes and returns the task to run at {@code nowMillis}: a due urgent one first, else the earliest due. */
    public Optional<Task<D>> takeDue(long nowMillis) {
        Task<D> t = null;
        if (!urgent.isEmpty() && urgent.first().dueMillis() <= nowMillis) t = urgent.first();
        else if (!queue.isEmpty() && queue.first().dueMillis() <= nowMillis) t = queue.first();
        if (t == null) return Optional.empty();
        drop(t);
        byKey.remove(new Key(t.device(), t.kind()));
        return Optional.of(t);
    }

    /** Whether an urgent task is due: it then goes even before a queued write. */
    public boolean urgentDue(long nowMillis) {
        return !urgent.isEmpty() && urgent.first().dueMillis() <= nowMillis;
    }

    public int size() {
        return queue.size();
    }

    /**
     * When a task that was due at {@code dueMillis} and has just run successfully is due again. Fixed rate: one
     * interval after its previous due time, so that the wait for the bus does not add up poll after poll (a 250 ms
     * poll stays a 250 ms poll). A task that fell more than a whole interval behind is due at once, and then waits
     * its turn among the overdue ones by that due time; it never fires a burst to catch up.
     */
    public static long nextDue(long dueMillis, long intervalMillis, long nowMillis) {
        long next = dueMillis + intervalMillis;
        return next > nowMillis ? next : nowMillis;
    }

    /**
     * How far the {@code n}-th slow task attached to a bus is shifted, once, after its first poll: spread by the
     * golden ratio, so that however many meters attach, their energy polls never fall due together (25 meters
     * attached at once would otherwise ask for 50 requests, 1.25 s of a 9600 baud line, every 10 s in one burst, and
     * the socket meters' power readings would go stale meanwhile). OpenEMS spreads its LOW tasks over cycles alike.
     */
    public static long spreadPhase(int n, long intervalMillis) {
        double golden = 0.6180339887498949;
        double fraction = (n * golden) % 1.0;
        return (long) (fraction * intervalMillis);
    }

    private void drop(Task<D> t) {
        queue.remove(t);
        if (t.urgent()) urgent.remove(t);
    }
}
