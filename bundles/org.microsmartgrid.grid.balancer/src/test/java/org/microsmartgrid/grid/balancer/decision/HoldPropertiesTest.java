package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
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
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.grid.balancer.tariff.BandTariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.grid.balancer.decision.TestSite.LONG_AGO;
import static org.microsmartgrid.grid.balancer.decision.TestSite.NOON;

/**
 * Whatever installers hold ON or OFF, the decision keeps the DESIGN §5 guarantees (issue 21, item 10): on random
 * sites (1–8 sockets, holds, sessions, relays on or off, inside their minimum times or not, lost meters, faults,
 * disabled sockets, a lost grid meter) the import after the decision never exceeds the limit while anything the
 * loop could switch off is still on, nothing is switched on that would take it over the limit, and nothing is
 * powered in the safe state that is not proven idle. The truth is the sites' real draws, not the decision's figures.
 */
class HoldPropertiesTest {

    enum Hold { NONE, ON, OFF }

    enum MeterKind { GOOD, FAILED, NONE }

    record SocketSpec(PriorityClass priority, SessionMode mode, double ratingW, boolean closed, boolean recent, double drawW,
                      MeterKind meter, boolean fault, boolean disabled, Hold hold) {
        /** What it really draws now: only a closed relay draws. */
        double trueDrawW() {
            return closed ? drawW : 0;
        }
    }

    record Site(double contractW, double baseW, boolean gridLost, List<SocketSpec> sockets) {
        double gridW() {
            return baseW + sockets.stream().mapToDouble(SocketSpec::trueDrawW).sum();
        }
    }

    @Property(tries = 1000)
    void withAnyHoldsTheDecisionNeverExceedsTheLimitNorPowersASocketInTheSafeState(@ForAll("sites") Site site) {
        Settings settings = Settings.defaults(site.contractW());
        double limit = settings.limitW();
        Decision d = Balancing.decide(snapshot(site, settings));

        // the import once the decision is carried out: the base load, what stays on draws what it draws, what is
        // switched on draws up to its rating (the worst case)
        double afterW = site.baseW();
        boolean switchedOn = false;
        boolean drawingLeftOn = false;
        for (SocketDecision sd : d.sockets()) {
            SocketSpec s = site.sockets().get(sd.socket() - 1);
            if (!sd.on()) continue;
            if (s.closed()) {
                afterW += s.drawW();
                drawingLeftOn |= s.drawW() > 0;
            } else {
                afterW += s.ratingW();
                switchedOn = true;
            }
            // never on: held OFF, faulted, disabled, socket meter lost
            assertTrue(s.hold() != Hold.OFF && !s.fault() && !s.disabled() && s.meter() != MeterKind.FAILED,
                    () -> "socket " + sd.socket() + " " + s + " is on: " + sd);
        }
        final double after = afterW;
        if (d.safeState()) {
            assertFalse(switchedOn, () -> "switched on in the safe state: " + d.sockets());
            for (SocketDecision sd : d.sockets()) {
                SocketSpec s = site.sockets().get(sd.socket() - 1);
                if (sd.on()) {
                    assertEquals(SocketReason.SAFE_STATE_IDLE, sd.reason(), sd::toString);
                    assertTrue(s.closed() && s.meter() == MeterKind.GOOD && s.drawW() < settings.idleW(),
                            () -> "powered in the safe state without proof it is idle: " + s + " " + sd);
                }
            }
        } else {
            if (switchedOn)
                assertTrue(after <= limit + 1e-6, () -> "switched on up to " + after + " W > limit " + limit
                        + " W: " + d.sockets());
            if (after > limit + 1e-6)
                assertFalse(drawingLeftOn, () -> "import " + after + " W > limit " + limit + " W with a drawing "
                        + "socket left on: " + d.sockets());
        }
        for (SocketDecision sd : d.sockets()) {
            SocketSpec s = site.sockets().get(sd.socket() - 1);
            if (s.hold() == Hold.OFF && !s.fault() && !s.disabled() && s.meter() != MeterKind.FAILED)
                assertEquals(SocketReason.MANUAL_HOLD_OFF, sd.reason(), "a hold OFF says so unless a safety rule came first");
        }

        boolean heldOnServed = d.sockets().stream().anyMatch(sd -> sd.reason() == SocketReason.MANUAL_HOLD_ON && sd.change());
        boolean heldOnRefused = d.sockets().stream().anyMatch(sd -> !sd.on()
                && site.sockets().get(sd.socket() - 1).hold() == Hold.ON);
        // the generator must reach each case; the bounds sit far below the rates seen (~7 %, ~35 %, ~43 %, 4–6 % of
        // 1,000 tries) so that a random run never fails them: a coverage check must not be a coin toss
        Statistics.label("a hold ON switched on").collect(heldOnServed).coverage(c -> c.check(true).percentage(p -> p >= 2));
        Statistics.label("a hold ON kept off").collect(heldOnRefused).coverage(c -> c.check(true).percentage(p -> p >= 15));
        Statistics.label("safe state").collect(d.safeState()).coverage(c -> c.check(true).percentage(p -> p >= 5));
        Statistics.label("shed").collect(d.shed()).coverage(c -> c.check(true).percentage(p -> p >= 1));
    }

