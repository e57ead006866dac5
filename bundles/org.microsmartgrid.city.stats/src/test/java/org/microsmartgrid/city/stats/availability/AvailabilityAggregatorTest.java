package org.microsmartgrid.city.stats.availability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A point's hours as free, charging, out of order, offline: known answers from hand-made report sequences. */
class AvailabilityAggregatorTest {

    private static final long H = 3_600_000L;
    private static final long M = 60_000L;
    private static final long T = 1_780_000_000_000L / H * H;
    private final AvailabilityAggregator a = new AvailabilityAggregator(new SocketTimeline(15 * M));

    /** Free, charging, out of order, offline (ms) of the point's hours, in order. */
    private List<long[]> hours() {
        return a.drain().stream().sorted(Comparator.comparingLong(AvailabilityAggregator.Hour::hourStart))
                .map(AvailabilityAggregator.Hour::ms).toList();
    }

    @Test
    void reportsEveryTenMinutesAreCountedInTheStatusTheyGive() {
        // free 00:00-00:20, charging 00:20-00:50, out of order from 00:50 to the next hour's 00:10
        long[] at = {0, 10, 20, 30, 40, 50, 60, 70};
        String[] st = {"AVAILABLE", "AVAILABLE", "CHARGING", "CHARGING", "CHARGING", "OUTOFORDER", "INOPERATIVE", "AVAILABLE"};
        for (int i = 0; i < at.length; i++) a.report("m/1", 1, "loc", "Municipio 1", Bucket.of(st[i]), T + at[i] * M);
        List<long[]> h = hours();
        assertArrayEquals(new long[] {20 * M, 30 * M, 10 * M, 0}, h.get(0));
        assertArrayEquals(new long[] {0, 0, 10 * M, 0}, h.get(1), "until the last report; after it: not known yet");
    }

    @Test
    void silenceLongerThanTheGapAndGoingOfflineCountAsOffline() {
        a.report("m/1", 1, "loc", "Municipio 1", Bucket.FREE, T);
        a.report("m/1", 1, "loc", "Municipio 1", Bucket.FREE, T + 40 * M); // 40 minutes of silence: offline, not free
        a.report("m/1", 2, "loc", "Municipio 1", Bucket.CHARGING, T + 40 * M);
        a.offline("m/1", T + 50 * M); // LWT: both sockets offline from here
        a.report("m/1", 1, "loc", "Municipio 1", Bucket.FREE, T + 60 * M);
        a.report("m/1", 2, "loc", "Municipio 1", Bucket.FREE, T + 55 * M);
        List<long[]> h = hours();
        assertEquals(1, h.size());
        // socket 1: 40 offline (gap) + 10 free + 10 offline; socket 2: 10 charging + 5 offline
        assertArrayEquals(new long[] {10 * M, 10 * M, 0, 55 * M}, h.get(0));
    }

    @Test
    void anOlderReportIsIgnored() {
        a.report("m/1", 1, "loc", "Municipio 1", Bucket.FREE, T);
        a.report("m/1", 1, "loc", "Municipio 1", Bucket.CHARGING, T + 10 * M);
        a.report("m/1", 1, "loc", "Municipio 1", Bucket.OUT_OF_ORDER, T + 5 * M); // a replay from the outbox
        a.report("m/1", 1, "loc", "Municipio 1", Bucket.FREE, T + 12 * M);
        assertArrayEquals(new long[] {10 * M, 2 * M, 0, 0}, hours().get(0));
    }
}
