package org.microsmartgrid.meter.modbus.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;

class QualityTrackerTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private final QualityTracker tracker = new QualityTracker("grid", MeterRole.GRID, 0, 1000, 2, T0);

    private void good(long mono, double watts) {
        tracker.success(Map.of(Channel.ACTIVE_POWER, new Sample(watts, T0.plusMillis(mono))), Set.of(), true, mono,
                T0.plusMillis(mono));
    }

    @Test
    void aMeterThatNeverAnsweredIsFailed() {
        MeterReading r = tracker.reading(0);
        assertEquals(Quality.FAILED, r.quality());
        assertEquals("no reading yet", r.error());
    }

    @Test
    void goodThenStaleWhileRetryingThenFailedAfterTheConfiguredErrors() {
        good(0, 1500);
        assertEquals(Quality.GOOD, tracker.reading(500).quality());
        assertEquals(1500.0, tracker.reading(500).good(Channel.ACTIVE_POWER).orElseThrow());
        tracker.failure("timeout", 1200, T0.plusMillis(1200));
        MeterReading stale = tracker.reading(1200);
        assertEquals(Quality.STALE, stale.quality());
        assertTrue(stale.error().contains("timeout"), stale.error());
        assertTrue(stale.good(Channel.ACTIVE_POWER).isEmpty(), "a STALE value must not be used as good");
        tracker.failure("timeout", 2400, T0.plusMillis(2400));
        assertEquals(Quality.FAILED, tracker.reading(2400).quality());
        assertEquals(1500.0, tracker.reading(2400).values().get(Channel.ACTIVE_POWER).value(), "last good value kept");
        good(3000, 1400);
        assertEquals(Quality.GOOD, tracker.reading(3000).quality());
        assertNull(tracker.reading(3000).error());
        assertEquals(0, tracker.consecutiveErrors());
    }

    @Test
    void oneErrorWithinTheFreshnessBoundKeepsTheReadingGood() {
        good(0, 100);
        tracker.failure("timeout", 300, T0.plusMillis(300));
        assertEquals(Quality.GOOD, tracker.reading(300).quality());
    }

    @Test
    void valuesAgeBetweenPolls() {
        good(0, 100);
        assertEquals(Quality.GOOD, tracker.reading(1000).quality());
        assertEquals(Quality.STALE, tracker.reading(1001).quality(), "a hung request must not keep old values GOOD");
    }

    @Test
    void nonsenseFailsAtOnceAndAGoodPollRecovers() {
        good(0, 100);
        tracker.nonsense("answers nonsense: ACTIVE_POWER = NaN", true, 100, T0);
        assertEquals(Quality.FAILED, tracker.reading(100).quality());
        assertTrue(tracker.reading(100).error().contains("answers nonsense"));
        tracker.success(Map.of(Channel.IMPORT_ENERGY, new Sample(1, T0)), Set.of(), false, 150, T0);
        assertEquals(Quality.FAILED, tracker.reading(150).quality(), "good energy says nothing about the power");
        good(200, 100);
        assertEquals(Quality.GOOD, tracker.reading(200).quality());
    }

    @Test
    void slowPollsDoNotRefreshThePowerAndAbsentChannelsDisappear() {
        good(0, 100);
        tracker.success(Map.of(Channel.IMPORT_ENERGY, new Sample(5000, T0)), Set.of(Channel.FREQUENCY), false, 900, T0);
        assertEquals(Quality.STALE, tracker.reading(1500).quality());
        tracker.success(Map.of(Channel.FREQUENCY, new Sample(50, T0)), Set.of(), false, 1600, T0);
        tracker.success(Map.of(), Set.of(Channel.FREQUENCY), false, 1700, T0);
        assertTrue(!tracker.reading(1700).values().containsKey(Channel.FREQUENCY));
        assertEquals(5000.0, tracker.reading(1700).values().get(Channel.IMPORT_ENERGY).value());
    }
}
