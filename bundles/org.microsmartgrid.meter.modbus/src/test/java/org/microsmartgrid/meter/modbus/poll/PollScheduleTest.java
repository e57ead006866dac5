package org.microsmartgrid.meter.modbus.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PollScheduleTest {
    private final PollSchedule<String> schedule = new PollSchedule<>();

    private List<String> drain(long now) {
        List<String> order = new ArrayList<>();
        while (true) {
            var t = schedule.takeDue(now);
            if (t.isEmpty()) return order;
            order.add(t.get().device() + ":" + t.get().kind());
        }
    }

    @Test
    void theEarliestDueTaskGoesFirstAndFastWinsTies() {
        schedule.put("b", PollKind.SLOW, 100);
        schedule.put("a", PollKind.SLOW, 100);
        schedule.put("a", PollKind.FAST, 100);
        schedule.put("c", PollKind.FAST, 50);
        schedule.put("b", PollKind.FAST, 100);
        assertEquals(List.of("c:FAST", "a:FAST", "b:FAST", "b:SLOW", "a:SLOW"), drain(100));
    }

    @Test
    void nothingIsTakenBeforeItIsDue() {
        schedule.put("a", PollKind.FAST, 100);
        assertTrue(schedule.takeDue(99).isEmpty());
        assertEquals(100, schedule.peek().orElseThrow().dueMillis());
        assertEquals("a", schedule.takeDue(100).orElseThrow().device());
    }

    @Test
    void puttingAgainMovesTheTaskAndRemovingADeviceDropsBothTasks() {
        schedule.put("a", PollKind.FAST, 10);
        schedule.put("b", PollKind.FAST, 20);
        schedule.put("a", PollKind.FAST, 30);
        assertEquals(2, schedule.size());
        assertEquals("b", schedule.peek().orElseThrow().device());
        schedule.put("a", PollKind.SLOW, 5);
        schedule.remove("a");
        assertEquals(List.of("b:FAST"), drain(1000));
    }

    @Test
    void aSlowTaskIsShiftedOnceAfterItsFirstGoodPollAndAFastPollNeverTakesTheShift() {
        schedule.attach("a", 0, true, 10_000);  // the first device attached: no shift
        schedule.attach("b", 0, false, 10_000); // the second: 0.618 of the interval
        for (int i = 0; i < 4; i++) {
            var t = schedule.takeDue(0).orElseThrow();
            schedule.again(t, t.kind() == PollKind.FAST ? 500 : 10_000, 10);
        }
        assertEquals(500, schedule.due("b", PollKind.FAST).orElseThrow(), "power: fixed rate, never shifted");
        assertEquals(10_000, schedule.due("a", PollKind.SLOW).orElseThrow());
        assertEquals(16_180, schedule.due("b", PollKind.SLOW).orElseThrow(), "energy: shifted once");
        var again = schedule.takeDue(16_180).orElseThrow();
        while (!again.device().equals("b") || again.kind() != PollKind.SLOW) {
            schedule.again(again, again.kind() == PollKind.FAST ? 500 : 10_000, 16_180);
            again = schedule.takeDue(16_180).orElseThrow();
        }
        schedule.again(again, 10_000, 16_200);
        assertEquals(26_180, schedule.due("b", PollKind.SLOW).orElseThrow(), "then its own interval, no more shifts");
    }

    @Test
    void advancingOnlyEverBringsATaskForward() {
        schedule.put("a", PollKind.SLOW, 10_000);
        schedule.advance("a", PollKind.SLOW, 500);
        assertEquals(500, schedule.peek().orElseThrow().dueMillis());
        schedule.advance("a", PollKind.SLOW, 9_000);
        assertEquals(500, schedule.peek().orElseThrow().dueMillis());
        schedule.advance("ghost", PollKind.FAST, 1);
        assertEquals(1, schedule.size());
    }
}
