package org.microsmartgrid.meter.modbus.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BackoffTest {
    @Test
    void aFailingMeterWaitsTwiceAsLongAfterEachErrorUpToTheCap() {
        List<Long> delays = new ArrayList<>();
        for (int errors = 0; errors <= 8; errors++) delays.add(Backoff.delay(250, errors, 10_000));
        assertEquals(List.of(250L, 500L, 1000L, 2000L, 4000L, 8000L, 10_000L, 10_000L, 10_000L), delays);
    }

    @Test
    void theCapNeverShortensTheConfiguredInterval() {
        assertEquals(60_000, Backoff.delay(60_000, 3, 10_000));
        assertEquals(250, Backoff.delay(250, 5, 0));
    }

    @Property
    void delaysGrowMonotonicallyAndStayWithinBounds(@ForAll @LongRange(min = 1, max = 3_600_000) long interval,
                                                    @ForAll @IntRange(min = 0, max = 1000) int errors,
                                                    @ForAll @LongRange(min = 0, max = 3_600_000) long max) {
        long d = Backoff.delay(interval, errors, max);
        assertTrue(d >= interval);
        assertTrue(d <= Math.max(interval, max));
        assertTrue(Backoff.delay(interval, errors + 1, max) >= d);
    }
}
