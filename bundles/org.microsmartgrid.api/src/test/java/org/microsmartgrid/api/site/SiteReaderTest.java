package org.microsmartgrid.api.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.api.relay.RelayState;

/** Which site a reader shows: the loop's view while it is recent, else the services read at the reader's instant. */
class SiteReaderTest {
    static final Instant NOW = Instant.parse("2026-12-07T17:00:00Z");

    @Test
    void aRecentLoopViewIsWhatEveryReaderShows() {
        SiteView loops = view(NOW.minusMillis(200), 1234);
        SiteView shown = SiteReader.current(() -> Optional.of(loops), NOW, List.of(grid(999)), null, null, null, null);
        assertSame(loops, shown, "the readings the loop decided on, not a fresher one of the reader's own");
    }

    @Test
    void aViewOlderThanTheMaximumAgeIsNotNowTheServicesAreReadInstead() {
        SiteView stuck = view(NOW.minus(SiteReader.MAX_AGE).minusMillis(1), 1234);
        SiteView shown = SiteReader.current(() -> Optional.of(stuck), NOW, List.of(grid(999)), null, null, null, null);
        assertEquals(NOW, shown.at());
        assertEquals(999, power(shown), 1e-9, "a loop that stopped cycling must not show its past as now");
    }

    @Test
    void withoutALoopOrBeforeItsFirstCycleTheServicesAreRead() {
        assertEquals(999, power(SiteReader.current(null, NOW, List.of(grid(999)), null, null, null, null)), 1e-9);
        assertEquals(999, power(SiteReader.current(Optional::empty, NOW, List.of(grid(999)), null, null, null, null)), 1e-9);
        LiveSite going = () -> {
            throw new IllegalStateException("bundle stopping");
        };
        assertEquals(999, power(SiteReader.current(going, NOW, List.of(grid(999)), null, null, null, null)), 1e-9);
    }

    @Test
    void aMeterThatThrowsShowsAsFailedWithWhyNotLeftOut() {
        Meter broken = new Meter() {
            public String id() { return "socket-2"; }
            public MeterRole role() { return MeterRole.SOCKET; }
            public int socket() { return 2; }
            public MeterReading reading() { throw new IllegalStateException("gone"); }
        };
        SiteView v = SiteReader.read(NOW, List.of(broken), null, null, null, null);
        MeterReading r = v.socketMeter(2).orElseThrow();
        assertEquals(Quality.FAILED, r.quality());
        assertTrue(r.error().contains("unavailable"), r.error());
    }

    @Test
    void theViewLooksUpMetersRelaysAndSessionsBySocket() {
        SiteView v = new SiteView(NOW, List.of(grid(10).reading(), MeterReading.none("s1", MeterRole.SOCKET, 1, NOW)),
                List.of(new RelayState("r1", 1, true, true, null, null, NOW, "balancer", null)), Optional.empty(),
                Map.of(), Map.of(), Optional.empty());
        assertEquals("s1", v.socketMeter(1).orElseThrow().meterId());
        assertTrue(v.socketMeter(2).isEmpty());
        assertTrue(v.relay(1).orElseThrow().outputOn());
        assertEquals("grid", v.meter(MeterRole.GRID).orElseThrow().meterId());
        assertTrue(v.session(1).isEmpty());
        assertEquals(1, SiteReader.sockets(v.meters(), v.relays()).first());
        assertThrows(IllegalArgumentException.class, () -> new SiteView(null, List.of(), List.of(), Optional.empty(),
                Map.of(), Map.of(), Optional.empty()));
    }

    private static SiteView view(Instant at, double gridW) {
        return new SiteView(at, List.of(grid(gridW).reading()), List.of(), Optional.empty(), Map.of(), Map.of(),
                Optional.empty());
    }

    private static double power(SiteView v) {
        return v.meter(MeterRole.GRID).orElseThrow().good(Channel.ACTIVE_POWER).orElseThrow();
    }

    private static Meter grid(double w) {
        MeterReading r = new MeterReading("grid", MeterRole.GRID, 0, Quality.GOOD, NOW,
                Map.of(Channel.ACTIVE_POWER, new Sample(w, NOW)), null);
        return new Meter() {
            public String id() { return "grid"; }
            public MeterRole role() { return MeterRole.GRID; }
            public int socket() { return 0; }
            public MeterReading reading() { return r; }
        };
    }
}
