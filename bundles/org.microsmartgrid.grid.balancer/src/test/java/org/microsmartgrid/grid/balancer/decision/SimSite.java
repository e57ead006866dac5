package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.grid.balancer.tariff.BandTariff;
import org.microsmartgrid.grid.balancer.tariff.PriceList;
import org.microsmartgrid.grid.balancer.tariff.PricedTariff;
import org.microsmartgrid.grid.balancer.tariff.TariffOutlook;

/**
 * A tiny physical model of a site, closed around the decision function:
 * grid = building load − PV + Σ draw of closed sockets − battery discharge, read with noise and failures.
 * Relays behave like the real ones: they defer a switch inside the minimum on/off time (unless it is a safety
 * off) and refuse ON while faulted. Everything random comes from the spec's seed, so a run can be replayed.
 */
final class SimSite {

    enum GridFailure { NONE, FAILED, STALE, SILENT }

    /** What one cycle saw and did. */
    record Step(long cycle, Instant at, double importBeforeW, long envVersion, boolean gridLive, MeterValue gridSeen,
                SiteSnapshot snapshot, Decision decision, boolean[] closedAfter, double[] drawAfter) {
    }

    final SimSpec spec;
    final Settings settings;
    final TariffOutlook tariff;
    private final Random rnd;
    private final int n;

    Instant now;
    double baseW;
    double pvW;
    final double[] fraction;
    final boolean[] closed;
    final Instant[] since;
    final boolean[] faulted;
    private final int[] faultLeft;
    private final int[] socketMeterFailLeft;
    private final Session[] sessions;
    private final double[] deliveredWh;
    private GridFailure gridFailure = GridFailure.NONE;
    private int gridFailLeft;
    private MeterValue lastLive;
    double batterySoc;
    double batteryW;
    private final double batteryCapacityWh;
    long envVersion;
    long cycle;
    int deferred;
    int rejected;
    private BalancerState state = BalancerState.EMPTY;

    SimSite(SimSpec spec) {
        this.spec = spec;
        // with trading rules: a price for every hour of the run, random but from the seed (sell, buy and hold hours)
        this.tariff = spec.settings().trading().enabled()
                ? new PricedTariff(BandTariff.of(TariffBand.F3), randomPrices(spec)) : BandTariff.of(TariffBand.F3);
        this.settings = spec.settings();
        this.rnd = new Random(spec.seed());
        this.n = spec.sockets().size();
        this.now = spec.start();
        this.fraction = new double[n];
        this.closed = new boolean[n];
        this.since = new Instant[n];
        this.faulted = new boolean[n];
        this.faultLeft = new int[n];
        this.socketMeterFailLeft = new int[n];
        this.sessions = new Session[n];
        this.deliveredWh = new double[n];
        Instant longAgo = now.minus(Duration.ofHours(1));
        for (int i = 0; i < n; i++) {
            SimSpec.SimSocket s = spec.sockets().get(i);
            fraction[i] = s.drawFraction();
            since[i] = longAgo;
            sessions[i] = switch (s.mode()) {
                case NONE -> Session.none();
                case NOW -> Session.now(longAgo.plusSeconds(i));
                case SOLAR_ONLY -> Session.solarOnly(longAgo.plusSeconds(i));
                case SOLAR_AND_CHEAP -> Session.solarAndCheap(longAgo.plusSeconds(i), 1000 + rnd.nextInt(9000),
                        now.plus(Duration.ofMinutes(60 + rnd.nextInt(20 * 60))), 0);
            };
        }
        boolean fixed = !Double.isNaN(spec.baseW());
        this.baseW = fixed ? spec.baseW() : rnd.nextDouble() * spec.contractW() * 0.9;
        this.pvW = fixed || rnd.nextBoolean() ? 0 : rnd.nextDouble() * spec.contractW() * 1.5;
        this.batterySoc = 10 + rnd.nextDouble() * 80;
        this.batteryCapacityWh = 5000 + rnd.nextInt(5000);
    }

    double drawW(int i) {
        return closed[i] && !faulted[i] ? fraction[i] * spec.sockets().get(i).ratingW() : 0;
    }

    double trueImportW() {
        double sockets = 0;
        for (int i = 0; i < n; i++) sockets += drawW(i);
        return baseW - pvW + sockets - batteryW;
    }

    List<Step> run(int cycles) {
        List<Step> steps = new ArrayList<>(cycles);
        for (int c = 0; c < cycles; c++) steps.add(step());
        return steps;
    }

    Step step() {
        cycle++;
        if (spec.changes()) changeEnvironment();
        if (spec.failures()) changeFailures();

        double importBefore = trueImportW();
        MeterValue grid = readGrid(importBefore);
        boolean live = gridFailure == GridFailure.NONE;
        List<SocketSnapshot> sockets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SimSpec.SimSocket s = spec.sockets().get(i);
            Optional<MeterValue> meter = !s.metered() ? Optional.empty()
                    : socketMeterFailLeft[i] > 0 ? Optional.of(MeterValue.failed(now))
                    : Optional.of(MeterValue.good(drawW(i) + noise(spec.socketNoiseW()), now));
            RelayView relay = new RelayView(closed[i] && !faulted[i], since[i], faulted[i] ? "simulated fault" : null);
            sockets.add(new SocketSnapshot(s.socket(), s.ratingW(), s.priority(), meter, relay, session(i)));
        }
        Optional<BatteryValue> battery = spec.battery()
                ? Optional.of(BatteryValue.good(batterySoc, batteryW, now)) : Optional.empty();
        SiteSnapshot snap = new SiteSnapshot(now, grid, Optional.of(MeterValue.good(pvW, now)), battery, sockets,
                tariff, settings, state);
        Decision d = Balancing.decide(snap);

