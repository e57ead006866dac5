package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.grid.balancer.config.AreraSteps;
import org.microsmartgrid.grid.balancer.tariff.BandTariff;
import org.microsmartgrid.grid.balancer.tariff.PriceList;
import org.microsmartgrid.grid.balancer.tariff.PricedTariff;
import org.microsmartgrid.grid.balancer.tariff.TariffOutlook;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Selling at peak, buying at night: on random sites (contract, export limit, trading rules, a price for the hour or
 * only the band, battery SoC and power, sockets on, off, just switched, under their minimum times), one decision's
 * battery set-point never takes the import above the limit, never pushes more into the grid than the export limit
 * (counting only sockets whose relay is really closed), never uses the reserve except for mobility aids, and stays
 * within the battery's powers and SoC bounds.
 */
class BatteryTradingPropertiesTest {

    record Case(SiteSnapshot snap) {
    }

    // 5000 tries: a sale beyond the site's own import is rare in these cases (about 1 in 300); at 1500 tries a run
    // once saw none and failed its coverage check
    @Property(tries = 5000)
    void theSetpointKeepsEveryLimit(@ForAll("cases") Case c) {
        SiteSnapshot snap = c.snap();
        Decision d = Balancing.decide(snap);
        Settings st = snap.settings();
        double sp = d.batterySetpointW();
        BatteryValue b = snap.battery().orElseThrow();
        double eps = 1e-6;

        assertTrue(sp <= st.battery().maxDischargeW() + eps && sp >= -st.battery().maxChargeW() - eps, "power " + sp);
        if (d.safeState() || !b.isGood()) {
            assertTrue(sp == 0, "an untrusted grid or battery reading holds the battery still: " + sp);
            return;
        }
        double starting = 0;
        double mobilityAidRunning = 0;
        for (SocketDecision sd : d.sockets()) {
            SocketSnapshot s = snap.sockets().stream().filter(x -> x.socket() == sd.socket()).findFirst().orElseThrow();
            if (sd.on() && !s.relay().closed()) starting += sd.drawW();
            if (sd.on() && s.relay().closed() && s.priority() == PriorityClass.MOBILITY_AID) mobilityAidRunning += sd.drawW();
        }
        double importRunning = d.predictedImportW() - starting;
        if (sp > 0) assertTrue(sp <= Math.max(0, importRunning) + st.exportLimitW() + eps,
                "discharge " + sp + " W exports more than " + st.exportLimitW() + " W (import of what runs: "
                        + importRunning + " W)");
        if (sp < 0) assertTrue(d.predictedImportW() - sp <= d.limitW() + eps,
                "charge " + -sp + " W takes the import to " + (d.predictedImportW() - sp) + " W > " + d.limitW());
        if (b.socPercent() <= st.reserveSocPercent()) assertTrue(sp <= mobilityAidRunning + eps,
                "below the reserve the battery gave " + sp + " W; mobility aids draw " + mobilityAidRunning);
        if (b.socPercent() <= st.battery().minSocPercent()) assertTrue(sp <= 0, "discharge at the minimum SoC");
        if (b.socPercent() >= st.battery().maxSocPercent()) assertTrue(sp >= 0, "charge at the maximum SoC");

        Statistics.label("trade").collect(d.trade(), sp > 0 ? "discharge" : sp < 0 ? "charge" : "idle");
        Statistics.label("sold into the grid").collect(d.trade() == Trade.SELL && sp > Math.max(0, importRunning) + 1)
                .coverage(k -> k.check(true).percentage(p -> p >= 0.05));
        Statistics.label("bought from the grid").collect(d.trade() == Trade.BUY && sp < 0 && d.predictedImportW() > 0)
                .coverage(k -> k.check(true).percentage(p -> p >= 1));
        Statistics.label("a just-switched socket beside a discharge").collect(starting > 0 && sp > 0)
                .coverage(k -> k.check(true).percentage(p -> p >= 0.3));
    }

    // --- generators ----------------------------------------------------------------------------------------------

