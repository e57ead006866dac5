package org.microsmartgrid.city.stats.availability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each point's time per hour as free, charging, out of order or offline, from its sockets' reports as they arrive.
 * A report older than the socket's last one is ignored (it was already counted by what came after). Going offline
 * (DC, LWT, lost connection) puts every socket of the module in OFFLINE until its next report. Not thread-safe (see
 * {@link org.microsmartgrid.city.stats.energy.EnergyAggregator}).
 */
public final class AvailabilityAggregator {

    /** A point's milliseconds in each bucket in one hour (summed over its sockets), with the point's district. */
    public record Hour(String locationId, String district, long hourStart, long[] ms) {
    }

    private record State(Bucket bucket, long since, String locationId, String district) {
    }

    private final SocketTimeline timeline;
    private final Map<String, State> sockets = new HashMap<>(); // "account/client#n"
    private Map<String, Hour> pending = new HashMap<>();

    public AvailabilityAggregator(SocketTimeline timeline) {
        this.timeline = timeline;
    }

    /** A socket of the point {@code locationId} (in {@code district}) reported its status at {@code at}. */
    public void report(String module, int socket, String locationId, String district, Bucket bucket, long at) {
        String key = module + "#" + socket;
        State s = sockets.get(key);
        if (s != null) {
            if (at <= s.since()) return;
            count(s, at);
        }
        sockets.put(key, new State(bucket, at, locationId, district));
    }

    /** The module went offline at {@code at}: its sockets count as OFFLINE from then. */
    public void offline(String module, long at) {
        String prefix = module + "#";
        for (Map.Entry<String, State> e : sockets.entrySet()) {
            if (!e.getKey().startsWith(prefix)) continue;
            State s = e.getValue();
            if (at <= s.since()) continue;
            count(s, at);
            e.setValue(new State(Bucket.OFFLINE, at, s.locationId(), s.district()));
        }
    }

    private void count(State s, long to) {
        for (SocketTimeline.Slice x : timeline.between(s.since(), s.bucket(), to)) {
            Hour h = pending.computeIfAbsent(s.locationId() + "@" + x.hourStart(),
                    k -> new Hour(s.locationId(), s.district(), x.hourStart(), new long[Bucket.values().length]));
            h.ms()[x.bucket().ordinal()] += x.ms();
        }
    }

    public List<Hour> drain() {
        List<Hour> out = new ArrayList<>(pending.values());
        pending = new HashMap<>();
        return out;
    }
}
