package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.grid.balancer.tariff.BandTariff;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One balancing decision for a 16-socket site (DESIGN §10: "microseconds"). Not run by the build; see
 * docs/balancing.md for the command. The site mixes every class and mode, some sockets on, some waiting in
 * rotation, PV surplus, a battery and two SOLAR_AND_CHEAP plans (which walk the tariff calendar).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecideBenchmark {

    private SiteSnapshot overloaded;
    private SiteSnapshot steady;

    @Setup
    public void setUp() {
        steady = site(1800);
        overloaded = site(9000);
    }

    /** The usual cycle: under the limit, sockets served in turn. */
    @Benchmark
    public Decision decide16Sockets() {
        return Balancing.decide(steady);
    }

    /** A cycle that sheds. */
    @Benchmark
    public Decision decide16SocketsOverTheLimit() {
        return Balancing.decide(overloaded);
    }

    static SiteSnapshot site(double gridW) {
        Instant now = Instant.parse("2026-04-08T10:00:00Z");
        PriorityClass[] classes = PriorityClass.values();
        List<SocketSnapshot> sockets = new ArrayList<>();
        Map<Integer, SocketMemory> memory = new HashMap<>();
        for (int n = 1; n <= 16; n++) {
            boolean on = n % 3 != 0;
            Session session = switch (n % 4) {
                case 0 -> Session.now(now.minus(Duration.ofMinutes(n)));
                case 1 -> Session.solarOnly(now.minus(Duration.ofMinutes(n)));
                case 2 -> n < 8 ? Session.solarAndCheap(now.minus(Duration.ofHours(1)), 5000,
                        now.plus(Duration.ofHours(18)), 1000) : Session.now(now.minus(Duration.ofMinutes(n)));
                default -> n == 15 ? Session.none() : Session.now(now.minus(Duration.ofMinutes(n)));
            };
            sockets.add(new SocketSnapshot(n, n % 2 == 0 ? 1000 : 3680, classes[n % classes.length],
                    Optional.of(MeterValue.good(on ? 150 + 40 * n : 0, now)),
                    on ? RelayView.closed(now.minus(Duration.ofMinutes(5 + n))) : RelayView.open(now.minus(Duration.ofMinutes(30))),
                    session));
            memory.put(n, on ? new SocketMemory(now.minus(Duration.ofMinutes(5 + n)), null, 150 + 40 * n, true, null)
                    : new SocketMemory(null, now.minus(Duration.ofMinutes(40 - n)), 200 + 30 * n, false, null));
        }
        return new SiteSnapshot(now, MeterValue.good(gridW, now), Optional.of(MeterValue.good(2500, now)),
                Optional.of(BatteryValue.good(60, 0, now)), sockets, BandTariff.of(TariffBand.F3),
                Settings.defaults(6000), new BalancerState(memory));
    }
}
