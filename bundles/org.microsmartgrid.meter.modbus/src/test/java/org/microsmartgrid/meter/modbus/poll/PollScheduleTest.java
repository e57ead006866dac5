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
