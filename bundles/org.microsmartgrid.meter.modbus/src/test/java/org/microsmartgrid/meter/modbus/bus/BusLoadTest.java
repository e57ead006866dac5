package org.microsmartgrid.meter.modbus.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.BusUsage;
import org.microsmartgrid.meter.modbus.poll.PollKind;
import org.microsmartgrid.meter.modbus.poll.PolledDevice;

/** The bus's bookkeeping on a hand-moved clock. */
class BusLoadTest {
    private static PolledDevice device(String name, long fastMs, boolean urgent) {
        return new PolledDevice() {
            public long intervalMillis(PollKind kind) {
                return kind == PollKind.FAST ? fastMs : 10_000;
            }

            public boolean urgent(PollKind kind) {
                return urgent && kind == PollKind.FAST;
            }

            public int poll(PollKind kind, RegisterReader reader) {
                return 0;
            }

            public String describe() {
                return "device " + name;
            }

            public String name() {
                return name;
            }
        };
    }

    @Test
    void demandIsRequestTimeOverIntervalOnceWarmAndASlowFirstPollDoesNotCount() {
        PolledDevice grid = device("grid", 250, true);
        BusLoad load = new BusLoad(0);
        load.polled(grid, PollKind.FAST, 0, 400, true); // connecting, class loading: not a measure of the line
        load.polled(grid, PollKind.FAST, 500, 525, true);
        assertEquals(0, load.demand(List.of(grid)), 1e-9, "not warm yet: nothing claimed");
        load.polled(grid, PollKind.FAST, 750, 775, true);
        assertEquals(25.0 / 250, load.demand(List.of(grid)), 1e-9);
        load.polled(grid, PollKind.FAST, 1000, 1300, false); // a timeout: busy, but not the device's request time
        assertEquals(25.0 / 250, load.demand(List.of(grid)), 1e-9);
    }

    @Test
    void usageListsThePriorityTaskFirstWithWhatEachGetsAndSaysWhenTheLineIsOverSubscribed() {
        PolledDevice grid = device("grid", 250, true);
        PolledDevice socket = device("socket-1", 30, false);
        BusLoad load = new BusLoad(0);
        long t = 0;
        for (int i = 0; i < 5; i++) {
            load.polled(socket, PollKind.FAST, t, t + 30, true);
            load.polled(grid, PollKind.FAST, t + 30, t + 55, true);
            t += 100;
        }
        BusUsage usage = load.usage("line", "line (TCP)", List.of(socket, grid), t);
        assertTrue(usage.oversubscribed(), "30 ms every 30 ms + 25 every 250: " + usage);
        assertEquals(110.0, usage.demandPercent(), 0.1);
        assertEquals("grid", usage.tasks().get(0).device());
        assertTrue(usage.tasks().get(0).priority());
        BusUsage.PollUsage s = usage.tasks().stream().filter(u -> u.device().equals("socket-1") && u.kind().equals("FAST"))
                .findFirst().orElseThrow();
        assertEquals(100, s.achievedIntervalMs(), "asked every 30 ms, got every 100");
        assertEquals(30, s.requestMs());
        assertEquals(100, s.sinceLastPollMs());
        assertEquals(55.0, usage.busyPercent(), 0.1, "550 ms of requests in 1 s");
        assertFalse(load.usage("line", "", List.of(), t).oversubscribed(), "no devices, no demand");
    }
}