        apply(d);
        followBattery(d.batterySetpointW());
        state = d.next();
        boolean[] closedAfter = closed.clone();
        double[] drawAfter = new double[n];
        for (int i = 0; i < n; i++) drawAfter[i] = drawW(i);
        Step step = new Step(cycle, now, importBefore, envVersion, live, grid, snap, d, closedAfter, drawAfter);
        Duration dt = spec.cycle();
        for (int i = 0; i < n; i++) deliveredWh[i] += drawW(i) * dt.toMillis() / 3_600_000.0;
        now = now.plus(dt);
        return step;
    }

    private Session session(int i) {
        Session s = sessions[i];
        return s.mode() != SessionMode.SOLAR_AND_CHEAP ? s
                : Session.solarAndCheap(s.since(), s.targetWh(), s.deadline(), deliveredWh[i]);
    }

    private void changeEnvironment() {
        if (rnd.nextDouble() < 0.01) {
            baseW = rnd.nextDouble() * spec.contractW() * 1.3;
            envVersion++;
        }
        if (rnd.nextDouble() < 0.01) {
            pvW = rnd.nextDouble() < 0.3 ? 0 : rnd.nextDouble() * spec.contractW() * 1.5;
            envVersion++;
        }
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < 0.003) {
                fraction[i] = rnd.nextDouble() < 0.2 ? 0 : 0.1 + 0.9 * rnd.nextDouble(); // 0: the vehicle is full
                envVersion++;
            }
        }
    }

    private void changeFailures() {
        if (gridFailLeft > 0 && --gridFailLeft == 0) gridFailure = GridFailure.NONE;
        if (gridFailure == GridFailure.NONE && rnd.nextDouble() < 0.01) {
            gridFailure = GridFailure.values()[1 + rnd.nextInt(3)];
            gridFailLeft = 1 + rnd.nextInt(30);
        }
        for (int i = 0; i < n; i++) {
            if (socketMeterFailLeft[i] > 0) socketMeterFailLeft[i]--;
            else if (rnd.nextDouble() < 0.002) socketMeterFailLeft[i] = 1 + rnd.nextInt(20);
            if (faulted[i]) {
                if (--faultLeft[i] == 0) faulted[i] = false;
            } else if (rnd.nextDouble() < 0.0005) {
                faulted[i] = true; // a faulted relay drops its contactor
                faultLeft[i] = 5 + rnd.nextInt(50);
                if (closed[i]) {
                    closed[i] = false;
                    since[i] = now;
                }
                envVersion++;
            }
        }
    }

    private MeterValue readGrid(double trueImport) {
        MeterValue fresh = MeterValue.good(trueImport + noise(spec.gridNoiseW()), now);
        switch (gridFailure) {
            case NONE -> {
                lastLive = fresh;
                return fresh;
            }
            case FAILED -> {
                return MeterValue.failed(now);
            }
            case STALE -> {
                return new MeterValue(lastLive == null ? 0 : lastLive.powerW(), Quality.STALE,
                        lastLive == null ? now : lastLive.at());
            }
            default -> {
                // silent: the last GOOD value stays, only its age tells
                return lastLive == null ? MeterValue.failed(now) : lastLive;
            }
        }
    }

    private void apply(Decision d) {
        for (SocketDecision sd : d.sockets()) {
            int i = indexOf(sd.socket());
            if (sd.on()) {
                if (faulted[i]) {
                    rejected++;
                } else if (!closed[i]) {
                    if (now.isBefore(since[i].plus(settings.minOff()))) deferred++;
                    else {
                        closed[i] = true;
                        since[i] = now;
                    }
                }
            } else if (closed[i]) {
                if (!sd.safety() && now.isBefore(since[i].plus(settings.minOn()))) deferred++;
                else {
                    closed[i] = false;
                    since[i] = now;
                }
            }
        }
    }

    private void followBattery(double setpointW) {
        if (!spec.battery()) return;
        double w = setpointW;
        if ((w > 0 && batterySoc <= 0) || (w < 0 && batterySoc >= 100)) {
            w = 0;
            envVersion++; // the battery stopped on its own
        }
        batteryW = w;
        batterySoc -= w * spec.cycle().toMillis() / 3_600_000.0 / batteryCapacityWh * 100;
        batterySoc = Math.max(0, Math.min(100, batterySoc));
    }

    private int indexOf(int socket) {
        for (int i = 0; i < n; i++) if (spec.sockets().get(i).socket() == socket) return i;
        throw new IllegalStateException("socket " + socket);
    }

    private double noise(int bound) {
        return bound == 0 ? 0 : (rnd.nextDouble() * 2 - 1) * bound;
    }

    private static PriceList randomPrices(SimSpec spec) {
        Random r = new Random(spec.seed() ^ 0x5eed);
        java.util.TreeMap<Instant, Double> hours = new java.util.TreeMap<>();
        Instant first = spec.start().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofHours(1));
        for (int h = 0; h < 48; h++) hours.put(first.plus(Duration.ofHours(h)), r.nextDouble() * 300);
        return new PriceList(hours, "simulated");
    }
}
