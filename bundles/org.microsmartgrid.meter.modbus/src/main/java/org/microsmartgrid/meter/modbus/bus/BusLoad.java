package org.microsmartgrid.meter.modbus.bus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.microsmartgrid.api.meter.BusUsage;
import org.microsmartgrid.meter.modbus.poll.PollKind;
import org.microsmartgrid.meter.modbus.poll.PolledDevice;

/**
 * What a bus's tasks cost and get, measured on the bus thread: each task's request time and the time between two of
 * its polls (moving averages), and the share of the last seconds the line was busy. From these it tells whether the
 * configured intervals fit on the line at all (demand), which is what an installer needs to decide to split it.
 * Pure and not thread-safe: the bus guards it. Times are monotonic ms.
 */
final class BusLoad {
    /** Weight of the newest sample in the moving averages: about the last ten polls count. */
    static final double ALPHA = 0.2;
    /** The busy share covers between one and two of these. */
    static final long WINDOW_MS = 10_000;

    /**
     * Successful polls of a task before its request time counts in the demand. The first one is never measured: it
     * carries the connection's set-up, class loading, SunSpec discovery; a freshly started module would otherwise
     * call its line over-subscribed for its first seconds.
     */
    static final int WARM_UP_POLLS = 3;

    private static final class Stats {
        int goodPolls;
        double requestMs = -1;
        double intervalMs = -1;
        long lastStart = Long.MIN_VALUE;
    }

    private final Map<PolledDevice, EnumMap<PollKind, Stats>> tasks = new IdentityHashMap<>();
    private long windowStart;
    private long busy;
    private long previousStart = Long.MIN_VALUE;
    private long previousBusy;

    BusLoad(long nowMillis) {
        windowStart = nowMillis;
    }

    /**
     * A poll of {@code device}'s {@code kind} task held the line from start to end. Only successful polls measure the
     * request time: a failed one costs its timeout, which the busy share counts, but the device then backs off.
     */
    void polled(PolledDevice device, PollKind kind, long start, long end, boolean ok) {
        Stats s = tasks.computeIfAbsent(device, d -> new EnumMap<>(PollKind.class)).computeIfAbsent(kind, k -> new Stats());
        long took = Math.max(0, end - start);
        if (ok && s.goodPolls++ > 0) s.requestMs = s.requestMs < 0 ? took : s.requestMs + ALPHA * (took - s.requestMs);
        if (s.lastStart != Long.MIN_VALUE) {
            long gap = start - s.lastStart;
            s.intervalMs = s.intervalMs < 0 ? gap : s.intervalMs + ALPHA * (gap - s.intervalMs);
        }
        s.lastStart = start;
        busy(start, end);
    }

    /** The line was busy from start to end (a poll or a write). */
    void busy(long start, long end) {
        roll(end);
        busy += Math.max(0, end - start);
    }

    void forget(PolledDevice device) {
        tasks.remove(device);
    }

    /**
     * The bus time the devices' configured intervals ask for, as a fraction of the line (1.0 = all of it). Tasks not
     * measured yet count nothing; a failing device's back-off is not counted (it asks for less while it fails).
     */
    double demand(Collection<PolledDevice> attached) {
        double sum = 0;
        for (PolledDevice d : attached) {
            EnumMap<PollKind, Stats> kinds = tasks.get(d);
            if (kinds == null) continue;
            for (Map.Entry<PollKind, Stats> e : kinds.entrySet()) {
                if (e.getValue().goodPolls < WARM_UP_POLLS) continue;
                sum += e.getValue().requestMs / Math.max(1, d.intervalMillis(e.getKey()));
            }
        }
        return sum;
    }

    /** The share of the last one to two windows the line spent on requests (0..1). */
    double busyShare(long nowMillis) {
        roll(nowMillis);
        long from = previousStart == Long.MIN_VALUE ? windowStart : previousStart;
        long span = nowMillis - from;
        return span <= 0 ? 0 : Math.min(1.0, (double) (busy + previousBusy) / span);
    }

    BusUsage usage(String busId, String line, Collection<PolledDevice> attached, long nowMillis) {
        List<BusUsage.PollUsage> list = new ArrayList<>();
        for (PolledDevice d : attached) {
            EnumMap<PollKind, Stats> kinds = tasks.getOrDefault(d, new EnumMap<>(PollKind.class));
            for (PollKind kind : PollKind.values()) {
                Stats s = kinds.get(kind);
                list.add(new BusUsage.PollUsage(d.name(), kind.name(), d.urgent(kind), d.intervalMillis(kind),
                        s == null || s.intervalMs < 0 ? 0 : Math.round(s.intervalMs),
                        s == null || s.requestMs < 0 ? 0 : Math.round(s.requestMs),
                        s == null || s.lastStart == Long.MIN_VALUE ? -1 : nowMillis - s.lastStart));
            }
        }
        list.sort(Comparator.comparing((BusUsage.PollUsage u) -> !u.priority()).thenComparing(BusUsage.PollUsage::device)
                .thenComparing(BusUsage.PollUsage::kind));
        double demand = demand(attached);
        return new BusUsage(busId, line, percent(demand), percent(busyShare(nowMillis)), demand > 1.0, list);
    }

    private static double percent(double share) {
        return Math.round(share * 1000) / 10.0;
    }

    private void roll(long nowMillis) {
        if (nowMillis - windowStart < WINDOW_MS) return;
        boolean skipped = nowMillis - windowStart >= 2 * WINDOW_MS; // an idle bus: the old window says nothing now
        previousStart = skipped ? nowMillis - WINDOW_MS : windowStart;
        previousBusy = skipped ? 0 : busy;
        windowStart = nowMillis;
        busy = 0;
    }
}
