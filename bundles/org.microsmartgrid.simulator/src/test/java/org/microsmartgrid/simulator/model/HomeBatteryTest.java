package org.microsmartgrid.simulator.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The battery model alone: automatic self-consumption, the SunSpec window, SoC bounds and the revert timer. */
class HomeBatteryTest {
    private static final Instant T0 = Instant.parse("2026-06-10T18:00:00Z");

    private static HomeBattery battery(double soc) {
        return new HomeBattery(new BatterySetup(5000, 2000, 1500, soc, 10));
    }

    @Test
    void automaticModeCoversImportAndStoresExportWithinItsPowerAndReserve() {
        assertEquals(800, battery(50).powerFor(800, T0), 1e-9);
        assertEquals(1500, battery(50).powerFor(4000, T0), 1e-9, "max discharge");
        assertEquals(-2000, battery(50).powerFor(-3000, T0), 1e-9, "max charge");
        assertEquals(0, battery(10).powerFor(800, T0), 1e-9, "at the reserve it does not discharge");
        assertEquals(-300, battery(10).powerFor(-300, T0), 1e-9, "but still charges");
        assertEquals(0, battery(100).powerFor(-300, T0), 1e-9, "full: no charge");
    }

    @Test
    void aWindowOfOneValueHoldsThatPowerUntilTheRevertTimeout() {
        HomeBattery b = battery(50);
        b.write(10, -250 & 0xFFFF, T0); // OutWRte −25.0 %: forced charge 500 W
        b.write(11, 250, T0);            // InWRte 25.0 %
        b.write(13, 5, T0);              // revert after 5 s
        b.write(3, 3, T0);
        assertEquals(-500, b.powerFor(2000, T0.plusSeconds(4)), 1e-9, "charges 500 W although the building imports");
        assertFalse(b.automatic(T0.plusSeconds(4)));
        assertTrue(b.automatic(T0.plusSeconds(5)), "nobody renewed it");
        assertEquals(1500, b.powerFor(2000, T0.plusSeconds(5)), 1e-9);
        assertFalse(b.write(0, 100, T0), "WChaMax is not writable");
    }

    @Test
    void theStateOfChargeIntegratesThePowerAndStopsAtEmpty() {
        HomeBattery b = battery(1);
        b.integrate(1000, 3600 * 0.05); // 50 Wh out of 5 kWh = 1 %
        assertEquals(0, b.socPercent(), 1e-9);
        b.write(10, 500, T0);
        b.write(11, -500 & 0xFFFF, T0);
        b.write(3, 3, T0);
        assertEquals(0, b.powerFor(0, T0), 1e-9, "empty: a forced discharge gives nothing");
    }
}
