package org.microsmartgrid.city.stats.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.registry.store.TestDatabases;
import org.microsmartgrid.city.stats.cer.Statements;
import org.microsmartgrid.city.stats.energy.EnergyAggregator;
import org.microsmartgrid.city.stats.energy.HourEnergy;
import org.microsmartgrid.city.stats.sessions.SessionHour;

/**
 * The second level next to the hourly rows: filled by the migration from hours stored before it, and never apart
 * from them when a flush fails half-way. H2 here, PostgreSQL in the subclass.
 */
class SessionRollupTest {

    static final long H = HourEnergy.HOUR_MS;
    static final long JAN_1 = LocalDate.of(2025, 1, 1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    static final long APR_1 = LocalDate.of(2025, 4, 1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    static final EnergyAggregator.Pending NO_ENERGY = new EnergyAggregator.Pending(List.of(), Map.of(), List.of());

    DataSource database() {
        return TestDatabases.fresh();
    }

    @Test
    void theMigrationFillsTheRollupFromTheHoursAlreadyStored() throws Exception {
        DataSource db = database();
        StatsMigrations.migrate(db, "4"); // a city that ran before V5
        Random random = new Random(14);
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement("INSERT INTO stats_session_hour "
                + "(location_id, hour_start, area, district, operator_type, vehicle_class, sessions, energy_wh, solar_wh) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 400; i++) {
                int point = random.nextInt(8);
                p.setString(1, "loc-" + point);
                p.setLong(2, JAN_1 + random.nextInt(120 * 24) * H);
                p.setString(3, "45.4" + point % 3 + ",9.1");
                p.setString(4, "Municipio " + (1 + random.nextInt(2)));
                p.setString(5, point % 2 == 0 ? "BUSINESS" : "PUBLIC_BODY");
                p.setString(6, "CAR");
                p.setInt(7, 1 + random.nextInt(3));
                p.setDouble(8, random.nextInt(30_000));
                p.setDouble(9, random.nextInt(5_000));
                try {
                    p.executeUpdate();
                } catch (java.sql.SQLException sameHourTwice) {
                    // a point's hour is one row: the random draw repeated one, skip it
                }
            }
        }
        assertEquals(4, StatsMigrations.migrate(db), "V5 to V8");
        StatsStore store = new StatsStore(db);
        assertEquals(store.sessionsFromHours(JAN_1, APR_1, StatsStore.By.AREA, 1).size(),
                store.sessions(JAN_1, APR_1, StatsStore.By.AREA, 1).size());
        RollupEquality.assertSameAsHours(store, JAN_1, APR_1); // January–March: three whole months
        RollupEquality.assertSameAsHours(store, JAN_1 + 10 * 24 * H, APR_1 + 9 * 24 * H);
        RollupEquality.assertSameAsHours(store, JAN_1 - 5 * H, JAN_1 + 130 * 24 * H + 7 * H);
        // and what arrives afterwards adds to the backfilled months
        store.add(NO_ENERGY, List.of(new SessionHour("loc-1", JAN_1 + 40 * 24 * H + 9 * H, "45.41,9.1", "Municipio 1",
                "PUBLIC_BODY", "CAR", 2, 12_000, 0)));
        RollupEquality.assertSameAsHours(store, JAN_1, APR_1);
    }

    @Test
    void aFlushThatFailsHalfWayLeavesBothLevelsAsTheyWere() {
        StatsStore store = new StatsStore(migrated());
        List<SessionHour> first = new ArrayList<>();
        for (int p = 0; p < 5; p++)
            first.add(new SessionHour("loc-" + p, JAN_1 + (p * 30 + 7) * H, "45.40,9.1", "Municipio 1", "BUSINESS", "CAR", 1,
                    10_000, 2_000));
        store.add(NO_ENERGY, first);
        List<StatsStore.SessionGroup> before = store.sessions(JAN_1, APR_1, StatsStore.By.DISTRICT, 1);
        List<StatsStore.SessionGroup> beforeByDay = store.sessions(JAN_1, APR_1, StatsStore.By.DAY, 1);

        // good rows first (a new hour, an existing hour, a new month), then one the database refuses (too long)
        List<SessionHour> failing = List.of(
                new SessionHour("loc-9", JAN_1 + 50 * 24 * H, "45.40,9.1", "Municipio 2", "BUSINESS", "CAR", 4, 9_000, 0),
                new SessionHour("loc-0", JAN_1 + 7 * H, "45.40,9.1", "Municipio 1", "BUSINESS", "CAR", 3, 5_000, 0),
                new SessionHour("loc-1", APR_1 - H, "45.40,9.1", "Municipio 1", "BUSINESS", "CAR", 1, 5_000, 0),
                new SessionHour("loc-2", JAN_1 + 60 * 24 * H, "45.40,9.1", "Municipio 1", "BUSINESS", "X".repeat(65), 1, 1, 0));
        assertThrows(IllegalStateException.class, () -> store.add(NO_ENERGY, failing));

        assertEquals(before, store.sessions(JAN_1, APR_1, StatsStore.By.DISTRICT, 1), "nothing of the failed flush");
        assertEquals(beforeByDay, store.sessions(JAN_1, APR_1, StatsStore.By.DAY, 1));
        RollupEquality.assertSameAsHours(store, JAN_1, APR_1);
        // the same flush again, without the bad row, counts once
        store.add(NO_ENERGY, failing.subList(0, 3));
        List<StatsStore.SessionGroup> after = store.sessions(JAN_1, APR_1, StatsStore.By.DISTRICT, 1);
        assertEquals(before.get(0).sessions() + 4, after.get(0).sessions(), "Municipio 1: 1 + 3 more sessions");
        assertEquals(new StatsStore.SessionGroup("Municipio 2", 4, 9_000, 0, 1), after.get(1));
        RollupEquality.assertSameAsHours(store, JAN_1, APR_1);
    }

    private DataSource migrated() {
        DataSource db = database();
        StatsMigrations.migrate(db);
        return db;
    }
}
