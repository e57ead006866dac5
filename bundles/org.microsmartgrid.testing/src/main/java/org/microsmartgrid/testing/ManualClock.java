package org.microsmartgrid.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when the test says so: minimum on-times, token expiry, back-offs and windows are tested
 * without waiting. Thread-safe (a watchdog or a loop thread may read it while the test moves it); always UTC.
 */
public final class ManualClock extends Clock {
    private volatile Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    /** @param iso an ISO-8601 instant, e.g. {@code 2026-03-02T08:00:00Z} */
    public static ManualClock at(String iso) {
        return new ManualClock(Instant.parse(iso));
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    public void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    public void set(Instant t) {
        now = t;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
