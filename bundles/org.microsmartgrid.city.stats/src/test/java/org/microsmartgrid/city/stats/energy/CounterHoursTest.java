package org.microsmartgrid.city.stats.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Counter readings into hourly energy, and the bad-data rules (docs/statistics.md). */
class CounterHoursTest {

    private static final long H = HourEnergy.HOUR_MS;
    private static final long T0 = 1_780_000_000_000L / H * H; // an hour boundary
    private final CounterHours hours = new CounterHours(15 * 60_000L, 100_000);

    @Test
    void anIntervalWithinAnHourGoesWhollyToIt() {
        CounterHours.Step s = hours.step(new CounterSample(T0 + 10_000, 100, 50), new CounterSample(T0 + 20_000, 103, 50));
        assertNull(s.verdict());
        assertEquals(List.of(new HourEnergy(T0, 3, 0, 10_000)), s.hours());
    }

    @Test
    void anIntervalAcrossTheHourIsSplitInProportionToTime() {
        // 10 minutes, 6 Wh imported, 2 of them before the hour
        CounterHours.Step s = hours.step(new CounterSample(T0 - 200_000, 0, 0), new CounterSample(T0 + 400_000, 6, 1.2));
        assertEquals(2, s.hours().size());
        assertEquals(2.0, s.hours().get(0).importWh(), 1e-9);
        assertEquals(0.4, s.hours().get(0).exportWh(), 1e-9);
        assertEquals(T0 - H, s.hours().get(0).hourStart());
        assertEquals(4.0, s.hours().get(1).importWh(), 1e-9);
        assertEquals(400_000, s.hours().get(1).coveredMs());
    }

    @Test
    void badIntervalsAreNamedAndPlaceNothing() {
        CounterSample a = new CounterSample(T0, 1000, 500);
        assertEquals(BadData.COUNTER_BACK, hours.step(a, new CounterSample(T0 + 10_000, 999, 500)).verdict());
        assertEquals(BadData.GAP, hours.step(a, new CounterSample(T0 + 3 * 24 * H, 5000, 500)).verdict());
        assertEquals(BadData.NOT_AFTER_PREVIOUS, hours.step(a, new CounterSample(T0, 1000, 500)).verdict());
        // 100 kW for 10 s is 278 Wh: 10 kWh in 10 s is a jump
        assertEquals(BadData.IMPLAUSIBLE_JUMP, hours.step(a, new CounterSample(T0 + 10_000, 11_000, 500)).verdict());
        assertEquals(List.of(), hours.step(a, new CounterSample(T0 + 10_000, 999, 500)).hours());
    }

    @Test
    void readingsEveryTenSecondsCoverTheWholeHourExactly() {
        HourEnergy sum = new HourEnergy(T0, 0, 0, 0);
        CounterSample prev = new CounterSample(T0 - 7_000, 0, 0);
        for (long t = T0 + 3_000; t <= T0 + H + 3_000; t += 10_000) {
            CounterSample next = new CounterSample(t, prev.importWh() + 2.5, 0);
            for (HourEnergy e : hours.step(prev, next).hours()) if (e.hourStart() == T0) sum = sum.plus(e);
            prev = next;
        }
        assertEquals(true, sum.complete());
        assertEquals(900.0, sum.importWh(), 1e-6, "2.5 Wh every 10 s is 900 Wh an hour");
    }
}
