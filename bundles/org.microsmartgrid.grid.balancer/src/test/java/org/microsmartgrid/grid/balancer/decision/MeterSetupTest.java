package org.microsmartgrid.grid.balancer.decision;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SocketReason;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.api.control.PriorityClass.PUBLIC;
import static org.microsmartgrid.grid.balancer.decision.TestSite.now;
import static org.microsmartgrid.grid.balancer.decision.TestSite.socket;

/**
 * Meter setups an installer can get wrong without any reading being bad: a meter left in role GRID, a grid meter
 * wired backwards. Each would let the loop switch sockets on above the contract, so each is a safe state with a
 * reason that says what to check.
 */
class MeterSetupTest {

    @Test
    void aSecondGridMeterThatWasNotDeclaredPutsTheSiteInTheSafeState() {
        TestSite site = new TestSite().grid(1600).on(1, PUBLIC, now(), 1500);
        SiteSnapshot s = site.snapshot();
        Decision d = Balancing.decide(new SiteSnapshot(s.now(), s.grid(), s.pv(), s.battery(), s.sockets(), s.tariff(),
                s.settings(), s.previous(), Optional.of("2 meters have role GRID [grid, pv] but grid.meters = 1")));
        assertTrue(d.safeState());
        assertTrue(d.safeStateWhy().contains("grid.meters"), d.safeStateWhy());
        assertFalse(socket(d, 1).on(), "a socket drawing 1500 W is switched off: the real import is unknown");
    }

    @Test
    void exportAtNightMeansTheGridMeterIsBackwards() {
        // real import 1600 W, read as export by a meter wired the other way round; PV is dark
        Decision d = new TestSite().grid(-1600).pv(0).off(1, PUBLIC, now(), 2000).decide();
        assertTrue(d.safeState(), "an export nothing produces cannot be trusted");
        assertTrue(d.safeStateWhy().contains("backwards"), d.safeStateWhy());
        assertFalse(socket(d, 1).on(), "no socket is switched on on the strength of a phantom surplus");
    }

    @Test
    void exportWithTheSunOrABatteryDischargingIsReal() {
        assertFalse(new TestSite().grid(-1600).pv(2000).off(1, PUBLIC, now(), 100).decide().safeState());
        assertFalse(new TestSite().grid(-1500).pv(0).battery(80, 1600).off(1, PUBLIC, now(), 100).decide().safeState());
        assertFalse(new TestSite().grid(-150).pv(0).off(1, PUBLIC, now(), 100).decide().safeState(),
                "a little negative noise is not an export");
    }

    @Test
    void withoutAPvMeterTheModuleCannotTellSoExportIsAccepted() {
        // e.g. an inverter the module does not read: documented in docs/meters.md
        assertFalse(new TestSite().grid(-1600).off(1, PUBLIC, now(), 100).decide().safeState());
    }

    @Test
    void aSocketWithoutItsOwnMeterMayOnlyChargeNow() {
        // a closed socket without a meter in SOLAR_ONLY, with no surplus at all: it used to stay on "on solar"
        SocketSnapshot meterless = new SocketSnapshot(1, 3680, PUBLIC, Optional.empty(),
                RelayView.closed(TestSite.LONG_AGO), TestSite.solar());
        Decision d = new TestSite().grid(900).pv(0).add(meterless).decide();
        assertFalse(socket(d, 1).on());
        org.junit.jupiter.api.Assertions.assertEquals(SocketReason.NO_SOCKET_METER, socket(d, 1).reason());
        assertTrue(socket(d, 1).text().contains("NOW"), socket(d, 1).text());

        SocketSnapshot plain = new SocketSnapshot(2, 2000, PUBLIC, Optional.empty(), RelayView.open(TestSite.LONG_AGO),
                now());
        assertTrue(socket(new TestSite().grid(300).add(plain).decide(), 2).on(),
                "in mode NOW it charges when its rating fits under the limit");
        SocketSnapshot tooBig = new SocketSnapshot(2, 3680, PUBLIC, Optional.empty(), RelayView.open(TestSite.LONG_AGO),
                now());
        assertFalse(socket(new TestSite().grid(300).add(tooBig).decide(), 2).on(),
                "counted at its rating: 3680 W does not fit under 3200 W with 300 W already drawn");
    }
}
