package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A charging session survives a power cut: the module is killed with SIGKILL in the middle of a session and started
 * again on the same data directory; the same session (same id) goes on, once, and its energy is not lost.
 */
class SessionsSurviveKillIT {

    @Test
    void anOpenSessionIsResumedAfterKillMinus9WithoutADuplicate() throws Exception {
        Path conf = ModuleProcess.copyConf(Path.of(System.getProperty("msg.demo.conf")),
                "I\"5020\"", "I\"" + ModuleProcess.freePort() + "\"",
                "min.on.ms=L\"30000\"", "min.on.ms=L\"1000\"", "min.off.ms=L\"30000\"", "min.off.ms=L\"1000\"",
                "min.on.s=I\"60\"", "min.on.s=I\"1\"", "min.off.s=I\"60\"", "min.off.s=I\"1\"");
        Path sim = conf.resolve("org.microsmartgrid.simulator.SimulatedBuilding.config");
        Files.writeString(sim, Files.readString(sim).replace("cloudiness=D\"0.3\"", "cloudiness=D\"0.0\"")
                .replace("building.peak.w=D\"2500.0\"", "building.peak.w=D\"300.0\"") + "start.time=\"2026-06-10T12:00\"\n");
        ModuleProcess.addInstaller(conf);
        Path data = Files.createTempDirectory("msg-data-kill");

        String id;
        double energyBefore;
        try (ModuleProcess first = ModuleProcess.start("sessions-before-kill", conf, ModuleProcess.freePort(), data)) {
            JsonObject status = first.awaitStatus("a session with energy on socket 3", Duration.ofSeconds(120),
                    s -> session(s, 3) != null && session(s, 3).get("energyWh").getAsDouble() > 0);
            JsonObject session = session(status, 3);
            assertEquals("plug", session.get("startedBy").getAsString(), "the wheelchair was detected when its socket got power");
            id = session.get("id").getAsString();
            energyBefore = session.get("energyWh").getAsDouble();
            // energy figures are written at most every 5 s (docs/charging.md); wait past that, so what we saw is on
            // disk. (The simulated building restarts with the module and its meter counters with it, so the last
            // seconds cannot be recovered from the counter here as they would be from a real meter.)
            Thread.sleep(6000);
            first.kill();
        }

        try (ModuleProcess second = ModuleProcess.start("sessions-after-kill", conf, ModuleProcess.freePort(), data)) {
            JsonObject status = second.awaitStatus("the session back on socket 3", Duration.ofSeconds(120),
                    s -> session(s, 3) != null);
            JsonObject session = session(status, 3);
            assertEquals(id, session.get("id").getAsString(), "the same session goes on, not a new one");
            assertTrue(session.get("energyWh").getAsDouble() >= energyBefore - 1e-6,
                    "no energy lost: " + session.get("energyWh") + " Wh after, " + energyBefore + " Wh before");
            int open = 0;
            for (JsonElement e : status.getAsJsonArray("sessions")) if (e.getAsJsonObject().get("socket").getAsInt() == 3) open++;
            assertEquals(1, open, "one open session per socket");
        }
    }

    static JsonObject session(JsonObject status, int socket) {
        if (!status.has("sessions") || status.get("sessions").isJsonNull()) return null;
        for (JsonElement e : status.getAsJsonArray("sessions"))
            if (e.getAsJsonObject().get("socket").getAsInt() == socket) return e.getAsJsonObject();
        return null;
    }
}
