package org.microsmartgrid.city.stats.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Asserts that the rollup's answer is the hourly scan's, for every grouping the API offers. */
final class RollupEquality {

    private RollupEquality() {
    }

    static void assertSameAsHours(StatsStore store, long from, long to) {
        for (StatsStore.By by : StatsStore.By.values())
            for (int offset : by == StatsStore.By.HOUR_OF_DAY ? new int[] {1, 2} : new int[] {1}) {
                List<StatsStore.SessionGroup> hours = store.sessionsFromHours(from, to, by, offset);
                List<StatsStore.SessionGroup> rollup = store.sessions(from, to, by, offset);
                String what = by + " offset " + offset + " [" + from + ", " + to + ")";
                assertEquals(hours.size(), rollup.size(), what + ": " + hours + " vs " + rollup);
                for (int i = 0; i < hours.size(); i++) {
                    StatsStore.SessionGroup h = hours.get(i), r = rollup.get(i);
                    assertEquals(h.key(), r.key(), what);
                    assertEquals(h.sessions(), r.sessions(), what + " sessions of " + h.key());
                    assertEquals(h.points(), r.points(), what + " points of " + h.key());
                    assertEquals(h.energyWh(), r.energyWh(), 1e-6 * Math.max(1, Math.abs(h.energyWh())), what);
                    assertEquals(h.solarWh(), r.solarWh(), 1e-6 * Math.max(1, Math.abs(h.solarWh())), what);
                }
            }
    }
}
