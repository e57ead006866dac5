package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * An installer commissions a module: the exported distribution boots in a real Felix with the sample configuration
 * (no balancing loop yet), every bundle and configured component comes up, the meters read the simulated building
 * over Modbus TCP, the console needs the installer's password, and a relay switched by hand makes the simulated
 * charger on that socket draw power, which the socket's meter then shows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommissioningIT {

    private static final String USER = "installer";
    private static final String PASSWORD = "correct horse battery staple";
    private static final Set<String> METERS = Set.of("grid", "pv", "socket-1", "socket-2", "socket-3", "socket-4");

    private static ModuleProcess module;

    @BeforeAll
    static void boot() throws Exception {
        int modbusPort = ModuleProcess.freePort();
        Path conf = ModuleProcess.copyConf(Path.of(System.getProperty("msg.demo.conf")), "I\"5020\"", "I\"" + modbusPort + "\"",
                "min.off.ms=L\"30000\"", "min.off.ms=L\"2000\""); // relays may switch on 2 s after start
        Files.deleteIfExists(conf.resolve("org.microsmartgrid.grid.balancer.Balancer.config")); // commissioning: hands only
        ModuleProcess.addInstaller(conf, USER, PASSWORD);
        module = ModuleProcess.start("commissioning", conf, ModuleProcess.freePort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (module != null) module.close();
    }

    @Test
    @Order(1)
    void everyBundleIsActiveAndEveryMeterReadsTheSimulatedBuilding() throws Exception {
        // the framework starts bundles one by one and FileInstall hands the files over one by one: wait for all of
        // them (relays included), not only for the meters
        module.awaitConfigured(Duration.ofSeconds(90));
        JsonObject status = module.awaitStatus("all meters GOOD and every bundle started", Duration.ofSeconds(90),
                s -> goodMeters(s).containsAll(METERS) && s.getAsJsonObject("health").getAsJsonObject("bundles")
                        .getAsJsonArray("notActive").isEmpty()
                        // configurations arrive one by one (FileInstall starts last): all but the balancer's
                        && s.getAsJsonObject("commissioning").getAsJsonArray("missing").size() == 1);

        JsonObject health = status.getAsJsonObject("health");
        assertEquals(0, health.getAsJsonObject("bundles").getAsJsonArray("notActive").size(), "bundles not active: " + health);
        for (JsonElement c : health.getAsJsonObject("components").getAsJsonArray("notActive")) {
            String state = c.getAsJsonObject().get("state").getAsString();
            assertFalse(state.equals("FAILED_ACTIVATION") || state.equals("UNSATISFIED_REFERENCE"), "component not satisfied: " + c);
        }
        // hands only, no balancer yet: everything runs, but the module is not commissioned, so not "ok"
        JsonObject commissioning = status.getAsJsonObject("commissioning");
        assertEquals(1, commissioning.getAsJsonArray("missing").size(), commissioning.toString());
        assertEquals("balancer", commissioning.getAsJsonArray("missing").get(0).getAsJsonObject().get("step").getAsString());
        assertFalse(health.get("ok").getAsBoolean(), "not commissioned until the balancer is configured: " + health);
        JsonObject gpio = status.getAsJsonObject("gpio");
        assertTrue(gpio.get("mock").getAsBoolean() && gpio.get("warning").getAsString().contains("switch nothing"),
                "the demo's mock relays say they switch nothing: " + gpio);
        assertTrue(module.logText().contains("GPIO provider MOCK (demo): the relays switch NOTHING"));

        JsonObject grid = meter(status, "grid");
        assertEquals("GRID", grid.get("role").getAsString());
        for (String channel : new String[] {"ACTIVE_POWER", "VOLTAGE_L1", "VOLTAGE_L2", "VOLTAGE_L3", "CURRENT_L1", "POWER_FACTOR"})
            assertTrue(grid.getAsJsonObject("values").has(channel), "grid meter reads " + channel + ": " + grid);
        double volts = value(grid, "VOLTAGE_L1");
        assertTrue(volts > 200 && volts < 260, "a plausible mains voltage from the simulated SDM630: " + volts);
        // the bus section (issue 21, item 17): the simulator's line, the grid meter's power first, room to spare
        JsonObject bus = status.getAsJsonArray("buses").get(0).getAsJsonObject();
        assertEquals("sim", bus.get("id").getAsString(), bus.toString());
        JsonObject first = bus.getAsJsonArray("tasks").get(0).getAsJsonObject();
        assertEquals("grid", first.get("meter").getAsString(), bus.toString());
        assertTrue(first.get("priority").getAsBoolean(), bus.toString());
        assertFalse(bus.get("oversubscribed").getAsBoolean(), "six meters on a fast line: " + bus);
        assertEquals(4, status.getAsJsonArray("relays").size(), "one relay per socket");
        assertTrue(status.get("loop").isJsonNull(), "no balancing loop while commissioning by hand");
        for (JsonElement r : status.getAsJsonArray("relays"))
            assertFalse(r.getAsJsonObject().get("outputOn").getAsBoolean(), "relays are off at start: " + r);
    }

    @Test
    @Order(2)
    void theConsoleNeedsTheInstallersPassword() throws Exception {
        module.awaitConsole(USER, PASSWORD, Duration.ofSeconds(30));
        assertEquals(401, module.get("/system/console/bundles", null, null).statusCode(), "no credentials");
        assertEquals(401, module.get("/system/console/bundles", "admin", "admin").statusCode(), "the well-known default");
        assertEquals(401, module.get("/system/console/bundles", USER, "wrong password!").statusCode(), "wrong password");
        var installer = module.get("/system/console/bundles", USER, PASSWORD);
        assertEquals(200, installer.statusCode(), "the installer, again: " + installer.body());
        var components = module.get("/system/console/components", USER, PASSWORD);
        for (int i = 0; i < 60 && components.statusCode() == 404; i++) { // its plugin bundle may still be starting
            Thread.sleep(500);
            components = module.get("/system/console/components", USER, PASSWORD);
        }
        assertEquals(200, components.statusCode(), "the Declarative Services page: which component waits for what");
        assertTrue(components.body().contains("org.microsmartgrid.grid.balancer.Balancer"), "it lists our components");
    }

    @Test
    @Order(3)
    void aRelaySwitchedByHandPowersTheChargerOnItsSocket() throws Exception {
        var refused = module.postForm("/system/console/relays", "relay=socket-1&action=on&minutes=5", null, null);
        assertEquals(401, refused.statusCode(), "switching needs authentication");
        assertFalse(relay(module.awaitStatus("status", Duration.ofSeconds(10), s -> true), "socket-1").get("outputOn").getAsBoolean());

        // right after start the relay's minimum off-time may still run: the console then answers 409 DEFERRED
        var accepted = module.postForm("/system/console/relays", "relay=socket-1&action=on&minutes=5", USER, PASSWORD);
        for (int i = 0; i < 40 && accepted.statusCode() == 409 && accepted.body().contains("DEFERRED"); i++) {
            Thread.sleep(250);
            accepted = module.postForm("/system/console/relays", "relay=socket-1&action=on&minutes=5", USER, PASSWORD);
        }
        assertEquals(200, accepted.statusCode(), accepted.body() + "\n" + module.logTail());
        assertTrue(accepted.body().contains("APPLIED"), accepted.body());

        JsonObject status = module.awaitStatus("socket 1 drawing power", Duration.ofSeconds(30),
                s -> relay(s, "socket-1").get("outputOn").getAsBoolean() && power(s, "socket-1") > 20);
        JsonObject relay = relay(status, "socket-1");
        assertEquals("installer:" + USER, relay.get("source").getAsString());
        assertFalse(relay.get("leaseUntil").isJsonNull(), "a manual ON is a lease");
        assertTrue(power(status, "socket-2") < 5, "the other sockets stay off: " + meter(status, "socket-2"));
    }

    @Test
    @Order(4)
    void aBadMeterConfigurationIsRefusedWithAClearErrorAndTheRestKeepsWorking() throws Exception {
        Files.writeString(module.confDir.resolve("org.microsmartgrid.meter.modbus.ModbusMeter-bad.config"),
                "meter.id=\"bad\"\nbus.id=\"sim\"\nunit.id=I\"300\"\nprofile=\"SDM999\"\nmeter.role=\"GRID\"\n",
                StandardCharsets.UTF_8);
        JsonObject status = module.awaitStatus("the bad meter refused", Duration.ofSeconds(30), s -> failures(s).contains("SDM999"));
        String failure = failures(status);
        assertTrue(failure.contains("unit.id"), "names the out-of-range unit id: " + failure);
        assertFalse(goodMeters(status).contains("bad"), "no half-working meter");
        assertTrue(goodMeters(status).containsAll(METERS), "the others keep reading");
        assertTrue(module.logText().contains("SDM999"), "the log names the bad value");
    }

    // --- reading /status ----------------------------------------------------------------------------------------

    private static Set<String> goodMeters(JsonObject status) {
        Set<String> good = new TreeSet<>();
        for (JsonElement m : status.getAsJsonArray("meters")) {
            JsonObject o = m.getAsJsonObject();
            if ("GOOD".equals(o.get("quality").getAsString())) good.add(o.get("id").getAsString());
        }
        return good;
    }

    private static String failures(JsonObject status) {
        StringBuilder sb = new StringBuilder();
        for (JsonElement c : status.getAsJsonObject("health").getAsJsonObject("components").getAsJsonArray("notActive")) {
            JsonObject o = c.getAsJsonObject();
            if (o.has("failure") && !o.get("failure").isJsonNull()) sb.append(o.get("failure").getAsString()).append('\n');
        }
        return sb.toString();
    }

    static JsonObject meter(JsonObject status, String id) {
        for (JsonElement m : status.getAsJsonArray("meters"))
            if (id.equals(m.getAsJsonObject().get("id").getAsString())) return m.getAsJsonObject();
        throw new AssertionError("no meter " + id + " in " + status);
    }

    static JsonObject relay(JsonObject status, String id) {
        for (JsonElement r : status.getAsJsonArray("relays"))
            if (id.equals(r.getAsJsonObject().get("id").getAsString())) return r.getAsJsonObject();
        throw new AssertionError("no relay " + id + " in " + status);
    }

    static double value(JsonObject meter, String channel) {
        return meter.getAsJsonObject("values").getAsJsonObject(channel).get("value").getAsDouble();
    }

    static double power(JsonObject status, String meterId) {
        JsonObject m = meter(status, meterId);
        return "GOOD".equals(m.get("quality").getAsString()) && m.getAsJsonObject("values").has("ACTIVE_POWER")
                ? value(m, "ACTIVE_POWER") : Double.NaN;
    }
}
