package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.PowerSource;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SocketReason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.api.control.PriorityClass.PUBLIC;
import static org.microsmartgrid.grid.balancer.decision.TestSite.LONG_AGO;
import static org.microsmartgrid.grid.balancer.decision.TestSite.socket;
import static org.microsmartgrid.grid.balancer.decision.TestSite.waitingWithDraw;

/**
 * SOLAR_AND_CHEAP: surplus any time, the grid in cheap bands, and the grid at once when the energy still wanted
 * no longer fits in the cheap time left before the deadline. Times are Rome local time (CEST, UTC+2).
 */
class CheapHoursTest {

    /** Thursday 9 April 2026 07:00 in Rome; from Wednesday noon, the cheap (F3) time before it is 23:00–07:00: 8 h. */
    private static final Instant THURSDAY_7 = Instant.parse("2026-04-09T05:00:00Z");
    private static final BalancerState DREW_1000 = new BalancerState(Map.of(1, waitingWithDraw(1000, LONG_AGO)));

    private static Decision at(Instant now, double gridW, Session session) {
        return new TestSite().at(now).grid(gridW).previous(DREW_1000).off(1, PUBLIC, session, 3680).decide();
    }

    @Test
    void inAnExpensiveBandWithoutSurplusItWaitsAndSaysUntilWhen() {
        Decision d = at(TestSite.NOON, 500, Session.solarAndCheap(LONG_AGO, 6000, THURSDAY_7, 0));

        assertFalse(socket(d, 1).on());
        assertEquals(SocketReason.WAITING_CHEAP, socket(d, 1).reason());
        assertTrue(socket(d, 1).text().contains("23:00"), socket(d, 1).text());
        assertEquals(PowerSource.SURPLUS, socket(d, 1).source());
    }

    @Test
    void inTheCheapBandItUsesTheGrid() {
        Instant wednesday2330 = Instant.parse("2026-04-08T21:30:00Z");
        Decision d = at(wednesday2330, 500, Session.solarAndCheap(LONG_AGO, 6000, THURSDAY_7, 0));

        assertTrue(socket(d, 1).on());
        assertEquals(SocketReason.CHARGING_CHEAP, socket(d, 1).reason());
        assertTrue(d.cheapNow());
    }

    @Test
    void fallsBackToNowWhenTheEnergyNoLongerFitsTheCheapHoursLeft() {
        // 9 kWh at 1 kW = 9 h, but only 8 h of F3 remain before 07:00
        Decision d = at(TestSite.NOON, 500, Session.solarAndCheap(LONG_AGO, 9000, THURSDAY_7, 0));

        assertTrue(socket(d, 1).on());
        assertEquals(SocketReason.CHARGING_DEADLINE, socket(d, 1).reason());
        assertEquals(PowerSource.GRID, socket(d, 1).source());
    }

    @Test
    void energyAlreadyDeliveredCountsAgainstTheTarget() {
        // 9 kWh wanted, 2 kWh delivered: 7 h needed, 8 h cheap left: it can wait
        Decision d = at(TestSite.NOON, 500, Session.solarAndCheap(LONG_AGO, 9000, THURSDAY_7, 2000));
        assertEquals(SocketReason.WAITING_CHEAP, socket(d, 1).reason());
    }

    @Test
    void anEveningPlanCountsOnlyTheCheapHoursStillAhead() {
        // at 22:00 Wednesday: 8 h of F3 ahead; at 02:00 Thursday only 5 h, so 6 kWh at 1 kW falls back
        Instant thursday2 = Instant.parse("2026-04-09T00:00:00Z");
        Decision d = at(thursday2, 500, Session.solarAndCheap(LONG_AGO, 6000, THURSDAY_7, 0));
        assertEquals(SocketReason.CHARGING_DEADLINE, socket(d, 1).reason());
    }

    @Test
    void onceTheTargetIsReachedOnlySurplusIsUsed() {
        Instant wednesday2330 = Instant.parse("2026-04-08T21:30:00Z");
        Decision d = at(wednesday2330, 500, Session.solarAndCheap(LONG_AGO, 6000, THURSDAY_7, 6000));

        assertFalse(socket(d, 1).on());
        assertEquals(SocketReason.WAITING_SURPLUS, socket(d, 1).reason());
    }

    @Test
    void surplusIsUsedOutsideTheCheapBandsToo() {
        Decision d = new TestSite().grid(-1500).pv(3000).previous(DREW_1000)
                .off(1, PUBLIC, Session.solarAndCheap(LONG_AGO, 6000, THURSDAY_7, 0), 3680).decide();
        assertTrue(socket(d, 1).on());
        assertEquals(SocketReason.CHARGING_SURPLUS, socket(d, 1).reason());
    }

    @Test
    void aPassedDeadlineChargesFromTheGrid() {
        Decision d = at(THURSDAY_7.plusSeconds(60), 500, Session.solarAndCheap(LONG_AGO, 6000, THURSDAY_7, 1000));
        assertEquals(SocketReason.CHARGING_DEADLINE, socket(d, 1).reason());
    }
}
