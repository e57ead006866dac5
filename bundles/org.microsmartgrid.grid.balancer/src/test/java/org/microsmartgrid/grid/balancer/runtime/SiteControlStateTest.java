package org.microsmartgrid.grid.balancer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.control.PowerCap;

class SiteControlStateTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    @TempDir
    Path dir;

    private SiteControlState at(Instant t) {
        return new SiteControlState(dir.resolve("site-control.properties"), Clock.fixed(t, ZoneOffset.UTC));
    }

    @Test
    void disabledSocketsAndTheCapSurviveARestart() {
        SiteControlState s = at(T0);
        s.setSocketEnabled(3, false, "coap:bms-1");
        s.setSocketEnabled(5, false, "kapua:tech-01");
        s.setSocketEnabled(5, true, "kapua:tech-01");
        s.capPower(2500, T0.plus(Duration.ofHours(2)), "coap:bms-1");

        SiteControlState restarted = at(T0.plusSeconds(60));
        assertEquals(Map.of(3, "coap:bms-1"), restarted.disabledSockets());
        PowerCap cap = restarted.powerCap().orElseThrow();
        assertEquals(2500, cap.limitW(), 0);
        assertEquals(T0.plus(Duration.ofHours(2)), cap.until());
        assertEquals(2500, restarted.capW(), 0);
    }

    @Test
    void anExpiredCapIsNoLongerInForce() {
        at(T0).capPower(2500, T0.plusSeconds(600), "coap:bms-1");
        SiteControlState later = at(T0.plusSeconds(601));
        assertTrue(later.powerCap().isEmpty());
        assertEquals(Double.POSITIVE_INFINITY, later.capW());
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        SiteControlState s = at(T0);
        s.capPower(2500, T0.plusSeconds(600), "coap:bms-1");
        assertThrows(IllegalArgumentException.class, () -> s.capPower(0, T0.plusSeconds(600), "x"));
        assertThrows(IllegalArgumentException.class, () -> s.capPower(Double.NaN, T0.plusSeconds(600), "x"));
        assertThrows(IllegalArgumentException.class, () -> s.capPower(1000, T0.minusSeconds(1), "x"));
        assertThrows(IllegalArgumentException.class, () -> s.capPower(1000, T0.plus(Duration.ofHours(25)), "x"));
        assertThrows(IllegalArgumentException.class, () -> s.capPower(1000, T0.plusSeconds(60), " "));
        assertThrows(IllegalArgumentException.class, () -> s.setSocketEnabled(0, false, "x"));
        assertThrows(IllegalArgumentException.class, () -> s.setSocketEnabled(1, false, null));
        assertEquals(2500, s.capW(), 0);
        assertTrue(s.disabledSockets().isEmpty());
        assertEquals(2500, at(T0).capW(), 0, "nor on disk");
    }

    @Test
    void aCorruptFileIsIgnoredNotFatal() throws Exception {
        Files.writeString(dir.resolve("site-control.properties"), "cap.limitW=banana\n");
        SiteControlState s = at(T0);
        assertTrue(s.powerCap().isEmpty());
        s.setSocketEnabled(2, false, "installer");
        assertEquals(Map.of(2, "installer"), at(T0).disabledSockets(), "and it is overwritten by the next change");
    }
}
