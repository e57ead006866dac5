package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.cloud.kapua.testing.EmbeddedBroker;
import org.microsmartgrid.cloud.kapua.testing.KapuaPeer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code systemctl stop} on a module that is charging: SIGTERM must switch every relay off (on a Raspberry Pi a
 * released GPIO line keeps its last level, so a socket would stay powered), close the meters, and say goodbye to
 * Kapua with a DC, never a last will (which Kapua shows as a crash). Started as systemd starts a {@code Type=notify}
 * service with a watchdog, the module also tells systemd it is ready, pings the watchdog while its loop cycles, and
 * says it is stopping. The {@code systemd-notify} command is replaced by a script that records its arguments: the
 * module's own code path (the command it runs and what it sends) is the production one.
 */
class StopIT {

    private static final String DEVICE = "msg-stop-1";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private EmbeddedBroker broker;
    private KapuaPeer kapua;
    private Path conf;

    @BeforeEach
    void setUp() throws Exception {
        broker = new EmbeddedBroker();
        broker.start();
        kapua = new KapuaPeer(broker.url(), "kapua-console").connect("$EDC/#");
        conf = ModuleProcess.copyConf(Path.of(System.getProperty("msg.demo.conf")),
                "I\"5020\"", "I\"" + ModuleProcess.freePort() + "\"");
        // a clear June noon with a quiet building: the loop switches sockets on whatever the hour the test runs at
        Path sim = conf.resolve("org.microsmartgrid.simulator.SimulatedBuilding.config");
        Files.writeString(sim, Files.readString(sim, StandardCharsets.UTF_8)
                .replace("cloudiness=D\"0.3\"", "cloudiness=D\"0.0\"")
                .replace("building.peak.w=D\"2500.0\"", "building.peak.w=D\"300.0\"")
                + "start.time=\"2026-06-10T12:00\"\n", StandardCharsets.UTF_8);
        ModuleProcess.addInstaller(conf);
        ModuleProcess.linkToBroker(conf, broker, DEVICE, "display.name=\"Scuola Tommaseo\"", "reconnect.max.s=I\"2\"");
    }

    @AfterEach
    void tearDown() throws Exception {
        kapua.close();
        broker.close();
    }

    @Test
    void sigtermSwitchesEveryRelayOffAndDisconnectsCleanly() throws Exception {
        Path bin = Files.createTempDirectory("fake-systemd");
        Path notified = bin.resolve("notified.txt");
        Path notify = bin.resolve("systemd-notify");
        Files.writeString(notify, "#!/bin/sh\necho \"$*\" >> '" + notified + "'\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(notify, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> systemd = Map.of(
                "PATH", bin + ":" + System.getenv("PATH"),
                "NOTIFY_SOCKET", bin.resolve("notify.sock").toString(),
                "WATCHDOG_USEC", "3000000");

        ModuleProcess module = ModuleProcess.start("stop", conf, ModuleProcess.freePort(),
                Files.createTempDirectory("msg-data-stop"), systemd);
        try {
            kapua.await(r -> r.topic().equals("$EDC/milano/" + DEVICE + "/MQTT/BIRTH"), WAIT, "BIRTH");
            module.awaitStatus("a socket charging", WAIT, s -> !closedRelays(s).isEmpty());

            int closed = broker.closedCount(DEVICE);
            Integer exit = module.terminate(Duration.ofSeconds(40));
            assertNotNull(exit, "the module exits by itself after SIGTERM (within the unit's stop timeout)\n"
                    + module.logTail());

            String log = module.logText();
            assertTrue(log.contains("Stopping:"), "the stop is logged:\n" + module.logTail());
            String stopping = log.substring(log.indexOf("Stopping:"));
            // the framework's first stop event closes the GPIO chip's latch, before any bundle stops (the balancer
            // keeps cycling until its own bundle is reached, and must not switch a socket ON in between)
            int latch = stopping.indexOf("every relay OFF now, no relay may switch ON");
            assertTrue(latch >= 0, "the relays' stop latch closes when the framework begins to stop:\n" + module.logTail());
            assertTrue(stopping.contains("ON -> OFF (module stopping)"),
                    "a relay that was ON is switched OFF at once:\n" + module.logTail());
            assertFalse(stopping.substring(latch).contains("OFF -> ON"),
                    "nothing switches a relay on once stopping began:\n" + module.logTail());
            assertTrue(log.contains("GPIO chip stopped"), "the GPIO chip is released:\n" + module.logTail());

            kapua.await(r -> r.topic().equals("$EDC/milano/" + DEVICE + "/MQTT/DC"), Duration.ofSeconds(10),
                    "DC: the module said goodbye");
            // the broker fires a last will while it closes the connection, before it says the connection is closed;
            // Kapua's own message, sent after that, is queued to Kapua's session behind the will
            broker.awaitClosed(DEVICE, closed, WAIT);
            String marker = "$EDC/kapua-console/TEST/after-the-stop";
            kapua.publish(marker, new byte[0]);
            kapua.await(r -> r.topic().equals(marker), WAIT, "Kapua's own message after the module stopped");
            assertTrue(kapua.received().stream().noneMatch(r -> r.topic().endsWith("/MQTT/LWT")),
                    "an orderly stop is not a crash: no last will");

            List<String> lines = Files.readAllLines(notified, StandardCharsets.UTF_8);
            assertTrue(lines.get(0).startsWith("READY=1"), "systemd is told the module is ready: " + lines);
            assertTrue(lines.stream().filter("WATCHDOG=1"::equals).count() >= 2,
                    "the watchdog is fed while the loop cycles: " + lines);
            assertTrue(lines.get(lines.size() - 1).startsWith("STOPPING=1"), "and told it is stopping: " + lines);
            assertEquals(143, exit, "the JVM's status after SIGTERM (128 + 15): the unit lists it in SuccessExitStatus");
        } finally {
            module.close();
        }
    }

    private static List<String> closedRelays(JsonObject status) {
        return status.getAsJsonArray("relays").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(o -> o.get("outputOn").getAsBoolean()).map(o -> o.get("id").getAsString()).toList();
    }
}
