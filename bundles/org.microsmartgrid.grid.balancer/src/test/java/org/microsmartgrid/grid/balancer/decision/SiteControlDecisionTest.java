package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SocketReason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.api.control.PriorityClass.MOBILITY_AID;
import static org.microsmartgrid.api.control.PriorityClass.PUBLIC;
import static org.microsmartgrid.grid.balancer.decision.TestSite.NOON;
import static org.microsmartgrid.grid.balancer.decision.TestSite.now;
import static org.microsmartgrid.grid.balancer.decision.TestSite.socket;

/** What people and building systems ask through SiteControl: a disabled socket, a temporary import cap. */
class SiteControlDecisionTest {

    @Test
    void aDisabledSocketGoesOffAtOnceEvenInsideItsMinimumOnTime() {
        Decision d = new TestSite().grid(1000)
                .add(new SocketSnapshot(1, 3680, MOBILITY_AID, Optional.of(MeterValue.good(900, NOON)),
                        RelayView.closed(NOON.minusSeconds(5)), now(), "coap:bms-1"))
                .on(2, PUBLIC, now(), 100)
                .decide();
        assertFalse(socket(d, 1).on());
        assertEquals(SocketReason.DISABLED, socket(d, 1).reason());
        assertTrue(socket(d, 1).safety(), "sent as a safety off: min on-time does not hold it");
        assertTrue(socket(d, 1).text().contains("coap:bms-1"), "the status says who disabled it");
        assertTrue(socket(d, 2).on(), "the other socket is not affected");
    }

    @Test
    void aDisabledSocketIsNotSwitchedOnWhateverTheHeadroom() {
        Decision d = new TestSite().grid(0)
                .add(new SocketSnapshot(1, 1000, MOBILITY_AID, Optional.of(MeterValue.good(0, NOON)),
                        RelayView.open(NOON.minus(Duration.ofHours(1))), now(), "kapua:tech"))
                .decide();
        assertFalse(socket(d, 1).on());
        assertEquals(SocketReason.DISABLED, socket(d, 1).reason());
    }

    @Test
    void anImportCapBelowTheContractShedsLikeTheContractLimit() {
        TestSite site = new TestSite().grid(2500).on(1, MOBILITY_AID, now(), 1200).on(2, PUBLIC, now(), 1200);
        assertFalse(site.decide().shed(), "2500 W is below the 3200 W contract limit");

        Decision capped = site.settings(Settings.defaults(3000).withImportCap(2000)).decide();
        assertEquals(2000, capped.limitW(), 0);
        assertTrue(capped.shed());
        assertFalse(socket(capped, 2).on(), "the public socket is shed first");
        assertTrue(socket(capped, 1).on(), "shedding one socket (1200 W) is enough: 1300 W < 2000 W");
    }

    @Test
    void aCapAboveTheContractLimitChangesNothing() {
        assertEquals(3200, Settings.defaults(3000).withImportCap(10_000).limitW(), 0);
    }
}
