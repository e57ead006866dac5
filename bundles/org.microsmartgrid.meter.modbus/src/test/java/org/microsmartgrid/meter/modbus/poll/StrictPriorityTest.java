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
        list.add(new LineSimulation.Meter("grid", gridMs, requests(true, PollKind.FAST), 10_000,
                requests(true, PollKind.SLOW), true));
        for (int i = 1; i <= sockets; i++)
            list.add(new LineSimulation.Meter("socket-" + i, socketMs, requests(false, PollKind.FAST), 10_000,
                    requests(false, PollKind.SLOW), false));
        return list;
    }

    private static long longestPoll(List<LineSimulation.Meter> site, long requestMs) {
        return site.stream().mapToLong(m -> Math.max(m.fastRequests(), m.slowRequests()) * requestMs).max().orElseThrow();
    }

    @Test
    void withTwentyFourSocketsTheGridReadingAgesNoMoreThanItsPeriodPlusOneRequest() {
        List<LineSimulation.Meter> site = site(24, 250, 500);
        LineSimulation line = new LineSimulation(REQUEST_MS, site).run(60_000);
        LineSimulation.Meter grid = site.get(0);
        long gap = line.maxGap(grid, PollKind.FAST, 1_000);
        assertTrue(gap <= 250 + longestPoll(site, REQUEST_MS), "grid polled at most one poll late: " + gap + " ms");
        // and it is polled at its rate: no drift from waiting for the line
        assertTrue(line.polls(grid, PollKind.FAST) >= 60_000 / 250 - 1, "grid polls in 60 s: " + line.polls(grid, PollKind.FAST));
    }

    @Test
    void theSocketsShareWhatIsLeftInTurnNoneStarves() {
        List<LineSimulation.Meter> site = site(24, 250, 500);
        LineSimulation line = new LineSimulation(REQUEST_MS, site).run(60_000);
        List<Integer> socketPolls = site.stream().filter(m -> m.name().startsWith("socket"))
                .map(m -> line.polls(m, PollKind.FAST)).toList();
        int min = socketPolls.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = socketPolls.stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(max - min <= 2, "every socket gets the same share: " + socketPolls);
        // the line is over-subscribed, so each socket gets less than asked (120 polls a minute) but a fair share
        assertTrue(max < 120 && min > 60, "socket polls in 60 s: " + socketPolls);
        for (LineSimulation.Meter m : site)
            assertTrue(line.polls(m, PollKind.SLOW) >= 5, "energy still read: " + m + " " + line.polls(m, PollKind.SLOW));
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
            if (!m.name().startsWith("socket")) continue;
            worstSpread = Math.max(worstSpread, spread.maxGap(m, PollKind.FAST, 12_000));
            worstTogether = Math.max(worstTogether, together.maxGap(m, PollKind.FAST, 12_000));
        }
        assertTrue(worstSpread < 1_000, "a socket's power went unread for " + worstSpread + " ms");
        assertTrue(worstTogether > 1_000, "without spreading the bursts are back: " + worstTogether + " ms");
    }

    @Test
    void theSpreadPhasesFillTheIntervalEvenly() {
        List<Long> phases = new ArrayList<>();
        for (int n = 0; n < 25; n++) phases.add(PollSchedule.spreadPhase(n, 10_000));
        phases.sort(null);
        for (int i = 1; i < phases.size(); i++)
            assertTrue(phases.get(i) - phases.get(i - 1) < 2 * 10_000 / 25, "no two far apart: " + phases);
        assertTrue(phases.get(phases.size() - 1) < 10_000);
    }

    @Test
    void aLineWithRoomPollsEveryMeterAtItsOwnRate() {
        List<LineSimulation.Meter> site = site(8, 250, 500);
        LineSimulation line = new LineSimulation(REQUEST_MS, site).run(60_000);
        for (LineSimulation.Meter m : site)
            assertTrue(line.polls(m, PollKind.FAST) >= 60_000 / m.fastMs() - 1, m + " polled " + line.polls(m, PollKind.FAST) + " times");
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
        net.jqwik.api.Assume.that(grid.fastRequests() * requestMs * 2 < gridMs); // the grid alone takes under half the line
        LineSimulation line = new LineSimulation(requestMs, site).run(20_000);
        long longest = longestPoll(site, requestMs);
        assertTrue(line.maxGap(grid, PollKind.FAST, 0) <= gridMs + longest,
                "grid gap " + line.maxGap(grid, PollKind.FAST, 0) + " ms > " + gridMs + " + " + longest);
    }
}
