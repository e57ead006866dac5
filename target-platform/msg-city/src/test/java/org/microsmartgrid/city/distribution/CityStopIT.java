package org.microsmartgrid.city.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * SIGTERM (systemctl stop, Ctrl-C) stops the city runtime's framework: every component deactivates, so the broker
 * closes its port and the registry closes its database before the process exits.
 */
class CityStopIT {

    @Test
    void sigtermClosesTheBrokerAndTheDatabaseBeforeExiting() throws Exception {
        int mqtt = JarProcess.freePort();
        Path conf = JarProcess.copyConf(Path.of(System.getProperty("msg.city.conf")),
                "port=I\"1883\"", "port=I\"" + mqtt + "\"");
        try (JarProcess city = JarProcess.start("city-stop", Path.of(System.getProperty("msg.city.jar")),
                List.of("-Xmx256m"), conf, JarProcess.freePort())) {
            city.await("the city's status page", "/city/status", Duration.ofSeconds(90), r -> r.statusCode() == 200);
            city.terminate(Duration.ofSeconds(40));
            String log = Files.readString(city.log, StandardCharsets.UTF_8);
            assertTrue(log.contains("MQTT broker stopped"), "the broker was stopped, not abandoned:\n" + city.logTail());
            assertTrue(log.contains("registry database closed"), "the database was closed:\n" + city.logTail());
            assertTrue(log.contains("framework stopped"), city.logTail());
            try (ServerSocket again = new ServerSocket(mqtt, 1, InetAddress.getLoopbackAddress())) {
                assertTrue(again.isBound(), "the MQTT port is free again");
            }
        }
    }
}
