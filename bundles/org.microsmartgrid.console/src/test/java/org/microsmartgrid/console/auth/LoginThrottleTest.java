package org.microsmartgrid.console.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final String ADDR = "192.0.2.10";

    final LoginThrottle throttle = new LoginThrottle(5, Duration.ofSeconds(60), Duration.ofSeconds(900));

    Optional<Duration> failTimes(int n, Instant at) {
        Optional<Duration> last = Optional.empty();
        for (int i = 0; i < n; i++) last = throttle.failed(ADDR, at);
        return last;
    }

    @Test
    void theFifthFailureInARowLocksTheAddressOutForAMinute() {
        assertTrue(failTimes(4, T0).isEmpty());
        assertTrue(throttle.lockedFor(ADDR, T0).isEmpty());

        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.failed(ADDR, T0));

        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.lockedFor(ADDR, T0));
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.lockedFor(ADDR, T0.plusSeconds(59)));
        assertTrue(throttle.lockedFor(ADDR, T0.plusSeconds(60)).isEmpty());
        assertTrue(throttle.lockedFor("192.0.2.11", T0).isEmpty(), "other addresses are not affected");
    }

    @Test
    void eachFailureAfterALockOutDoublesItUpToTheMaximum() {
        failTimes(5, T0);
        Instant t = T0.plusSeconds(60);
        assertEquals(Optional.of(Duration.ofSeconds(120)), throttle.failed(ADDR, t));
        t = t.plusSeconds(120);
        assertEquals(Optional.of(Duration.ofSeconds(240)), throttle.failed(ADDR, t));
        t = t.plusSeconds(240);
        assertEquals(Optional.of(Duration.ofSeconds(480)), throttle.failed(ADDR, t));
        t = t.plusSeconds(480);
        assertEquals(Optional.of(Duration.ofSeconds(900)), throttle.failed(ADDR, t));
        t = t.plusSeconds(900);
        assertEquals(Optional.of(Duration.ofSeconds(900)), throttle.failed(ADDR, t));
        assertEquals(10, throttle.failures(ADDR, t));
    }

    @Test
    void aSuccessForgetsTheFailures() {
        failTimes(4, T0);
        throttle.succeeded(ADDR);

        assertTrue(failTimes(4, T0).isEmpty(), "four more failures are needed again");
        assertEquals(4, throttle.failures(ADDR, T0));
    }

    @Test
    void anHourWithoutFailuresForgetsThem() {
        failTimes(4, T0);

        assertTrue(throttle.failed(ADDR, T0.plus(Duration.ofHours(1))).isEmpty());
        assertEquals(1, throttle.failures(ADDR, T0.plus(Duration.ofHours(1))));
    }

    @Test
    void manyAddressesDoNotGrowTheTableWithoutBound() {
        for (int i = 0; i < LoginThrottle.MAX_KEYS + 100; i++) throttle.failed("10.0." + (i / 256) + "." + (i % 256), T0);

        assertTrue(throttle.trackedKeys() <= LoginThrottle.MAX_KEYS);
    }
}
