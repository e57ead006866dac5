package org.microsmartgrid.meter.modbus.bus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figures of docs/benchmarks.md, "A busy RS-485 line": how old the grid reading grows and how long an overload
 * takes to show in it, with 16 and 24 socket meters on a 25 ms-per-request line. Not a test (it asserts nothing and
 * runs a minute): {@code mvn -B -ntp verify -pl bundles/org.microsmartgrid.meter.modbus -am -Dtest=SlowLineBench
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench=slowline}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "slowline")
class SlowLineBench {
    private static final long RUN_MS = Long.getLong("bench.ms", 30_000);

    @Test
    void sixteenAndTwentyFourSockets() throws Exception {
        for (int sockets : new int[] {16, 24}) run(sockets);
    }

    private static void run(int sockets) throws Exception {
        try (SlowLineSite site = new SlowLineSite(sockets, 25)) {
            site.start();
            Thread.sleep(2_000);
            long from = SlowLineSite.epochNow();
            site.measureSockets();
            int[] before = site.socketPollsSnapshot();
            List<Long> detection = new ArrayList<>();
            Random random = new Random(21);
            long end = System.nanoTime() / 1_000_000 + RUN_MS;
            float level = 1000f;
            while (System.nanoTime() / 1_000_000 < end - 2_000) {
                Thread.sleep(1_000 + random.nextInt(500)); // overloads at random phases of the poll
                level = level == 1000f ? 9000f : 1000f;
                int seen = site.grid.size();
                long set = System.nanoTime() / 1_000_000;
                site.gridPower(level);
                long heard = -1;
                while (heard < 0 && System.nanoTime() / 1_000_000 < set + 5_000) {
                    synchronized (site.grid) {
                        for (int i = seen; i < site.grid.size(); i++)
                            if (site.grid.get(i)[2] == (long) level) {
                                heard = site.grid.get(i)[1];
                                break;
                            }
                    }
                    if (heard < 0) Thread.sleep(2);
                }
                detection.add(heard < 0 ? 5_000 : heard - set);
            }
            Thread.sleep(Math.max(0, end - System.nanoTime() / 1_000_000));
            int[] after = site.socketPollsSnapshot();
            List<Long> gaps = new ArrayList<>(site.gridGaps(from));
            Collections.sort(gaps);
            Collections.sort(detection);
            int[] polls = new int[sockets];
            for (int s = 1; s <= sockets; s++) polls[s - 1] = after[s] - before[s];
            double seconds = (SlowLineSite.epochNow() - from) / 1000.0;
            double socketInterval = 1000.0 * seconds / Arrays.stream(polls).average().orElse(1);
            System.out.printf("SLOWLINE sockets=%d run=%.0fs gridAge(max=%d p99=%d median=%d) gapsOver700=%d "
                            + "overloadSeen(max=%d median=%d n=%d) socketInterval(mean=%.0fms min polls=%d max polls=%d) "
                            + "socketAgeMax=%d socketReadingsNotGood=%d%n",
                    sockets, seconds, gaps.get(gaps.size() - 1), gaps.get((int) Math.floor(gaps.size() * 0.99)),
                    gaps.get(gaps.size() / 2), gaps.stream().filter(g -> g > 700).count(),
                    detection.get(detection.size() - 1), detection.get(detection.size() / 2), detection.size(),
                    socketInterval, Arrays.stream(polls).min().orElse(0), Arrays.stream(polls).max().orElse(0),
                    site.socketWorst()[0], site.socketWorst()[1]);
        }
    }
}
