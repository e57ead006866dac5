package org.microsmartgrid.runtime.stop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class StopTimeoutTest {
    @Test
    void theStopTimeoutIsSecondsBetweenOneAndSixHundredOrTheDefault() {
        assertEquals(Duration.ofSeconds(20), StopFrameworkOnExit.timeout("20"));
        assertEquals(StopFrameworkOnExit.DEFAULT_TIMEOUT, StopFrameworkOnExit.timeout(null));
        assertEquals(StopFrameworkOnExit.DEFAULT_TIMEOUT, StopFrameworkOnExit.timeout("0"));
        assertEquals(StopFrameworkOnExit.DEFAULT_TIMEOUT, StopFrameworkOnExit.timeout("ten"));
        assertEquals(StopFrameworkOnExit.DEFAULT_TIMEOUT, StopFrameworkOnExit.timeout("100000"));
    }
}
