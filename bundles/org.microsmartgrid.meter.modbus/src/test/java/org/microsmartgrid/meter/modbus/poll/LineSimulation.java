package org.microsmartgrid.meter.modbus.poll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bus on a fake clock: the {@link PollSchedule} and its {@link PollSchedule#nextDue} rule, exactly as the bus thread
 * uses them, with every request holding the line for a fixed time. Deterministic, so the policy's bounds can be
 * asserted to the millisecond.
 */
final class LineSimulation {
    /** One polling task of the simulated site. */
    record Meter(String name, PollKind kind, long intervalMs, int requests, boolean urgent) {
    }

    private final long requestMs;
    private final List<Meter> meters;
    /** Start times of every poll, per task name + kind. */
    final Map<String, List<Long>> starts = new HashMap<>();

    boolean spread = true;

    LineSimulation(long requestMs, List<Meter> meters) {
        this.requestMs = requestMs;
        this.meters = meters;
    }

    static String key(Meter m) {
        return m.name() + ":" + m.kind();
    }

    /** Runs the bus for {@code durationMs} of fake time. */
    LineSimulation run(long durationMs) {
        PollSchedule<Meter> schedule = new PollSchedule<>();
        int attached = 0;
        for (Meter m : meters) {
            long first = m.kind() == PollKind.SLOW && spread ? PollSchedule.spreadPhase(attached++, m.intervalMs()) : 0;
            schedule.put(m, m.kind(), first, m.urgent());
            starts.put(key(m), new ArrayList<>());
        }
        long now = 0;
        while (now < durationMs) {
            var task = schedule.takeDue(now);
            if (task.isEmpty()) {
                now = schedule.peek().orElseThrow().dueMillis();
                continue;
            }
            Meter m = task.get().device();
            starts.get(key(m)).add(now);
            now += m.requests() * requestMs;
            schedule.put(m, m.kind(), PollSchedule.nextDue(task.get().dueMillis(), m.intervalMs(), now), m.urgent());
        }
        return this;
    }

    /** The longest time between two polls of a task after the warm-up: the most its reading can age. */
    long maxGap(Meter m, long fromMs) {
        List<Long> s = starts.get(key(m));
        long max = 0;
        for (int i = 1; i < s.size(); i++) if (s.get(i - 1) >= fromMs) max = Math.max(max, s.get(i) - s.get(i - 1));
        return max;
    }

    int polls(Meter m) {
        return starts.get(key(m)).size();
    }
}
