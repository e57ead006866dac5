package org.microsmartgrid.grid.balancer.decision;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.grid.balancer.config.AreraSteps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.api.control.PriorityClass.PUBLIC;
import static org.microsmartgrid.grid.balancer.decision.TestSite.LONG_AGO;
import static org.microsmartgrid.grid.balancer.decision.TestSite.NOON;
import static org.microsmartgrid.grid.balancer.decision.TestSite.now;
import static org.microsmartgrid.grid.balancer.decision.TestSite.socket;

/**
 * Issue 21, item 8: a reading counts only if this site could produce it. A 3 kW home's grid meter reading −500 kW
 * (or a socket meter reading it) is a broken device, not an export; the bound was 1 MW for every site.
 */
class SiteBoundsTest {

    private static TestSite home(Settings settings, double gridW) {
        return new TestSite().settings(settings).grid(gridW).on(1, PUBLIC, now(), 900);
    }

    @Test
    void minusFiveHundredKilowattsOnAThreeKilowattContractIsNotAReading() {
        Decision d = home(Settings.defaults(3000), -500_000).decide();
        assertTrue(d.safeState(), "the loop must not trust it");
        assertEquals("grid meter implausible for this site (-500000 W, beyond ±19800 W = 3 × the larger of contract × "
                + "(1 + tolerance) and 6600 W)",
                d.safeStateWhy(), "the reason names the bound and where it comes from");
        assertFalse(socket(d, 1).on());
    }

    @Test
    void theBoundIsThreeTimesTheAvailablePowerOrOnePointFourFiveTimesTheFuse() {
        assertEquals(19_800, SiteBounds.gridW(Settings.defaults(500)), 1e-6, "a small contract: a 6 kW connection assumed");
        assertEquals(19_800, SiteBounds.gridW(Settings.defaults(3000)), 1e-6);
        assertEquals(99_000, SiteBounds.gridW(Settings.defaults(30_000)), 1e-6);
        assertEquals(1.45 * 7360, SiteBounds.gridW(Settings.defaults(3000).withSupplyFuse(7360)), 1e-6);
        assertFalse(home(Settings.defaults(3000), -19_000).decide().safeState(), "a big PV export within the bound");
        assertTrue(home(Settings.defaults(3000), -20_000).decide().safeState(), "beyond 3 × 6.6 kW");
        assertTrue(home(Settings.defaults(3000).withSupplyFuse(7360), -11_000).decide().safeState(),
                "the installer's 32 A fuse blows before 10.7 kW: a tighter bound");
        assertFalse(home(Settings.defaults(500), 3_700).decide().safeState(),
                "a Schuko socket on a 0.5 kW contract is a real overload, shed as such, not a broken meter");
    }

    @Test
    void aSocketMeterReadingBeyondItsSocketProvesNothingNotEvenIdleness() {
        SocketSnapshot broken = new SocketSnapshot(2, SocketSnapshot.SCHUKO_W, PUBLIC,
                Optional.of(MeterValue.good(-500_000, NOON)), RelayView.closed(LONG_AGO), now());
        Decision normal = new TestSite().grid(500).add(broken).decide();
        assertFalse(socket(normal, 2).on());
        assertEquals(SocketReason.SOCKET_METER_LOST, socket(normal, 2).reason());
        assertTrue(socket(normal, 2).text().contains("implausible"), socket(normal, 2).text());

        Decision safe = new TestSite().grid(MeterValue.failed(NOON)).add(broken).decide();
        assertTrue(safe.safeState());
        assertFalse(socket(safe, 2).on(), "−500 kW is below the idle threshold but proves nothing");
    }

    @Provide
    Arbitrary<Integer> contracts() {
        return Arbitraries.of(java.util.Arrays.stream(AreraSteps.DOMESTIC_W).boxed().toList());
    }

    /**
     * Whatever the contract: what the supply delivers indefinitely (at least a 6 kW connection's) always counts; three
     * times as much never does.
     */
    @Property(tries = 300)
    void realReadingsCountAndAbsurdOnesNever(@ForAll("contracts") int contract,
                                             @ForAll @DoubleRange(min = -1, max = 1) double share,
                                             @ForAll @DoubleRange(min = 1.01, max = 1e4) double beyond) {
        Settings s = Settings.defaults(contract);
        double available = Math.max(contract * 1.1, SiteBounds.SMALLEST_CONNECTION_W);
        assertFalse(SiteBounds.grid(s, share * available).isPresent(), "a real reading: " + share * available);
        assertTrue(SiteBounds.grid(s, Math.copySign(beyond * 3 * available, share)).isPresent());
        assertTrue(home(s, Math.copySign(beyond * 3 * available, share)).decide().safeState());
    }
}
