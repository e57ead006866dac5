package org.microsmartgrid.meter.modbus.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.BusUsage;

/**
 * Issue 21, item 17, over real Modbus TCP: one line at 25 ms per request, the grid meter every 250 ms and 24 socket
 * meters every 500 ms. Before strict priority the grid reading aged up to a second and the loop fell into the safe
 * state. The bounds are generous (the build machine is shared): what they check is the scheduler's order, which the
 * fake-clock {@code StrictPriorityTest} pins down exactly.
 */
class SlowLineTest {
    private static final long RUN_MS = 6_000;

    @Test
    void twentyFourSocketsOnOneLineDoNotStarveTheGridMeter() throws Exception {
        try (SlowLineSite site = new SlowLineSite(24, 25)) {
            site.start();
            Thread.sleep(1_000); // every meter's first poll is due at once: let that burst pass
            long from = SlowLineSite.epochNow();
            int[] before = site.socketPollsSnapshot();
            Thread.sleep(RUN_MS);
            int[] after = site.socketPollsSnapshot();
            BusUsage usage = site.bus.usage();

            List<Long> gaps = new ArrayList<>(site.gridGaps(from));
            Collections.sort(gaps);
            assertTrue(gaps.size() >= RUN_MS / 250 / 2, "grid readings in " + RUN_MS + " ms: " + gaps.size());
            long median = gaps.get(gaps.size() / 2);
            long max = gaps.get(gaps.size() - 1);
            // its own period plus one request, with room for a loaded machine; before the fix: ~400 ms median
            assertTrue(median <= 250 + 25 + 25, "grid reading's median age " + median + " ms, gaps " + gaps);
            // never near the balancer's default stale.grid.ms (700): no safe state for a healthy meter
            assertTrue(max < 700, "grid reading aged " + max + " ms, gaps " + gaps);

            // the sockets share the rest in turn: each polled, none starved, less often than asked
            int[] polls = new int[24];
            for (int s = 1; s <= 24; s++) polls[s - 1] = after[s] - before[s];
            int min = Arrays.stream(polls).min().orElseThrow();
            int most = Arrays.stream(polls).max().orElseThrow();
            assertTrue(min >= 3, "every socket polled: " + Arrays.toString(polls));
            assertTrue(most <= min * 2, "in turn: " + Arrays.toString(polls));

            // and the bus says so, so that an installer knows to split the line
            assertTrue(usage.oversubscribed(), "over-subscribed: " + usage);
            assertTrue(usage.demandPercent() > 100, "demand: " + usage.demandPercent());
            BusUsage.PollUsage first = usage.tasks().get(0);
            assertEquals("grid", first.device());
            assertEquals("FAST", first.kind());
            assertTrue(first.priority());
            BusUsage.PollUsage socket = usage.tasks().stream().filter(t -> t.device().equals("socket-7")
                    && t.kind().equals("FAST")).findFirst().orElseThrow();
            assertFalse(socket.priority());
            assertTrue(socket.achievedIntervalMs() > socket.intervalMs(),
                    "a socket meter shows it is polled less often than configured: " + socket);
        }
    }

    @Test
    void eightSocketsFitOnTheLineAndTheBusSaysSo() throws Exception {
        try (SlowLineSite site = new SlowLineSite(8, 25)) {
            site.start();
            Thread.sleep(3_000);
            BusUsage usage = site.bus.usage();
            assertFalse(usage.oversubscribed(), "8 sockets fit: " + usage);
            assertTrue(usage.demandPercent() > 20 && usage.demandPercent() < 100, "demand: " + usage.demandPercent());
            assertTrue(usage.busyPercent() > 0, "busy: " + usage.busyPercent());
            assertEquals(2 * 9, usage.tasks().size(), "a fast and a slow task per meter");
        }
    }
}
