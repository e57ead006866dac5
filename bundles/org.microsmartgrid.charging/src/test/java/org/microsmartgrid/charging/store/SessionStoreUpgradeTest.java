package org.microsmartgrid.charging.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.FleetTrip;
import org.microsmartgrid.charging.session.Row;
import org.microsmartgrid.charging.trip.Trip;
import org.microsmartgrid.testing.Stderr;

/**
 * A module in the field has its sessions in {@code <path>.mv.db}, written by the earlier SQL store: the new store
 * imports them once, renames the old file, and never imports twice.
 */
class SessionStoreUpgradeTest {
    static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");
    @TempDir
    Path dir;

    final Row closed = new Row(new ChargingSession(UUID.randomUUID(), 2, ChargingMode.SOLAR_AND_CHEAP, 5000,
            T0.plusSeconds(20_000), T0, T0.plusSeconds(7200), 4321.5, 3000.25, 0.9, "STOPPED", "token:0badcafe",
            "coap:bms-1"), 8765.5);
    final Row open = new Row(new ChargingSession(UUID.randomUUID(), 1, ChargingMode.NOW, 0, null,
            T0.plusSeconds(86_400), null, 12.5, 0, 0.004, null, "plug", null), null);
    final Trip back = new Trip(UUID.randomUUID(), "bike-7", 2, T0.minusSeconds(3600), UUID.randomUUID(), T0,
            closed.session().id());
    final Trip out = new Trip(UUID.randomUUID(), "bike-8", 3, T0.plusSeconds(3600), UUID.randomUUID(), null, null);

    String path() {
        return dir.resolve("sessions").toString();
    }

