package org.microsmartgrid.grid.balancer.decision;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SocketReason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.api.control.PriorityClass.PUBLIC;
import static org.microsmartgrid.grid.balancer.decision.TestSite.LONG_AGO;
import static org.microsmartgrid.grid.balancer.decision.TestSite.now;
import static org.microsmartgrid.grid.balancer.decision.TestSite.socket;
import static org.microsmartgrid.grid.balancer.decision.TestSite.solar;
import static org.microsmartgrid.grid.balancer.decision.TestSite.waitingWithDraw;

/** SOLAR_ONLY sessions use only power the site would otherwise export. */
class SolarTest {

    private static final BalancerState DREW_800 = new BalancerState(Map.of(1, waitingWithDraw(800, LONG_AGO)));

    @Test
    void waitsWhileTheSiteImportsEvenWithPlentyOfGridHeadroom() {
        Decision d = new TestSite().grid(500).pv(1000).previous(DREW_800).off(1, PUBLIC, solar(), 3680).decide();

        assertFalse(socket(d, 1).on());
        assertEquals(SocketReason.WAITING_SURPLUS, socket(d, 1).reason());
        assertEquals(0, d.surplusW(), 1e-9);
    }

    @Test
    void startsWhenTheExportCoversItsDrawPlusHysteresis() {
        Decision d = new TestSite().grid(-950).pv(2500).previous(DREW_800).off(1, PUBLIC, solar(), 3680).decide();

        assertTrue(socket(d, 1).on());
        assertEquals(SocketReason.CHARGING_SURPLUS, socket(d, 1).reason());
        assertEquals(950, d.surplusW(), 1e-9);
    }

    @Test
    void doesNotStartOnExportSmallerThanDrawPlusHysteresis() {
        Decision d = new TestSite().grid(-850).pv(2500).previous(DREW_800).off(1, PUBLIC, solar(), 3680).decide();
        assertFalse(socket(d, 1).on());
    }

    @Test
    void keepsRunningWhileItsDrawIsCoveredAndStopsWhenACloudComes() {
        // running at 800 W, export 100 W: without it the site would export 900 W: still covered
        Decision sunny = new TestSite().grid(-100).pv(2000).on(1, PUBLIC, solar(), 800).decide();
        assertTrue(socket(sunny, 1).on());

        // a cloud: import 300 W with the socket at 800 W: only 500 W surplus without it
        Decision cloudy = new TestSite().grid(300).pv(1400).on(1, PUBLIC, solar(), 800).decide();
        assertFalse(socket(cloudy, 1).on());
        assertEquals(SocketReason.WAITING_SURPLUS, socket(cloudy, 1).reason());
        assertFalse(socket(cloudy, 1).safety(), "losing the surplus is not a safety matter");
    }

    @Test
    void aNowSessionTakesGridHeadroomFirstAndLeavesTheSurplusToTheSolarSession() {
        // export 1000 W; socket 2 (NOW, same class, served first) would eat the surplus if it took it first
        BalancerState mem = new BalancerState(Map.of(1, waitingWithDraw(800, LONG_AGO.plusSeconds(60)),
                2, waitingWithDraw(1000, LONG_AGO)));
        Decision d = new TestSite().grid(-1000).pv(2500).previous(mem)
                .off(1, PUBLIC, solar(), 3680).off(2, PUBLIC, now(), 3680).decide();

        assertTrue(socket(d, 2).on());
        assertTrue(socket(d, 1).on(), "solar: 800 W of the 1000 W surplus; NOW: grid");
        assertEquals(800, d.predictedImportW(), 1e-6);
    }

    @Test
    void surplusNeverExceedsThePvProduction() {
        // the grid shows export 2000 W but PV makes only 600 W: something else (an unmetered battery?) exports
        Decision d = new TestSite().grid(-2000).pv(600).previous(DREW_800).off(1, PUBLIC, solar(), 3680).decide();
        assertEquals(600, d.surplusW(), 1e-9);
        assertFalse(socket(d, 1).on());
    }

    @Test
    void whatTheBatteryChargesCountsAsSurplusTheSocketsComeFirst() {
        // export 0, but the battery soaks up 1500 W of PV: that is surplus a session may take
        Decision d = new TestSite().grid(0).pv(2500).battery(60, -1500).previous(DREW_800.withBatterySetpoint(-1500))
                .off(1, PUBLIC, solar(), 3680).decide();

        assertTrue(socket(d, 1).on());
        assertEquals(-700, d.batterySetpointW(), 1e-6, "the battery keeps what the socket leaves");
    }
}
