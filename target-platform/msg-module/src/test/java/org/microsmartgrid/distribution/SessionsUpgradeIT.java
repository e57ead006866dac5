package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * A module upgraded in the field: its data folder holds the sessions in the earlier SQL database
 * ({@code sessions.mv.db}, docs/charging.md §4). The new module imports them once, inside the OSGi runtime, resumes
 * the session that was open, and keeps the old file renamed.
 */
class SessionsUpgradeIT {

    @Test
    void theOpenSessionOfTheOldSqlDatabaseGoesOnAfterTheUpgrade() throws Exception {
        Path conf = ModuleProcess.copyConf(Path.of(System.getProperty("msg.demo.conf")),
                "I\"5020\"", "I\"" + ModuleProcess.freePort() + "\"");
        Path sim = conf.resolve("org.microsmartgrid.simulator.SimulatedBuilding.config");
        Files.writeString(sim, Files.readString(sim).replace("cloudiness=D\"0.3\"", "cloudiness=D\"0.0\"")
                .replace("building.peak.w=D\"2500.0\"", "building.peak.w=D\"300.0\"") + "start.time=\"2026-06-10T12:00\"\n");
        ModuleProcess.addInstaller(conf);
        Path data = Files.createTempDirectory("msg-data-upgrade");
        UUID open = UUID.randomUUID();
        oldDatabase(data.resolve("sessions"), open);

        try (ModuleProcess module = ModuleProcess.start("sessions-upgrade", conf, ModuleProcess.freePort(), data)) {
            JsonObject status = module.awaitStatus("the old session back on socket 3", Duration.ofSeconds(120),
                    s -> SessionsSurviveKillIT.session(s, 3) != null);
            JsonObject session = SessionsSurviveKillIT.session(status, 3);
            assertEquals(open.toString(), session.get("id").getAsString(), "the session open before the upgrade goes on");
            assertTrue(session.get("energyWh").getAsDouble() >= 250 - 1e-6, "its energy kept: " + session);
            String log = Files.readString(module.log, StandardCharsets.UTF_8);
            assertTrue(log.contains("2 session(s), 0 trip(s), 0 unreadable"), "the import is logged");
        }
        assertFalse(Files.exists(data.resolve("sessions.mv.db")));
        assertTrue(Files.exists(data.resolve("sessions.mv.db.imported")), "the old file is kept, renamed");
        assertTrue(Files.exists(data.resolve("sessions.mvstore")));
    }

    /** The earlier store's schema (its SessionStore before MVStore) with an open and a closed session. */
    private static void oldDatabase(Path path, UUID open) throws Exception {
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + path.toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", new Properties()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE charging_session (id UUID PRIMARY KEY, socket INT NOT NULL, "
                    + "mode VARCHAR(20) NOT NULL, target_wh DOUBLE PRECISION NOT NULL, deadline_ms BIGINT, "
                    + "started_ms BIGINT NOT NULL, ended_ms BIGINT, energy_wh DOUBLE PRECISION NOT NULL, "
                    + "solar_wh DOUBLE PRECISION NOT NULL, cost_eur DOUBLE PRECISION NOT NULL, end_reason VARCHAR(200), "
                    + "started_by VARCHAR(80) NOT NULL, meter_wh DOUBLE PRECISION, ended_by VARCHAR(200))");
            st.execute("CREATE TABLE fleet_trip (id UUID PRIMARY KEY, vehicle VARCHAR(32) NOT NULL, socket INT NOT NULL, "
                    + "left_ms BIGINT NOT NULL, out_session UUID NOT NULL, returned_ms BIGINT, return_session UUID)");
            long now = Instant.now().toEpochMilli();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO charging_session (id, socket, mode, target_wh, "
                    + "started_ms, ended_ms, energy_wh, solar_wh, cost_eur, end_reason, started_by) "
                    + "VALUES (?, ?, 'NOW', 0, ?, ?, ?, 0, 0.05, ?, 'plug')")) {
                ps.setObject(1, open);
                ps.setInt(2, 3);
                ps.setLong(3, now - 600_000);
                ps.setObject(4, null);
                ps.setDouble(5, 250);
                ps.setString(6, null);
                ps.executeUpdate();
                ps.setObject(1, UUID.randomUUID());
                ps.setInt(2, 1);
                ps.setLong(3, now - 86_400_000);
                ps.setLong(4, now - 80_000_000);
                ps.setDouble(5, 4000);
                ps.setString(6, "UNPLUGGED");
                ps.executeUpdate();
            }
        }
    }
}
