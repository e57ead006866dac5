package org.microsmartgrid.city.stats.availability;

import java.util.ArrayList;
import java.util.List;

import org.microsmartgrid.city.stats.energy.HourEnergy;

/**
 * A socket's time between two reports, cut into hours. Pure. The time from one report to the next is counted in the
 * earlier report's bucket, unless it is longer than {@code maxGapMs}: then the module was silent, and all of it is
 * OFFLINE (the module reports every socket every 10 s while it is connected).
 */
public final class SocketTimeline {

    /** Milliseconds of one hour in one bucket. */
    public record Slice(long hourStart, Bucket bucket, long ms) {
    }

    private final long maxGapMs;

    public SocketTimeline(long maxGapMs) {
        this.maxGapMs = maxGapMs;
    }

    /** @return the slices of [from, to) in {@code bucket} (OFFLINE if the interval is a gap); empty if to ≤ from */
    public List<Slice> between(long from, Bucket bucket, long to) {
        List<Slice> out = new ArrayList<>(2);
        if (to <= from) return out;
        Bucket b = to - from > maxGapMs ? Bucket.OFFLINE : bucket;
        long t = from;
        while (t < to) {
            long hour = HourEnergy.hourOf(t);
            long end = Math.min(to, hour + HourEnergy.HOUR_MS);
            out.add(new Slice(hour, b, end - t));
            t = end;
        }
        return out;
    }
}
