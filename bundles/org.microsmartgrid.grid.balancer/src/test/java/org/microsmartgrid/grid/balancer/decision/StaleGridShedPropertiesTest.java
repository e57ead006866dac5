package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.grid.balancer.tariff.BandTariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.grid.balancer.decision.TestSite.LONG_AGO;
import static org.microsmartgrid.grid.balancer.decision.TestSite.NOON;

/**
 * Cycles that run on the same grid reading (a CoAP write, a meter reading and the timer can each start one, a few ms
 * apart, faster than the grid meter is polled) must not shed again what the first cycle's shed already removed:
 * the reading still shows the draw of the sockets switched off after it was captured. Issue 20: a 2 kW cap at
 * 2,950 W import shed sockets 4, 1 and 3 within 27 ms where socket 4 alone was enough.
 */
class StaleGridShedPropertiesTest {

    record SocketSpec(PriorityClass priority, double drawW) {
    }

    record Site(double contractW, double capW, double baseW, List<SocketSpec> sockets, boolean meterRepolled) {
    }

    /**
     * Whatever the site, the second cycle on the same grid reading switches off nothing the first one kept on —
     * whether or not the socket meters were read again after the first cycle's switching.
     */
    @Property(tries = 400)
    void aSecondCycleOnTheSameGridReadingShedsNothingMore(@ForAll("sites") Site site) {
        Settings settings = Settings.defaults(site.contractW()).withImportCap(site.capW());
        Decision first = Balancing.decide(snapshot(site, settings, NOON.plusMillis(5), List.of(), BalancerState.EMPTY));
        List<Integer> shed = first.sockets().stream().filter(s -> !s.on()).map(SocketDecision::socket).toList();
        Decision second = Balancing.decide(snapshot(site, settings, NOON.plusMillis(27), shed, first.next()));

        for (SocketDecision s : first.sockets())
            if (s.on()) assertTrue(second.socket(s.socket()).orElseThrow().on(), () -> "socket " + s.socket()
                    + " kept on by the first cycle was switched off by the second on the same grid reading: "
                    + second.sockets());
        Statistics.label("the first cycle shed").collect(first.shed())
                .coverage(c -> c.check(true).percentage(p -> p >= 40));
    }

    /** The relief is only lent while the reading predates the switch: a fresh reading over the limit sheds again. */
    @Property(tries = 200)
    void aFreshReadingStillOverTheLimitShedsAgain(@ForAll("sites") Site site) {
        Settings settings = Settings.defaults(site.contractW()).withImportCap(site.capW());
        Decision first = Balancing.decide(snapshot(site, settings, NOON.plusMillis(5), List.of(), BalancerState.EMPTY));
        List<Integer> shed = first.sockets().stream().filter(s -> !s.on()).map(SocketDecision::socket).toList();
        // the grid meter, read after the switching, shows the import as if nothing had been switched off
        double stillW = gridW(site);
        Instant later = NOON.plusMillis(300);
        SiteSnapshot fresh = snapshot(site, settings, later, shed, first.next());
        fresh = new SiteSnapshot(later, MeterValue.good(stillW, later.minusMillis(10)), fresh.pv(), fresh.battery(),
                fresh.sockets(), fresh.tariff(), fresh.settings(), fresh.previous());
        Decision second = Balancing.decide(fresh);

        boolean leftOn = first.sockets().stream().anyMatch(SocketDecision::on);
        if (first.shed() && leftOn && stillW > settings.limitW() && site.sockets().stream().allMatch(s -> s.drawW() > 0))
            assertTrue(second.shed(), "a fresh reading over the limit must shed: " + second.sockets());
    }

    @Test
    void theIssueCase() {
        // 2 kW cap at 2,950 W import: building 450 W, sockets 1 (public, 800 W), 3 (public, 700 W), 4 (private, 1000 W)
        Site site = new Site(6000, 2000, 450, List.of(new SocketSpec(PriorityClass.PUBLIC, 800),
                new SocketSpec(PriorityClass.SHARED_FLEET, 0), new SocketSpec(PriorityClass.PUBLIC, 700),
                new SocketSpec(PriorityClass.PRIVATE, 1000)), false);
        Settings settings = Settings.defaults(site.contractW()).withImportCap(site.capW());
        Decision first = Balancing.decide(snapshot(site, settings, NOON.plusMillis(5), List.of(), BalancerState.EMPTY));
        assertFalse(first.socket(4).orElseThrow().on(), "the private socket goes first");
        assertTrue(first.socket(1).orElseThrow().on());
        assertTrue(first.socket(3).orElseThrow().on());

        Decision second = Balancing.decide(snapshot(site, settings, NOON.plusMillis(27), List.of(4), first.next()));
        assertTrue(second.socket(1).orElseThrow().on(), "socket 1 must not pay for socket 4's draw twice");
        assertTrue(second.socket(3).orElseThrow().on());
        assertFalse(second.shed());
        assertEquals(2950 - 1000, second.limitW() - second.headroomW(), 1e-6, "the import expected after socket 4 left");
    }

    private static double gridW(Site site) {
        return site.baseW() + site.sockets().stream().mapToDouble(SocketSpec::drawW).sum();
    }

    /**
     * The site at {@code now}, the grid read at NOON (before any switching); {@code opened} switched off at NOON +
     * 10 ms, their meters either still showing the draw of NOON or read again at NOON + 15 ms (showing 0).
     */
    private static SiteSnapshot snapshot(Site site, Settings settings, Instant now, List<Integer> opened,
                                         BalancerState previous) {
        Instant openedAt = NOON.plusMillis(10);
        List<SocketSnapshot> sockets = new ArrayList<>();
        for (int i = 0; i < site.sockets().size(); i++) {
            int n = i + 1;
            SocketSpec s = site.sockets().get(i);
            boolean off = opened.contains(n);
            MeterValue meter = off && site.meterRepolled() ? MeterValue.good(0, NOON.plusMillis(15))
                    : MeterValue.good(s.drawW(), NOON);
            sockets.add(new SocketSnapshot(n, SocketSnapshot.SCHUKO_W, s.priority(), Optional.of(meter),
                    off ? RelayView.open(openedAt) : RelayView.closed(LONG_AGO), Session.now(LONG_AGO)));
        }
        return new SiteSnapshot(now, MeterValue.good(gridW(site), NOON), Optional.empty(), Optional.empty(), sockets,
                BandTariff.of(TariffBand.F3), settings, previous);
    }

    @Provide
    Arbitrary<Site> sites() {
        Arbitrary<SocketSpec> socket = Combinators.combine(Arbitraries.of(PriorityClass.class),
                Arbitraries.doubles().between(0, 3680).ofScale(0)).as(SocketSpec::new);
        return Combinators.combine(Arbitraries.of(3000.0, 4500.0, 6000.0), Arbitraries.doubles().between(300, 7000)
                        .ofScale(0), Arbitraries.doubles().between(0, 2500).ofScale(0),
                socket.list().ofMinSize(1).ofMaxSize(8), Arbitraries.of(true, false)).as(Site::new);
    }
}
