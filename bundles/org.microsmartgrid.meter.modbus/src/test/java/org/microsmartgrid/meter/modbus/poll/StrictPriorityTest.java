package org.microsmartgrid.meter.modbus.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.meter.modbus.device.MapSource;
import org.microsmartgrid.meter.modbus.profiles.Sdm120Map;
import org.microsmartgrid.meter.modbus.profiles.Sdm630Map;

/**
 * Issue 21, item 17: a busy RS-485 line must not starve the grid meter. The site of the report on a fake clock:
 * 25 ms per request (9600 baud), the grid meter every 250 ms, 24 socket meters every 500 ms, energy every 10 s.
 */
class StrictPriorityTest {
    private static final long REQUEST_MS = 25;

    /** The requests one poll of each Eastron profile costs, from the profiles themselves. */
    private static int requests(boolean grid, PollKind kind) {
        return new MapSource(grid ? Sdm630Map.MAP : Sdm120Map.MAP, TimeSource.SYSTEM).requests(kind).size();
    }

    private static List<LineSimulation.Meter> site(int sockets, long gridMs, long socketMs) {
        List<LineSimulation.Meter> list = new ArrayList<>();
        list.add(new LineSimulation.Meter("grid", PollKind.FAST, gridMs, requests(true, PollKind.FAST), true));
        list.add(new LineSimulation.Meter("grid", PollKind.SLOW, 10_000, requests(true, PollKind.SLOW), false));
        for (int i = 1; i <= sockets; i++) {
            list.add(new LineSimulation.Meter("socket-" + i, PollKind.FAST, socketMs, requests(false, PollKind.FAST), false));
            list.add(new LineSimulation.Meter("socket-" + i, PollKind.SLOW, 10_000, requests(false, PollKind.SLOW), false));
        }
        return list;
    }

    @Test
    void withTwentyFourSocketsTheGridReadingAgesNoMoreThanItsPeriodPlusOneRequest() {
        List<LineSimulation.Meter> site = site(24, 250, 500);
        LineSimulation line = new LineSimulation(REQUEST_MS, site).run(60_000);
        LineSimulation.Meter grid = site.get(0);
        long longestOtherPoll = site.stream().mapToLong(m -> m.requests() * REQUEST_MS).max().orElseThrow();
        assertTrue(line.maxGap(grid, 1_000) <= 250 + longestOtherPoll,
                "grid polled at most one poll late: " + line.maxGap(grid, 1_000) + " ms");
        // and it is polled at its rate: no drift from waiting for the line
        assertTrue(line.polls(grid) >= 60_000 / 250 - 1, "grid polls in 60 s: " + line.polls(grid));
    }

    @Test
    void theSocketsShareWhatIsLeftInTurnNoneStarves() {
        List<LineSimulation.Meter> site = site(24, 250, 500);
        LineSimulation line = new LineSimulation(REQUEST_MS, site).run(60_000);
        List<Integer> socketPolls = site.stream().filter(m -> m.name().startsWith("socket") && m.kind() == PollKind.FAST)
                .map(line::polls).toList();
        int min = socketPolls.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = socketPolls.stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(max - min <= 2, "every socket gets the same share: " + socketPolls);
        // the line is over-subscribed, so each socket gets less than asked (120 polls a minute) but a fair share
        assertTrue(max < 120 && min > 60, "socket polls in 60 s: " + socketPolls);
        for (LineSimulation.Meter m : site)
            if (m.kind() == PollKind.SLOW) assertTrue(line.polls(m) >= 5, "energy still read: " + m + " " + line.polls(m));
    }

