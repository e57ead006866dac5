package org.microsmartgrid.meter.modbus.poll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bus on a fake clock: the {@link PollSchedule} the bus thread uses (attach, take the due task, put it back again),
 * with every request holding the line for a fixed time. Deterministic, so the policy's bounds can be asserted to the
 * millisecond.
 */
final class LineSimulation {
    /** One meter: its power every fastMs (fastRequests requests), its energy every slowMs (slowRequests). */
    record Meter(String name, long fastMs, int fastRequests, long slowMs, int slowRequests, boolean urgent) {
        long intervalMs(PollKind kind) {
            return kind == PollKind.FAST ? fastMs : slowMs;
        }

        int requests(PollKind kind) {
            return kind == PollKind.FAST ? fastRequests : slowRequests;
        }
    }

    private final long requestMs;
    private final List<Meter> meters;
    /** Start times of every poll, per meter name + kind. */
    private final Map<String, List<Long>> starts = new HashMap<>();
    /** false: every energy poll keeps its first due time, as before the spreading (for the comparison). */
    boolean spread = true;

    LineSimulation(long requestMs, List<Meter> meters) {
        this.requestMs = requestMs;
        this.meters = meters;
    }

    private static String key(Meter m, PollKind kind) {
        return m.name() + ":" + kind;
    }

    /** Runs the bus for {@code durationMs} of fake time. */
    LineSimulation run(long durationMs) {
        PollSchedule<Meter> schedule = new PollSchedule<>();
        for (Meter m : meters) {
            schedule.attach(m, 0, m.urgent(), spread ? m.slowMs() : 0);
            for (PollKind kind : PollKind.values()) starts.put(key(m, kind), new ArrayList<>());
        }
        long now = 0;
        while (now < durationMs) {
            var task = schedule.takeDue(now);
            if (task.isEmpty()) {
                now = schedule.peek().orElseThrow().dueMillis();
                continue;
            }
            Meter m = task.get().device();
            PollKind kind = task.get().kind();
            starts.get(key(m, kind)).add(now);
            now += m.requests(kind) * requestMs;
            schedule.again(task.get(), m.intervalMs(kind), now);
        }
        return this;
    }

    /** The longest time between two polls of a task after {@code fromMs}: the most its reading can age. */
    long maxGap(Meter m, PollKind kind, long fromMs) {
        List<Long> s = starts.get(key(m, kind));
        long max = 0;
        for (int i = 1; i < s.size(); i++) if (s.get(i - 1) >= fromMs) max = Math.max(max, s.get(i) - s.get(i - 1));
        return max;
    }

    int polls(Meter m, PollKind kind) {
        return starts.get(key(m, kind)).size();
    }
}
