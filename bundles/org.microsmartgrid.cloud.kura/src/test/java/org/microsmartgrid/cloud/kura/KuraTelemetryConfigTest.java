package org.microsmartgrid.cloud.kura;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.testing.ComponentConfigs;

/** A bad interval is refused with a message naming the component and the property; a good one is taken. */
class KuraTelemetryConfigTest {

    @Test
    void anIntervalOutsideOneHourIsRefusedByName() {
        for (int bad : new int[] {0, -5, 3601}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> KuraTelemetry.interval(config(bad)));
            assertTrue(e.getMessage().contains(KuraTelemetryConfig.PID) && e.getMessage().contains("telemetry.interval.s"),
                    e.getMessage());
        }
        assertEquals(Duration.ofSeconds(10), KuraTelemetry.interval(config(10)));
    }

    /** The configuration as DS hands it over, from the properties Kura's configuration service stores. */
    private static KuraTelemetryConfig config(int intervalS) {
        return ComponentConfigs.of(KuraTelemetryConfig.class, "telemetry.interval.s", intervalS,
                "CloudPublisher.target", "(kura.service.pid=msg-publisher)");
    }
}
