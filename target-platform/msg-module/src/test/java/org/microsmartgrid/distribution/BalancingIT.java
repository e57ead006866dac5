package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.distribution.CommissioningIT.meter;
import static org.microsmartgrid.distribution.CommissioningIT.power;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The closed loop in the real runtime: the balancer reads the simulated building over Modbus TCP and switches the
 * relays on Pi4J's mock chip, whose state the simulated chargers follow. A sunny June noon lets the sockets charge;
 * a building peak above the contract power makes the loop shed them; a grid meter that falls silent puts the site in
 * the safe state; a socket meter unplugged mid-session takes only its socket off, and the session goes on; all
 * recover on their own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BalancingIT {

    private static final String SIM = "org.microsmartgrid.simulator.SimulatedBuilding.config";
    private static ModuleProcess module;
    private static String simulatorConfig;

    @BeforeAll
    static void boot() throws Exception {
        int modbusPort = ModuleProcess.freePort();
        Path conf = ModuleProcess.copyConf(Path.of(System.getProperty("msg.demo.conf")),
                "I\"5020\"", "I\"" + modbusPort + "\"",
                // short anti-chatter times so the scenario fits in a test; the defaults protect real contactors
                "min.on.ms=L\"30000\"", "min.on.ms=L\"1000\"",
                "min.off.ms=L\"30000\"", "min.off.ms=L\"1000\"",
                "min.on.s=I\"60\"", "min.on.s=I\"1\"",
                "min.off.s=I\"60\"", "min.off.s=I\"1\"",
                "rotation.period.s=I\"900\"", "rotation.period.s=I\"60\"");
        // a clear June noon with a quiet building: there is sun to spare whatever the hour the test runs at
        simulatorConfig = Files.readString(conf.resolve(SIM), StandardCharsets.UTF_8)
                .replace("cloudiness=D\"0.3\"", "cloudiness=D\"0.0\"")
                .replace("building.peak.w=D\"2500.0\"", "building.peak.w=D\"300.0\"")
                + "start.time=\"2026-06-10T12:00\"\n";
        Files.writeString(conf.resolve(SIM), simulatorConfig, StandardCharsets.UTF_8);
        ModuleProcess.addInstaller(conf);
        module = ModuleProcess.start("balancing", conf, ModuleProcess.freePort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (module != null) module.close();
    }

    @Test
    @Order(1)
    void theLoopSwitchesSocketsOnWhenThereIsRoom() throws Exception {
        JsonObject status = module.awaitStatus("sockets charging", Duration.ofSeconds(90),
                s -> onByBalancer(s).containsAll(Set.of("socket-1", "socket-3")) && power(s, "socket-3") > 20
                        && power(s, "socket-1") > 20); // a meter shows the draw one poll after its relay closed
        assertTrue(power(status, "socket-1") > 20, "the e-bike charges: " + meter(status, "socket-1"));
        JsonObject loop = status.getAsJsonObject("loop");
        assertFalse(loop.get("safeState").getAsBoolean(), loop.toString());
        assertTrue(loop.get("headroomW").getAsDouble() > 0, "the loop shows its headroom: " + loop);
        assertTrue(loop.getAsJsonArray("sockets").size() == 4, "and why each socket is on or waiting: " + loop);
    }

    @Test
    @Order(2)
    void aBuildingPeakAboveTheContractShedsEverySocket() throws Exception {
        module.replaceConfig(SIM, simulatorConfig + "load.extra.w=D\"6000.0\"\n");
        JsonObject status = module.awaitStatus("all sockets shed", Duration.ofSeconds(30),
                s -> closedRelays(s).isEmpty() && power(s, "grid") > 3200);
        for (JsonElement r : status.getAsJsonArray("relays"))
            assertFalse(r.getAsJsonObject().get("outputOn").getAsBoolean(), "shed: " + r);
        assertTrue(status.getAsJsonObject("loop").get("shed").getAsBoolean() || !status.getAsJsonObject("loop").get("safeState").getAsBoolean(),
                "the loop says it shed: " + status.getAsJsonObject("loop"));
        assertTrue(module.logText().contains("SHED_GRID_LIMIT"), "the shedding is logged with its reason");

        module.replaceConfig(SIM, simulatorConfig);
        module.awaitStatus("sockets back after the peak", Duration.ofSeconds(60),
                s -> onByBalancer(s).contains("socket-3") && power(s, "grid") < 3200);
    }

    @Test
    @Order(3)
    void aSilentGridMeterPutsTheSiteInTheSafeStateAndItRecovers() throws Exception {
        module.awaitStatus("charging before the fault", Duration.ofSeconds(60), s -> !closedRelays(s).isEmpty());
        module.replaceConfig(SIM, simulatorConfig + "faults=[\"grid=SILENT\"]\n");
        JsonObject status = module.awaitStatus("safe state", Duration.ofSeconds(30),
                s -> !"GOOD".equals(meter(s, "grid").get("quality").getAsString()) && closedRelays(s).isEmpty());
        assertTrue(status.getAsJsonArray("relays").size() == 4);

        module.replaceConfig(SIM, simulatorConfig);
        module.awaitStatus("recovered", Duration.ofSeconds(60),
                s -> "GOOD".equals(meter(s, "grid").get("quality").getAsString()) && onByBalancer(s).contains("socket-3"));
        assertTrue(module.logText().contains("safe state"), "the safe state is logged");
    }

    @Test
    @Order(4)
    void aSocketMeterUnpluggedMidSessionTakesOnlyThatSocketOffAndTheSessionGoesOn() throws Exception {
        JsonObject before = module.awaitStatus("the wheelchair charging in a session", Duration.ofSeconds(60),
                s -> onByBalancer(s).contains("socket-3") && SessionsSurviveKillIT.session(s, 3) != null);
        String session = SessionsSurviveKillIT.session(before, 3).get("id").getAsString();

        module.replaceConfig(SIM, simulatorConfig + "faults=[\"socket.3=SILENT\"]\n");
        JsonObject lost = module.awaitStatus("socket 3 off for its lost meter", Duration.ofSeconds(30),
                s -> !closedRelays(s).contains("socket-3") && "SOCKET_METER_LOST".equals(reason(s, 3)));
        assertFalse(lost.getAsJsonObject("loop").get("safeState").getAsBoolean(), "the site is not in the safe state");
        assertTrue(onByBalancer(lost).contains("socket-1"), "the other sockets go on: " + onByBalancer(lost));
        assertTrue(SessionsSurviveKillIT.session(lost, 3) != null, "a lost meter does not end the session");

        module.replaceConfig(SIM, simulatorConfig);
        JsonObject back = module.awaitStatus("socket 3 charging again", Duration.ofSeconds(60),
                s -> onByBalancer(s).contains("socket-3") && "GOOD".equals(meter(s, "socket-3").get("quality").getAsString()));
        assertTrue(session.equals(SessionsSurviveKillIT.session(back, 3).get("id").getAsString()),
                "the same session goes on once its meter is back");
    }

    private static String reason(JsonObject status, int socket) {
        for (JsonElement e : status.getAsJsonObject("loop").getAsJsonArray("sockets"))
            if (e.getAsJsonObject().get("socket").getAsInt() == socket) return e.getAsJsonObject().get("reason").getAsString();
        return null;
    }

    // ----------------------------------------------------------------------------------------------------------


    private static Set<String> onByBalancer(JsonObject status) {
        Set<String> on = new TreeSet<>();
        for (JsonElement r : status.getAsJsonArray("relays")) {
            JsonObject o = r.getAsJsonObject();
            if (o.get("outputOn").getAsBoolean() && "balancer".equals(o.get("source").getAsString())) on.add(o.get("id").getAsString());
        }
        return on;
    }

    private static Set<String> closedRelays(JsonObject status) {
        Set<String> closed = new TreeSet<>();
        for (JsonElement r : status.getAsJsonArray("relays"))
            if (r.getAsJsonObject().get("outputOn").getAsBoolean()) closed.add(r.getAsJsonObject().get("id").getAsString());
        return closed;
    }

}