    /** The earlier store's schema, copied from its SessionStore and TripTable (withEndedBy: after that column). */
    Connection oldDatabase(boolean withEndedBy, boolean withTrips) throws SQLException {
        Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + dir.resolve("sessions").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", new Properties());
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS charging_session (id UUID PRIMARY KEY, socket INT NOT NULL, "
                    + "mode VARCHAR(20) NOT NULL, target_wh DOUBLE PRECISION NOT NULL, deadline_ms BIGINT, "
                    + "started_ms BIGINT NOT NULL, ended_ms BIGINT, energy_wh DOUBLE PRECISION NOT NULL, "
                    + "solar_wh DOUBLE PRECISION NOT NULL, cost_eur DOUBLE PRECISION NOT NULL, end_reason VARCHAR(200), "
                    + "started_by VARCHAR(80) NOT NULL, meter_wh DOUBLE PRECISION)");
            if (withEndedBy) st.execute("ALTER TABLE charging_session ADD COLUMN IF NOT EXISTS ended_by VARCHAR(200)");
            st.execute("CREATE INDEX IF NOT EXISTS charging_session_started ON charging_session(started_ms)");
            if (withTrips) {
                st.execute("CREATE TABLE IF NOT EXISTS fleet_trip (id UUID PRIMARY KEY, vehicle VARCHAR(32) NOT NULL, "
                        + "socket INT NOT NULL, left_ms BIGINT NOT NULL, out_session UUID NOT NULL, returned_ms BIGINT, "
                        + "return_session UUID)");
                st.execute("CREATE INDEX IF NOT EXISTS fleet_trip_left ON fleet_trip(left_ms)");
            }
        }
        return c;
    }

    static void insert(Connection c, Row row, boolean withEndedBy) throws SQLException {
        ChargingSession s = row.session();
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO charging_session (id, socket, mode, target_wh, "
                + "deadline_ms, started_ms, ended_ms, energy_wh, solar_wh, cost_eur, end_reason, started_by, meter_wh"
                + (withEndedBy ? ", ended_by) KEY(id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                : ") KEY(id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"))) {
            ps.setObject(1, s.id());
            ps.setInt(2, s.socket());
            ps.setString(3, s.mode().name());
            ps.setDouble(4, s.targetWh());
            ps.setObject(5, s.deadline() == null ? null : s.deadline().toEpochMilli(), Types.BIGINT);
            ps.setLong(6, s.started().toEpochMilli());
            ps.setObject(7, s.ended() == null ? null : s.ended().toEpochMilli(), Types.BIGINT);
            ps.setDouble(8, s.energyWh());
            ps.setDouble(9, s.solarWh());
            ps.setDouble(10, s.costEur());
            ps.setString(11, s.endReason());
            ps.setString(12, s.startedBy());
            ps.setObject(13, row.meterWh(), Types.DOUBLE);
            if (withEndedBy) ps.setString(14, s.endedBy());
            ps.executeUpdate();
        }
    }

    static void insert(Connection c, Trip t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO fleet_trip (id, vehicle, socket, left_ms, "
                + "out_session, returned_ms, return_session) KEY(id) VALUES (?,?,?,?,?,?,?)")) {
            ps.setObject(1, t.id());
            ps.setString(2, t.vehicle());
            ps.setInt(3, t.socket());
            ps.setLong(4, t.left().toEpochMilli());
            ps.setObject(5, t.outSession());
            ps.setObject(6, t.returned() == null ? null : t.returned().toEpochMilli(), Types.BIGINT);
            ps.setObject(7, t.returnSession());
            ps.executeUpdate();
        }
    }

    void writeOldDatabase() throws SQLException {
        try (Connection c = oldDatabase(true, true)) {
            insert(c, closed, true);
            insert(c, open, true);
            insert(c, back);
            insert(c, out);
        }
    }

    void assertImported(SessionStore store) throws Exception {
        assertEquals(List.of(open.session(), closed.session()), store.recent(10));
        assertEquals(List.of(open), store.openRows(), "the session open before the upgrade is resumed");
        assertEquals(List.of(out), store.outTrips(), "the bike out before the upgrade is still out");
        assertEquals(List.of(new FleetTrip(out.id(), "bike-8", 3, out.left(), null, null, 0, false),
                new FleetTrip(back.id(), "bike-7", 2, back.left(), back.returned(), closed.session().id(), 4321.5, true)),
                store.trips(10), "the return session's energy, joined as before");
    }

    @Test
    void theOldDatabaseIsImportedOnceAndRenamed() throws Exception {
        writeOldDatabase();
        try (SessionStore store = SessionStore.open(path())) {
            assertImported(store);
        }
        assertFalse(Files.exists(dir.resolve("sessions.mv.db")));
        assertTrue(Files.exists(dir.resolve("sessions.mv.db.imported")), "kept, renamed, for a person to look at");
        try (SessionStore store = SessionStore.open(path())) {
            assertImported(store); // reopened: the same, nothing twice
        }
    }

    @Test
    void aCrashBetweenTheImportAndTheRenameBringsBackNeitherOldFiguresNorPrunedRecords() throws Exception {
        writeOldDatabase();
        Row newer = new Row(new ChargingSession(open.session().id(), 1, ChargingMode.NOW, 0, null,
                open.session().started(), null, 99.5, 1, 0.03, null, "plug", null), 1234.0);
        try (SessionStore store = SessionStore.open(path())) {
            store.save(newer, true);
            assertEquals(1, store.prune(T0.plusSeconds(86_400)), "the closed session, ended long ago, goes");
        }
        // as if the module died after the import's commit, before the rename: the old file is still there
        Files.copy(dir.resolve("sessions.mv.db.imported"), dir.resolve("sessions.mv.db"));
        try (SessionStore store = SessionStore.open(path())) {
            assertEquals(List.of(newer), store.openRows(), "the stored figures, not the old database's");
            assertEquals(List.of(newer.session()), store.recent(10), "nothing imported twice, nothing pruned back");
            assertEquals(List.of(out.id()), store.trips(10).stream().map(FleetTrip::id).toList());
        }
        assertFalse(Files.exists(dir.resolve("sessions.mv.db")), "the rename is done this time");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.filter(f -> f.getFileName().toString().startsWith("sessions.mv.db.imported")).count(),
                    "the first renamed file is not overwritten");
        }
    }

    @Test
    void aDatabaseFromBeforeEndedByAndTripsIsImportedToo() throws Exception {
        try (Connection c = oldDatabase(false, false)) {
            insert(c, open, false);
        }
        try (SessionStore store = SessionStore.open(path())) {
            assertEquals(List.of(open), store.openRows());
            assertEquals(List.of(), store.trips(10));
        }
    }

    @Test
    void anUnreadableOldDatabaseIsLeftInPlaceAndTheStoreWorks() throws Exception {
        Path old = dir.resolve("sessions.mv.db");
        Files.write(old, "not a database at all".repeat(300).getBytes());
        String log = Stderr.of(() -> {
            try (SessionStore store = SessionStore.open(path())) {
                store.save(open, true);
                assertEquals(List.of(open), store.openRows());
            }
        });
        assertTrue(log.contains(old.toAbsolutePath().toString()) && log.contains("NOT imported"), log);
        assertTrue(Files.exists(old), "left for the next start or a person");
    }
}
