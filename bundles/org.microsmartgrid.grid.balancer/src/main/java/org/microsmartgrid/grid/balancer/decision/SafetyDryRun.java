package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.microsmartgrid.api.control.LoopSelfTest.Check;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.meter.Quality;

/**
 * The commissioning self-test: the site as it is now, every socket assumed charging (closed for a while, its own
 * meter, when it has one, reading a real draw), then one fault at a time given to {@link Balancing#decide}. A pure
 * function: nothing is switched, the loop's state is not touched.
 */
public final class SafetyDryRun {

    /** What each socket is assumed to draw in the dry run: an e-bike to a small car charger. */
    static final double ASSUMED_DRAW_W = 1000;

    private SafetyDryRun() {
    }

    public static List<Check> run(SiteSnapshot live) {
        SiteSnapshot charging = allCharging(live);
        List<Check> checks = new ArrayList<>();
        checks.add(overload(charging));
        checks.add(gridMeterLost(charging));
        socketMeterLost(charging).ifPresent(checks::add);
        return checks;
    }

    /** The import goes 500 W over the limit: sockets must be shed (safety OFF) and nothing switched on. */
    static Check overload(SiteSnapshot site) {
        double limit = site.settings().limitW();
        double overW = limit + 500;
        SiteSnapshot over = with(site, MeterValue.good(overW, site.now()), site.sockets());
        Decision d = Balancing.decide(over);
        List<Integer> shed = new ArrayList<>();
        double removed = 0;
        boolean switchedOn = false;
        for (SocketDecision s : d.sockets()) {
            if (s.reason() == SocketReason.SHED_GRID_LIMIT) {
                shed.add(s.socket());
                removed += ASSUMED_DRAW_W;
            }
            if (s.on() && s.change()) switchedOn = true;
        }
        boolean hasRelief = over.sockets().stream().anyMatch(s -> s.meter().isPresent() && s.relay().closed()
                && !s.relay().faulted() && s.disabledBy() == null);
        boolean passed = d.shed() && !switchedOn && (!hasRelief || overW - removed <= limit);
        return new Check("overload / sovraccarico", passed, "import " + Texts.w(overW) + " > limit " + Texts.w(limit)
                + ": shed / distaccate " + (shed.isEmpty() ? "none / nessuna" : Texts.sockets(shed))
                + (switchedOn ? "; a socket was switched ON / una presa accesa!" : "; nothing switched on / nessuna accensione"));
    }

    /** The grid meter stops answering: the safe state, every drawing socket OFF. */
    static Check gridMeterLost(SiteSnapshot site) {
        SiteSnapshot lost = with(site, MeterValue.failed(site.now()), site.sockets());
        Decision d = Balancing.decide(lost);
        List<Integer> leftOn = d.sockets().stream().filter(SocketDecision::on).map(SocketDecision::socket).toList();
        boolean passed = d.safeState() && leftOn.isEmpty();
        return new Check("grid meter lost / contatore di scambio perso", passed, (d.safeState()
                ? "safe state / stato sicuro: " + d.safeStateWhy() : "no safe state / nessuno stato sicuro")
                + "; left on / rimaste accese: " + (leftOn.isEmpty() ? "none / nessuna" : Texts.sockets(leftOn)));
    }

    /** The first socket with its own meter loses it: that socket OFF (safety). */
    static Optional<Check> socketMeterLost(SiteSnapshot site) {
        Optional<SocketSnapshot> metered = site.sockets().stream().filter(s -> s.meter().isPresent()).findFirst();
        if (metered.isEmpty()) return Optional.empty();
        int n = metered.get().socket();
        List<SocketSnapshot> sockets = site.sockets().stream().map(s -> s.socket() != n ? s
                : new SocketSnapshot(s.socket(), s.ratingW(), s.priority(),
                Optional.of(new MeterValue(0, Quality.FAILED, site.now())), s.relay(), s.session(), s.disabledBy()))
                .toList();
        Decision d = Balancing.decide(with(site, site.grid(), sockets));
        SocketDecision sd = d.socket(n).orElseThrow();
        boolean passed = !sd.on() && sd.safety();
        return Optional.of(new Check("socket meter lost / contatore della presa perso", passed,
                "socket " + n + ": " + (sd.on() ? "ON" : "OFF") + " (" + sd.reason() + ")"));
    }

    /** Every socket's relay closed 10 minutes ago and, where it has a meter, drawing {@link #ASSUMED_DRAW_W}. */
    static SiteSnapshot allCharging(SiteSnapshot live) {
        var since = live.now().minus(Duration.ofMinutes(10));
        List<SocketSnapshot> sockets = live.sockets().stream().map(s -> new SocketSnapshot(s.socket(), s.ratingW(),
                s.priority(), s.meter().map(m -> MeterValue.good(ASSUMED_DRAW_W, live.now())),
                s.relay().faulted() ? s.relay() : RelayView.closed(since), s.session(), s.disabledBy())).toList();
        double gridW = live.grid().isGood() ? live.grid().powerW() : 0;
        return with(live, MeterValue.good(gridW, live.now()), sockets);
    }

    private static SiteSnapshot with(SiteSnapshot s, MeterValue grid, List<SocketSnapshot> sockets) {
        return new SiteSnapshot(s.now(), grid, s.pv(), s.battery(), sockets, s.tariff(), s.settings(), s.previous(),
                s.gridSetup());
    }
}