    private static SiteSnapshot snapshot(Site site, Settings settings) {
        List<SocketSnapshot> sockets = new ArrayList<>();
        for (int i = 0; i < site.sockets().size(); i++) {
            SocketSpec s = site.sockets().get(i);
            int n = i + 1;
            Optional<MeterValue> meter = switch (s.meter()) {
                case GOOD -> Optional.of(MeterValue.good(s.trueDrawW(), NOON));
                case FAILED -> Optional.of(new MeterValue(s.trueDrawW(), Quality.FAILED, NOON));
                case NONE -> Optional.empty();
            };
            // every relay changed before the readings were taken; "recent" ones inside their minimum times
            var since = s.recent() ? NOON.minusSeconds(10) : LONG_AGO;
            RelayView relay = new RelayView(s.closed(), since, s.fault() ? "stuck" : null);
            Session session = switch (s.mode()) {
                case NOW -> Session.now(LONG_AGO);
                case SOLAR_ONLY -> Session.solarOnly(LONG_AGO);
                default -> Session.none();
            };
            Held held = switch (s.hold()) {
                case ON -> new Held(true, "installer:anna", NOON.plus(Duration.ofMinutes(15)));
                case OFF -> new Held(false, "installer:anna", NOON.plus(Duration.ofMinutes(15)));
                case NONE -> null;
            };
            sockets.add(new SocketSnapshot(n, s.ratingW(), s.priority(), meter, relay, session,
                    s.disabled() ? "coap:bms-1" : null, null, held));
        }
        MeterValue grid = site.gridLost() ? MeterValue.failed(NOON) : MeterValue.good(site.gridW(), NOON);
        return new SiteSnapshot(NOON.plusMillis(50), grid, Optional.empty(), Optional.empty(), sockets,
                BandTariff.of(TariffBand.F3), settings, BalancerState.EMPTY);
    }

    @Provide
    Arbitrary<Site> sites() {
        Arbitrary<SocketSpec> socket = Combinators.combine(Arbitraries.of(PriorityClass.class),
                Arbitraries.of(SessionMode.NONE, SessionMode.NOW, SessionMode.SOLAR_ONLY), Arbitraries.doubles().between(500, 3680).ofScale(0),
                Arbitraries.of(true, false), Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 99),
                Arbitraries.of(Hold.class)).as(HoldPropertiesTest::spec);
        return Combinators.combine(Arbitraries.of(3000.0, 4500.0, 6000.0),
                Arbitraries.doubles().between(0, 4000).ofScale(0), Arbitraries.integers().between(0, 99),
                socket.list().ofMinSize(1).ofMaxSize(8)).as((c, b, g, s) -> new Site(c, b, g < 10, s));
    }

    /** One socket from a few dice: mostly healthy, sometimes a lost meter, a fault or disabled. */
    private static SocketSpec spec(PriorityClass priority, SessionMode mode, double ratingW, boolean closed, double drawShare,
                                   int dice, Hold hold) {
        MeterKind meter = dice < 8 ? MeterKind.FAILED : dice < 16 ? MeterKind.NONE : MeterKind.GOOD;
        boolean fault = !closed && dice >= 16 && dice < 22; // a faulted relay is driven open
        boolean disabled = dice >= 22 && dice < 27;
        boolean recent = dice % 3 == 0;
        double draw = closed ? Math.round(ratingW * (drawShare < 0.15 ? 0 : drawShare)) : 0;
        return new SocketSpec(priority, mode, ratingW, closed, recent, draw, meter, fault, disabled, hold);
    }
}