    /**
     * The sockets' power readings must stay fresher than their meters' stale.after.ms (1000 ms by default), or the
     * balancer switches their sockets off for nothing. The energy polls of 25 meters attached together fell due
     * together every 10 s (50 requests, 1.25 s of line): a socket then went 2,075 ms unread. Spread, 850 ms.
     */
    @Test
    void energyPollsAreSpreadSoThatNoSocketReadingGoesStale() {
        List<LineSimulation.Meter> site = site(24, 250, 500);
        LineSimulation spread = new LineSimulation(REQUEST_MS, site).run(60_000);
        LineSimulation together = new LineSimulation(REQUEST_MS, site);
        together.spread = false;
        together.run(60_000);
        long worstSpread = 0;
        long worstTogether = 0;
        for (LineSimulation.Meter m : site) {
            if (!m.name().startsWith("socket") || m.kind() != PollKind.FAST) continue;
            worstSpread = Math.max(worstSpread, spread.maxGap(m, 2_000));
            worstTogether = Math.max(worstTogether, together.maxGap(m, 2_000));
        }
        assertTrue(worstSpread < 1_000, "a socket's power went unread for " + worstSpread + " ms");
        assertTrue(worstTogether > 1_000, "without spreading the bursts are back: " + worstTogether + " ms");
    }

    @Test
    void theSpreadPhasesFillTheIntervalEvenly() {
        List<Long> phases = new ArrayList<>();
        for (int n = 0; n < 25; n++) phases.add(PollSchedule.spreadPhase(n, 10_000));
        assertEquals(0, phases.get(0), "the first meter's energy at once");
        phases.sort(null);
        for (int i = 1; i < phases.size(); i++)
            assertTrue(phases.get(i) - phases.get(i - 1) < 2 * 10_000 / 25, "no two far apart: " + phases);
        assertTrue(phases.get(phases.size() - 1) < 10_000);
    }

    @Test
    void aLineWithRoomPollsEveryMeterAtItsOwnRate() {
        List<LineSimulation.Meter> site = site(8, 250, 500);
        LineSimulation line = new LineSimulation(REQUEST_MS, site).run(60_000);
        for (LineSimulation.Meter m : site) {
            if (m.kind() != PollKind.FAST) continue;
            assertTrue(line.polls(m) >= 60_000 / m.intervalMs() - 1, m + " polled " + line.polls(m) + " times");
        }
    }

    @Test
    void anUrgentTaskDueGoesBeforeOneThatIsMoreOverdueButANotYetDueOneBlocksNothing() {
        PollSchedule<String> s = new PollSchedule<>();
        s.put("socket", PollKind.FAST, 0);
        s.put("grid", PollKind.FAST, 100, true);
        assertEquals("socket", s.takeDue(50).orElseThrow().device(), "grid not due yet: the socket goes");
        s.put("socket", PollKind.FAST, 0);
        assertEquals("grid", s.takeDue(100).orElseThrow().device(), "grid due: it goes first");
        assertEquals("socket", s.takeDue(100).orElseThrow().device());
    }

    @Test
    void fixedRateDoesNotDriftAndDoesNotBurstAfterFallingBehind() {
        assertEquals(500, PollSchedule.nextDue(250, 250, 280), "late by 30 ms: the next is still on the grid of 250");
        assertEquals(900, PollSchedule.nextDue(250, 250, 900), "a whole interval behind: due now, no catch-up burst");
    }

    /**
     * Whatever the line's speed and the number of sockets, as long as the grid meter alone fits on the line, its
     * reading waits for at most the one poll already on the line.
     */
    @Property(tries = 60)
    void theGridIsNeverLaterThanOnePoll(@ForAll @IntRange(min = 0, max = 60) int sockets,
                                        @ForAll @IntRange(min = 5, max = 60) int requestMs,
                                        @ForAll @IntRange(min = 100, max = 1000) int gridMs,
                                        @ForAll @IntRange(min = 100, max = 2000) int socketMs) {
        List<LineSimulation.Meter> site = site(sockets, gridMs, socketMs);
        LineSimulation.Meter grid = site.get(0);
        net.jqwik.api.Assume.that(grid.requests() * requestMs * 2 < gridMs); // the grid alone takes under half the line
        LineSimulation line = new LineSimulation(requestMs, site).run(20_000);
        long longestOtherPoll = site.stream().mapToLong(m -> (long) m.requests() * requestMs).max().orElseThrow();
        assertTrue(line.maxGap(grid, 0) <= gridMs + longestOtherPoll,
                "grid gap " + line.maxGap(grid, 0) + " ms > " + gridMs + " + " + longestOtherPoll);
    }
}