    /** Trading rules: a reserve for mobility aids, sell and buy prices, sell and buy bands for hours without a price. */
    static Arbitrary<TradingRules> rules() {
        return Combinators.combine(Arbitraries.integers().between(0, 70), Arbitraries.doubles().between(80, 250),
                        Arbitraries.doubles().between(0, 79), Arbitraries.of(TariffBand.class).set(),
                        Arbitraries.of(TariffBand.class).set())
                .as((reserve, sell, buy, sellBands, buyBands) -> {
                    Set<TariffBand> buys = EnumSet.noneOf(TariffBand.class);
                    buys.addAll(buyBands);
                    buys.removeAll(sellBands);
                    return new TradingRules(true, reserve, sell, buy, sellBands, buys);
                });
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> contract = Arbitraries.of(java.util.stream.IntStream.of(AreraSteps.DOMESTIC_W).boxed().toList());
        Arbitrary<Settings> settings = Combinators.combine(contract, Arbitraries.integers().between(0, 2000),
                        Arbitraries.integers().between(20, 300), rules().injectNull(0.1),
                        Arbitraries.integers().between(0, 40), Arbitraries.integers().between(60, 100))
                .as((c, export, hyst, rules, minSoc, maxSoc) -> {
                    Settings s = new Settings(c, 10, 100, export, Duration.ofSeconds(30), Duration.ofSeconds(30), hyst,
                            Duration.ofMinutes(15), Duration.ofSeconds(1), 10,
                            new BatteryLimits(minSoc, maxSoc, 2500, 2500));
                    return rules == null ? s : s.withTrading(rules);
                });
        Arbitrary<SocketSnapshot> socket = Combinators.combine(Arbitraries.integers().between(0, 4),
                        Arbitraries.of(250.0, 1000.0, 2300.0), Arbitraries.of(PriorityClass.class),
                        Arbitraries.of(SessionMode.NOW, SessionMode.NOW, SessionMode.SOLAR_ONLY, SessionMode.NONE),
                        Arbitraries.doubles().between(0, 1))
                .as((kind, rating, prio, mode, frac) -> socket(kind, rating, prio, mode, frac));
        return Combinators.combine(settings, socket.list().ofMaxSize(6), Arbitraries.doubles().between(-1, 1.3),
                        Arbitraries.doubles().between(0, 5000), Arbitraries.doubles().between(0, 100),
                        // the battery's power and the set-point it was given last
                        Combinators.combine(Arbitraries.doubles().between(-2500, 2500),
                                Arbitraries.doubles().between(-2500, 2500)).as((w, g) -> new double[] {w, g}),
                        Arbitraries.integers().between(0, 365 * 24),
                        Arbitraries.doubles().between(0, 300).injectNull(0.3))
                .as((st, list, gridFrac, pv, soc, battery, hour, price) -> {
                    double batteryW = battery[0];
                    double given = battery[1];
                    List<SocketSnapshot> sockets = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) sockets.add(renumber(list.get(i), i + 1));
                    double gridW = gridFrac * st.contractPowerW();
                    TariffOutlook tariff = BandTariff.of(TariffBand.F3);
                    if (price != null) {
                        TreeMap<Instant, Double> hours = new TreeMap<>();
                        hours.put(NOW.plus(Duration.ofHours(hour)), price);
                        tariff = new PricedTariff(tariff, new PriceList(hours, "test"));
                    }
                    Instant at = NOW.plus(Duration.ofHours(hour)).plusSeconds(1800);
                    return new Case(new SiteSnapshot(at, MeterValue.good(gridW, at), Optional.of(MeterValue.good(pv, at)),
                            Optional.of(BatteryValue.good(soc, batteryW, at)), retime(sockets, at), tariff, st,
                            new BalancerState(java.util.Map.of(), given)));
                });
    }

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * kind 0: on for long, drawing; 1: off for long; 2: off a moment ago (inside the minimum off-time);
     * 3: on a moment ago, after the grid reading (its draw not yet in it); 4: on for long, idle.
     */
    private static SocketSnapshot socket(int kind, double rating, PriorityClass prio, SessionMode mode, double frac) {
        Session session = switch (mode) {
            case NOW -> Session.now(Instant.EPOCH);
            case SOLAR_ONLY -> Session.solarOnly(Instant.EPOCH);
            default -> Session.none();
        };
        double draw = kind == 0 || kind == 3 ? rating * frac : 0;
        boolean closed = kind == 0 || kind == 3 || kind == 4;
        // times are relative to "at" (set by retime): -1 h, or a second before / after the grid reading
        Instant since = Instant.EPOCH.plusSeconds(kind == 2 ? 1 : kind == 3 ? 2 : 0);
        return new SocketSnapshot(99, rating, prio, Optional.of(MeterValue.good(draw, since)),
                new RelayView(closed, since, null), session);
    }

    private static SocketSnapshot renumber(SocketSnapshot s, int n) {
        return new SocketSnapshot(n, s.ratingW(), s.priority(), s.meter(), s.relay(), s.session());
    }

    /** Puts the sockets' relative times (epoch + 0, 1 or 2 s) around the cycle's time. */
    private static List<SocketSnapshot> retime(List<SocketSnapshot> sockets, Instant at) {
        List<SocketSnapshot> result = new ArrayList<>();
        for (SocketSnapshot s : sockets) {
            long code = s.relay().since().getEpochSecond();
            Instant since = code == 0 ? at.minus(Duration.ofHours(1)) : code == 1 ? at.minusSeconds(1) : at.plusMillis(1);
            Instant meterAt = code == 2 ? since : at;
            result.add(new SocketSnapshot(s.socket(), s.ratingW(), s.priority(),
                    Optional.of(MeterValue.good(s.meter().get().powerW(), meterAt)), new RelayView(s.relay().closed(),
                    since, null), s.session()));
        }
        return result;
    }
}
