package org.microsmartgrid.building.notify.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.building.AlarmEvent;

class CoalescerTest {
    private static final Instant T0 = Instant.parse("2026-12-07T22:00:00Z");

    private static AlarmEvent pir(Instant at, boolean active) {
        return new AlarmEvent(at, "corridoio", "PIR", active, null);
    }

    @Test
    void aFlappingSensorGivesOneMailNowAndOneSummaryWithItsLastStateAfterTheQuietTime() {
        Coalescer c = new Coalescer(Duration.ofMinutes(10));
        List<Coalescer.Told> told = new ArrayList<>(c.offer(pir(T0, true), T0));
        assertEquals(1, told.size(), "the first raise is told at once");
        for (int i = 1; i <= 20; i++) {
            Instant t = T0.plusSeconds(i * 10L);
            told.addAll(c.offer(pir(t, false), t));
            told.addAll(c.offer(pir(t.plusSeconds(5), true), t.plusSeconds(5)));
        }
        told.addAll(c.offer(pir(T0.plusSeconds(300), false), T0.plusSeconds(300)));
        assertEquals(1, told.size(), "nothing more inside the quiet time");
        assertTrue(c.flush(T0.plusSeconds(599)).isEmpty(), "still quiet");

        List<Coalescer.Told> later = c.flush(T0.plusSeconds(600));
        assertEquals(1, later.size());
        assertFalse(later.get(0).event().active(), "the last word is the present state: cleared");
        assertEquals(20, later.get(0).repeats(), "with the 20 raises held back");
        assertTrue(c.flush(T0.plusSeconds(3600)).isEmpty(), "told once");
    }

    @Test
    void aRaiseAndClearInsideTheQuietTimeLeavesNothingUntold() {
        Coalescer c = new Coalescer(Duration.ofMinutes(10));
        assertEquals(1, c.offer(pir(T0, true), T0).size());
        assertTrue(c.offer(pir(T0.plusSeconds(30), false), T0.plusSeconds(30)).isEmpty());
        List<Coalescer.Told> later = c.flush(T0.plusSeconds(600));
        assertEquals(1, later.size(), "the clear is told when the quiet time ends");
        assertEquals(0, later.get(0).repeats());
    }

    @Test
    void smokeAndFloodAreNeverHeldBack() {
        Coalescer c = new Coalescer(Duration.ofMinutes(10));
        for (int i = 0; i < 5; i++) {
            Instant t = T0.plusSeconds(i);
            assertEquals(1, c.offer(new AlarmEvent(t, "cantina", "FLOOD", i % 2 == 0, null), t).size());
        }
    }

    @Test
    void sourcesAreQuietEachOnItsOwn() {
        Coalescer c = new Coalescer(Duration.ofMinutes(10));
        assertEquals(1, c.offer(pir(T0, true), T0).size());
        AlarmEvent door = new AlarmEvent(T0.plusSeconds(1), "portone", "DOOR_LEFT_OPEN", true, null);
        assertEquals(1, c.offer(door, T0.plusSeconds(1)).size(), "another source is told at once");
    }

    @Test
    void withoutQuietTimeEveryChangeIsTold() {
        Coalescer c = new Coalescer(Duration.ZERO);
        for (int i = 0; i < 6; i++) assertEquals(1, c.offer(pir(T0, i % 2 == 0), T0).size());
    }
}
