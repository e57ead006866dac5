package org.microsmartgrid.cloud.kura;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;

import org.junit.jupiter.api.Test;

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

    /** The configuration as DS hands it over: an implementation of the annotation returning the given interval. */
    private static KuraTelemetryConfig config(int intervalS) {
        return (KuraTelemetryConfig) Proxy.newProxyInstance(KuraTelemetryConfig.class.getClassLoader(),
                new Class<?>[] {KuraTelemetryConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "telemetry_interval_s" -> intervalS;
                    case "CloudPublisher_target" -> "(kura.service.pid=msg-publisher)";
                    default -> method.getDefaultValue();
                });
    }
}
