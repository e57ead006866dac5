package org.microsmartgrid.meter.modbus.registers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.meter.modbus.device.MapSource;
import org.microsmartgrid.meter.modbus.poll.PollKind;
import org.microsmartgrid.meter.modbus.poll.TimeSource;
import org.microsmartgrid.meter.modbus.profiles.Sdm120Map;
import org.microsmartgrid.meter.modbus.profiles.Sdm630Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ReadPlannerTest {
    @Test
    void anSdm630FastPollIsOneRequestAndTheSlowPollTwo() {
        MapSource sdm630 = new MapSource(Sdm630Map.MAP, TimeSource.SYSTEM);
        assertEquals(List.of(new Span(Table.INPUT, 0x0000, 0x40)), sdm630.requests(PollKind.FAST));
        assertEquals(List.of(new Span(Table.INPUT, 0x0046, 6), new Span(Table.INPUT, 0x0156, 2)),
                sdm630.requests(PollKind.SLOW));
        assertEquals(1, new MapSource(Sdm120Map.MAP, TimeSource.SYSTEM).requests(PollKind.FAST).size());
    }

    @Test
    void withoutGapsOnlyTouchingRegistersAreMerged() {
        List<Span> spans = List.of(new Span(Table.INPUT, 10, 2), new Span(Table.INPUT, 12, 2), new Span(Table.INPUT, 15, 1),
                new Span(Table.HOLDING, 14, 1));
        assertEquals(List.of(new Span(Table.INPUT, 10, 4), new Span(Table.INPUT, 15, 1), new Span(Table.HOLDING, 14, 1)),
                ReadPlanner.plan(spans, 125, 0));
    }

    @Test
    void aRequestNeverExceedsTheDeviceLimit() {
        List<Span> spans = List.of(new Span(Table.HOLDING, 0, 2), new Span(Table.HOLDING, 100, 2), new Span(Table.HOLDING, 124, 2));
        assertEquals(List.of(new Span(Table.HOLDING, 0, 102), new Span(Table.HOLDING, 124, 2)), ReadPlanner.plan(spans, 125, 125));
    }

    @Property
    void everyNeededRegisterIsReadAndNoRequestIsTooLong(
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 400) Integer> starts,
            @ForAll @IntRange(min = 2, max = 125) int max, @ForAll @IntRange(min = 0, max = 130) int gap) {
        List<Span> spans = starts.stream().map(s -> new Span(s % 2 == 0 ? Table.INPUT : Table.HOLDING, s, 1 + s % 2)).toList();
        List<Span> plan = ReadPlanner.plan(spans, max, gap);
        for (Span s : spans) {
            assertTrue(plan.stream().anyMatch(b -> b.table() == s.table() && b.start() <= s.start() && s.end() <= b.end()),
                    () -> s + " not covered by " + plan);
        }
        assertTrue(plan.stream().allMatch(b -> b.count() <= max));
    }
}
