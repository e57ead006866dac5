package org.microsmartgrid.city.stats.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.registry.store.Migrations;
import org.microsmartgrid.city.registry.store.TestDatabases;
import org.microsmartgrid.city.stats.energy.BadData;
import org.microsmartgrid.city.stats.energy.CounterSample;
import org.microsmartgrid.city.stats.energy.EnergyAggregator;
import org.microsmartgrid.city.stats.energy.HourEnergy;
import org.microsmartgrid.city.stats.sessions.SessionHour;

/** The statistics' tables next to the registry's, with their own history; additions add up. H2 here, PostgreSQL below. */
class StatsStoreTest {

    static final long H = HourEnergy.HOUR_MS;
    static final long T = 1_780_000_000_000L / H * H;

    DataSource database() {
        return TestDatabases.fresh();
    }

    @Test
    void itsOwnHistoryAddsUpAndGroupsByHourOfDay() throws Exception {
        DataSource db = database();
        assertTrue(StatsMigrations.migrate(db) >= 1, "V1.. ran");
        assertEquals(0, StatsMigrations.migrate(db), "already there");
        assertEquals(0, Migrations.migrate(db), "the registry's history is untouched");
        try (Connection c = db.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM \"" + StatsMigrations.HISTORY + "\" WHERE \"version\" = '1' AND \"success\"")) {
            r.next();
            assertEquals(1, r.getInt(1), "V1 is in the statistics' own history");
        }
        try (Connection c = db.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"script\" LIKE '%stats%'")) {
            r.next();
            assertEquals(0, r.getInt(1), "and not in the registry's");
        }
        StatsStore s = new StatsStore(db);
        SessionHour a = new SessionHour("loc-1", T + 3 * H, "45.48,9.18", "Municipio 1", "BUSINESS", "CAR", 2, 10_000, 4_000);
        s.add(new EnergyAggregator.Pending(List.of(new EnergyAggregator.Contribution("a/m", new HourEnergy(T, 100, 5, H / 2))),
                Map.of("a/m", new CounterSample(T + H / 2, 100, 5)),
                List.of(new EnergyAggregator.Bad("a/m", BadData.GAP, T))), List.of(a));
        s.add(new EnergyAggregator.Pending(List.of(new EnergyAggregator.Contribution("a/m", new HourEnergy(T, 50, 0, H / 2))),
                Map.of("a/m", new CounterSample(T + H, 150, 5)),
                List.of(new EnergyAggregator.Bad("a/m", BadData.GAP, T))), List.of(a));

        HourEnergy e = s.read(List.of("a/m", "a/other"), T, T + H).get("a/m").get(T);
        assertEquals(new HourEnergy(T, 150, 5, H), e);
        assertEquals(true, e.complete());
        assertEquals(new CounterSample(T + H, 150, 5), s.last("a/m").orElseThrow());
        assertEquals(List.of(new StatsStore.BadCount("a/m", "GAP", 2)), s.badData(T, T + H));
        int hourUtc = (int) ((T + 3 * H) / H % 24);
        assertEquals(List.of(new StatsStore.SessionGroup(String.valueOf((hourUtc + 2) % 24), 4, 20_000, 8_000, 1)),
                s.sessions(T, T + 24 * H, StatsStore.By.HOUR_OF_DAY, 2));
        assertEquals(List.of(new StatsStore.SessionGroup("BUSINESS", 4, 20_000, 8_000, 1)),
                s.sessions(T, T + 24 * H, StatsStore.By.OPERATOR_TYPE, 1));
        assertEquals(List.of(), s.sessions(T + 4 * H, T + 24 * H, StatsStore.By.AREA, 1), "[from, to)");
        assertEquals(List.of(new StatsStore.SessionGroup("Municipio 1", 4, 20_000, 8_000, 1)),
                s.sessions(T, T + 24 * H, StatsStore.By.DISTRICT, 1));

        s.add(new EnergyAggregator.Pending(List.of(), Map.of(), List.of()), List.of(),
                List.of(new org.microsmartgrid.city.stats.availability.AvailabilityAggregator.Hour("loc-1", "Municipio 1", T,
                        new long[] {1000, 2000, 3000, 4000})),
                List.of(new org.microsmartgrid.city.stats.sessions.UnmetDemand.Cell("45.48,9.18", "Municipio 1", T, 5, 2)));
        s.add(new EnergyAggregator.Pending(List.of(), Map.of(), List.of()), List.of(),
                List.of(new org.microsmartgrid.city.stats.availability.AvailabilityAggregator.Hour("loc-1", "Municipio 1", T + H,
                        new long[] {1, 0, 0, 0})),
                List.of(new org.microsmartgrid.city.stats.sessions.UnmetDemand.Cell("45.48,9.18", "Municipio 1", T, 1, 1)));
        assertEquals(List.of(new StatsStore.AvailabilityRow("loc-1", 1001, 2000, 3000, 4000)), s.availability(T, T + 2 * H));
        assertEquals(List.of(new StatsStore.SearchCell("45.48,9.18", 6, 3)), s.searches(T, T + H));
        assertEquals(List.of(new StatsStore.SearchCell("Municipio 1", 6, 3)), s.searchesByDistrict(T, T + H));
        assertEquals(List.of(new StatsStore.DistrictAvailability("Municipio 1", 1, 1001, 2000, 3000, 4000)),
                s.availabilityByDistrict(T, T + 2 * H));
        // a later flush of the same hour adds to it and keeps the district it was stored with (as the sessions do)
        s.add(new EnergyAggregator.Pending(List.of(), Map.of(), List.of()), List.of(),
                List.of(new org.microsmartgrid.city.stats.availability.AvailabilityAggregator.Hour("loc-1", "Municipio 2", T,
                                new long[] {0, 0, 0, 600}),
                        new org.microsmartgrid.city.stats.availability.AvailabilityAggregator.Hour("loc-2", "Municipio 2", T,
                                new long[] {5, 0, 0, 0})),
                List.of(new org.microsmartgrid.city.stats.sessions.UnmetDemand.Cell("45.48,9.18", "Municipio 2", T, 2, 0)));
        assertEquals(List.of(new StatsStore.DistrictAvailability("Municipio 1", 1, 1001, 2000, 3000, 4600),
                        new StatsStore.DistrictAvailability("Municipio 2", 1, 5, 0, 0, 0)),
                s.availabilityByDistrict(T, T + 2 * H));
        assertEquals(List.of(new StatsStore.SearchCell("45.48,9.18", 8, 3)), s.searches(T, T + H), "one cell");
        assertEquals(List.of(new StatsStore.SearchCell("Municipio 1", 6, 3), new StatsStore.SearchCell("Municipio 2", 2, 0)),
                s.searchesByDistrict(T, T + H), "two districts");
    }
}
