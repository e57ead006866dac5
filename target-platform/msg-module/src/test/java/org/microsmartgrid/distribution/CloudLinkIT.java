package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.cloud.kapua.testing.EmbeddedBroker;
import org.microsmartgrid.cloud.kapua.testing.KapuaPeer;

/**
 * The exported module on the simulated building, connected to a real MQTT broker (Moquette, in this JVM) with a
 * Paho client playing Kapua: BIRTH, telemetry from the simulator, and store and forward across a broker outage
 * followed by kill -9 of the module.
 */
class CloudLinkIT {

    private static final String DEVICE = "msg-it-1";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private EmbeddedBroker broker;
    private KapuaPeer kapua;
    private Path conf;

    @BeforeEach
    void setUp() throws Exception {
        broker = new EmbeddedBroker();
        broker.start();
        kapua = new KapuaPeer(broker.url(), "kapua-console").connect("$EDC/#", "milano/#");
        conf = ModuleProcess.copyConf(Path.of(System.getProperty("msg.demo.conf")),
                "I\"5020\"", "I\"" + ModuleProcess.freePort() + "\"");
        ModuleProcess.addInstaller(conf);
        ModuleProcess.linkToBroker(conf, broker, DEVICE, "display.name=\"Scuola Tommaseo\"",
                "position.latitude=\"45.4668\"", "position.longitude=\"9.1737\"", "telemetry.interval.s=I\"1\"",
                "reconnect.max.s=I\"2\"");
    }

    @AfterEach
    void tearDown() throws Exception {
        kapua.close();
        broker.close();
    }

    @Test
    void theModuleIsAKapuaDeviceAndLosesNoTelemetryAcrossAnOutageAndAKill() throws Exception {
        Path data = Files.createTempDirectory("msg-data-cloud");
        long outageStart;
        long killedAt;
        try (ModuleProcess module = ModuleProcess.start("cloud-before-kill", conf, ModuleProcess.freePort(), data)) {
            KapuaPeer.Received birth = kapua.await(r -> r.topic().equals("$EDC/milano/" + DEVICE + "/MQTT/BIRTH"),
                    WAIT, "BIRTH");
            birth.message().metrics().forEach((k, v) -> assertInstanceOf(String.class, v, k));
            assertEquals("Scuola Tommaseo", birth.message().metrics().get("display_name"));
            assertEquals("org.apache.felix.framework", birth.message().metrics().get("osgi_framework"));
            assertEquals(45.4668, birth.message().position().latitude(), 1e-9);

            KapuaPeer.Received site = kapua.await(r -> r.topic().equals("milano/" + DEVICE + "/msg/site")
                    && r.message().metrics().containsKey("grid_w") && r.message().metrics().containsKey("limit_w"),
                    WAIT, "site telemetry with the simulator's grid meter and the loop's limit");
            assertEquals(3200.0, site.message().metrics().get("limit_w"), "the demo: 3 kW contract + 10% - 100 W reserve");
            for (int n = 1; n <= 4; n++) {
                int socket = n;
                kapua.await(r -> r.topic().equals("milano/" + DEVICE + "/msg/sockets/" + socket), WAIT, "socket " + socket);
            }

            kapua.close();
            broker.stop();
            outageStart = System.currentTimeMillis();
            Thread.sleep(5000); // telemetry every second goes to the outbox on disk
            killedAt = System.currentTimeMillis();
            module.kill();
        }

        broker.refuse(DEVICE, true);
        broker.start();
        kapua = new KapuaPeer(broker.url(), "kapua-console").connect("$EDC/#", "milano/#");
        broker.refuse(DEVICE, false);
        try (ModuleProcess module = ModuleProcess.start("cloud-after-kill", conf, ModuleProcess.freePort(), data)) {
            kapua.await(r -> r.topic().equals("$EDC/milano/" + DEVICE + "/MQTT/BIRTH"), WAIT, "BIRTH again");
            long end = System.currentTimeMillis() + WAIT.toMillis();
            List<Long> captured = List.of();
            while (System.currentTimeMillis() < end) {
                captured = kapua.received().stream()
                        .filter(r -> r.topic().equals("milano/" + DEVICE + "/msg/site") && r.message() != null)
                        .map(r -> r.message().timestamp())
                        .filter(t -> t > outageStart && t < killedAt).toList();
                if (captured.size() >= 3) break;
                Thread.sleep(200);
            }
            assertTrue(captured.size() >= 3, "site samples captured during the outage, before kill -9, were delivered "
                    + "after the restart: " + captured.size() + "\n" + module.logTail());

            module.kill();
            KapuaPeer.Received lwt = kapua.await(r -> r.topic().equals("$EDC/milano/" + DEVICE + "/MQTT/LWT"), WAIT,
                    "the last will, published by the broker when the module dies");
            assertEquals(0, lwt.raw().length, "an empty payload, as Kura's");
        }
    }
}
