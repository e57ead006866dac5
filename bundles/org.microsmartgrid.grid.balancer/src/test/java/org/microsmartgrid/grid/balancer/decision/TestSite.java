package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.grid.balancer.tariff.BandTariff;
import org.microsmartgrid.grid.balancer.tariff.TariffOutlook;

/** Builds snapshots for example tests: a 3 kW home (limit 3200 W) on a Wednesday at noon (band F1). */
final class TestSite {

    /** Wednesday 8 April 2026, 12:00 in Rome (CEST): band F1. */
    static final Instant NOON = Instant.parse("2026-04-08T10:00:00Z");
    static final Instant LONG_AGO = NOON.minus(Duration.ofHours(2));

    Instant now = NOON;
    MeterValue grid = MeterValue.good(0, NOON);
    Optional<MeterValue> pv = Optional.empty();
    Optional<BatteryValue> battery = Optional.empty();
    Settings settings = Settings.defaults(3000);
    TariffOutlook tariff = BandTariff.of(TariffBand.F3);
    BalancerState previous = BalancerState.EMPTY;
    final List<SocketSnapshot> sockets = new ArrayList<>();

    TestSite grid(double w) {
        grid = MeterValue.good(w, now);
        return this;
    }

    TestSite grid(MeterValue v) {
        grid = v;
        return this;
    }

    TestSite pv(double w) {
        pv = Optional.of(MeterValue.good(w, now));
        return this;
    }

    TestSite battery(double soc, double w) {
        battery = Optional.of(BatteryValue.good(soc, w, now));
        return this;
    }

    TestSite settings(Settings s) {
        settings = s;
        return this;
    }

    TestSite at(Instant t) {
        now = t;
        grid = new MeterValue(grid.powerW(), grid.quality(), t);
        return this;
    }

    TestSite previous(BalancerState s) {
        previous = s;
        return this;
    }

    /** A socket on since long ago, its meter showing {@code drawW}. */
    TestSite on(int n, PriorityClass p, Session s, double drawW) {
        return add(new SocketSnapshot(n, SocketSnapshot.SCHUKO_W, p, Optional.of(MeterValue.good(drawW, now)),
                RelayView.closed(LONG_AGO), s));
    }

    /** A socket off since long ago, rated {@code ratingW}. */
    TestSite off(int n, PriorityClass p, Session s, double ratingW) {
        return add(new SocketSnapshot(n, ratingW, p, Optional.of(MeterValue.good(0, now)), RelayView.open(LONG_AGO), s));
    }

    TestSite add(SocketSnapshot s) {
        sockets.add(s);
        return this;
    }

    SiteSnapshot snapshot() {
        return new SiteSnapshot(now, grid, pv, battery, sockets, tariff, settings, previous);
    }

    Decision decide() {
        return Balancing.decide(snapshot());
    }

    static Session now() {
        return Session.now(LONG_AGO);
    }

    static Session solar() {
        return Session.solarOnly(LONG_AGO);
    }

    static MeterValue meter(double w, Quality q, Instant at) {
        return new MeterValue(w, q, at);
    }

    static SocketDecision socket(Decision d, int n) {
        return d.socket(n).orElseThrow();
    }

    /** A memory saying the socket drew {@code w} in its last turn, waiting since {@code since}. */
    static SocketMemory waitingWithDraw(double w, Instant since) {
        return new SocketMemory(null, since, w, false, null);
    }
}
