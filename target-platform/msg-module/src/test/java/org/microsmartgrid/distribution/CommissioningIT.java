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
import com.google.gson.JsonParser;

/**
 * An installer commissions a module: the exported distribution boots in a real Felix with the sample configuration,
 * balancer included, every bundle and configured component comes up, the meters read the simulated building over
 * Modbus TCP, the console needs the installer's password, and a relay switched by hand — a manual hold the running
 * balancer honours instead of switching it off again in its next cycle (issue 21, item 10) — makes the simulated
 * charger on that socket draw power, which the socket's meter then shows; released, the balancer decides again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommissioningIT {

    private static final String USER = "installer";
    private static final String PASSWORD = "correct horse battery staple";
    private static final Set<String> METERS = Set.of("grid", "pv", "socket-1", "socket-2", "socket-3", "socket-4");

    private static final String BALANCER = "org.microsmartgrid.grid.balancer.Balancer.config";

    private static ModuleProcess module;

    @BeforeAll
    static void boot() throws Exception {
        int modbusPort = ModuleProcess.freePort();
        Path conf = ModuleProcess.copyConf(Path.of(System.getProperty("msg.demo.conf")), "I\"5020\"", "I\"" + modbusPort + "\"",
                // relays and balancer may switch 2 s after start or after the last switch
                "min.off.ms=L\"30000\"", "min.off.ms=L\"2000\"", "min.on.ms=L\"30000\"", "min.on.ms=L\"2000\"",
                "min.on.s=I\"60\"", "min.on.s=I\"2\"", "min.off.s=I\"60\"", "min.off.s=I\"2\"",
                // while commissioning no socket has a session: whatever is on, the installer's hold switched it
                "socket.modes=[\"1=NOW\",\"2=SOLAR_ONLY\",\"3=NOW\",\"4=SOLAR_AND_CHEAP,8000,07:30\"]",
                "socket.modes=[\"1=NONE\",\"2=NONE\",\"3=NONE\",\"4=NONE\"]");
        assertTrue(Files.readString(conf.resolve(BALANCER), StandardCharsets.UTF_8).contains("\"1=NONE\""),
                "the demo balancer's socket modes changed: update this test");
        ModuleProcess.addInstaller(conf, USER, PASSWORD);
        ModuleProcess.quietHour(conf); // at the evening peak the balancer shed the installer's hand-held socket
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
                        // configurations arrive one by one (FileInstall starts last): the balancer's too
                        && s.getAsJsonObject("commissioning").getAsJsonArray("missing").isEmpty()
                        && !s.get("loop").isJsonNull());

        JsonObject health = status.getAsJsonObject("health");
        assertEquals(0, health.getAsJsonObject("bundles").getAsJsonArray("notActive").size(), "bundles not active: " + health);
        for (JsonElement c : health.getAsJsonObject("components").getAsJsonArray("notActive")) {
            String state = c.getAsJsonObject().get("state").getAsString();
            assertFalse(state.equals("FAILED_ACTIVATION") || state.equals("UNSATISFIED_REFERENCE"), "component not satisfied: " + c);
        }
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
        for (JsonElement r : status.getAsJsonArray("relays"))
            assertFalse(r.getAsJsonObject().get("outputOn").getAsBoolean(), "relays are off at start: " + r);
        // the balancer runs from the start (its first cycles may come before every relay is registered: a socket
        // without its relay is a RELAY_FAULT): no session anywhere, so it keeps every socket off
        JsonObject settled = module.awaitStatus("the balancer deciding for the four relays", Duration.ofSeconds(30),
                s -> s.getAsJsonObject("loop").getAsJsonArray("sockets").size() == 4
                        && !s.getAsJsonObject("loop").toString().contains("RELAY_FAULT"));
        for (JsonElement a : settled.getAsJsonObject("loop").getAsJsonArray("sockets")) {
            assertEquals("NO_SESSION", a.getAsJsonObject().get("reason").getAsString(), a.toString());
            assertFalse(a.getAsJsonObject().get("on").getAsBoolean(), a.toString());
        }
        assertEquals(0, settled.getAsJsonArray("holds").size());
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
    void aRelaySwitchedByHandPowersTheChargerOnItsSocketAndTheBalancerKeepsItOn() throws Exception {
        var refused = module.postForm("/system/console/relays", "relay=socket-1&action=on&minutes=5", null, null);
        assertEquals(401, refused.statusCode(), "switching needs authentication");
        assertFalse(relay(module.awaitStatus("status", Duration.ofSeconds(10), s -> true), "socket-1").get("outputOn").getAsBoolean());

        // with the balancer running, ON is a manual hold: 200 once in force, 202 while the balancer waits (the
        // minimum off-time right after start); no retrying, the balancer switches as soon as it may
        var accepted = module.postForm("/system/console/relays", "relay=socket-1&action=on&minutes=5", USER, PASSWORD);
        assertTrue(accepted.statusCode() == 200 || accepted.statusCode() == 202, accepted.body() + "\n" + module.logTail());
        JsonObject answer = JsonParser.parseString(accepted.body()).getAsJsonObject();
        assertEquals("installer:" + USER, answer.getAsJsonObject("hold").get("actor").getAsString(), accepted.body());
        assertTrue(answer.getAsJsonObject("hold").get("on").getAsBoolean());

        JsonObject status = module.awaitStatus("socket 1 drawing power, held ON", Duration.ofSeconds(30),
                s -> relay(s, "socket-1").get("outputOn").getAsBoolean() && power(s, "socket-1") > 20
                        && "MANUAL_HOLD_ON".equals(allocation(s, 1).get("reason").getAsString()));
        JsonObject relay = relay(status, "socket-1");
        assertEquals("installer:" + USER, relay.get("source").getAsString(), "the balancer switched it in the installer's name");
        assertFalse(relay.get("leaseUntil").isJsonNull(), "a held ON is a lease, renewed by the balancer");
        JsonObject hold = status.getAsJsonArray("holds").get(0).getAsJsonObject();
        assertEquals(1, hold.get("socket").getAsInt());
        assertEquals("installer:" + USER, hold.get("actor").getAsString());
        assertFalse(hold.get("until").isJsonNull(), "a hold ends by itself");
        assertTrue(power(status, "socket-2") < 5, "the other sockets stay off: " + meter(status, "socket-2"));

        // the two writers no longer fight: cycles later the balancer still wants socket 1 on (before, its OFF of
        // every cycle left the relay wanted OFF and switching off at the end of its minimum on-time)
        long cycle = status.getAsJsonObject("loop").get("cycle").getAsLong();
        JsonObject later = module.awaitStatus("20 more balancer cycles", Duration.ofSeconds(30),
                s -> s.getAsJsonObject("loop").get("cycle").getAsLong() >= cycle + 20);
        assertTrue(relay(later, "socket-1").get("wantedOn").getAsBoolean(), relay(later, "socket-1").toString());
        assertTrue(relay(later, "socket-1").get("outputOn").getAsBoolean());
        assertEquals("MANUAL_HOLD_ON", allocation(later, 1).get("reason").getAsString());
    }

    @Test
    @Order(4)
    void releasedTheBalancerDecidesAgainAndSwitchesTheSocketOff() throws Exception {
        var released = module.postForm("/system/console/relays", "relay=socket-1&action=release", USER, PASSWORD);
        assertEquals(200, released.statusCode(), released.body());
        assertTrue(JsonParser.parseString(released.body()).getAsJsonObject().get("released").getAsBoolean());

        JsonObject status = module.awaitStatus("socket 1 off again", Duration.ofSeconds(30),
                s -> !relay(s, "socket-1").get("outputOn").getAsBoolean());
        assertEquals("NO_SESSION", allocation(status, 1).get("reason").getAsString(), "no session: the balancer keeps it off");
        assertEquals(0, status.getAsJsonArray("holds").size());
        assertTrue(module.logText().contains("socket 1: hold ON by installer:" + USER + " released"), module.logTail());
    }

    @Test
    @Order(5)
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

    /** The balancer's last decision for a socket. */
    static JsonObject allocation(JsonObject status, int socket) {
        for (JsonElement a : status.getAsJsonObject("loop").getAsJsonArray("sockets"))
            if (a.getAsJsonObject().get("socket").getAsInt() == socket) return a.getAsJsonObject();
        throw new AssertionError("no socket " + socket + " in the loop's decision: " + status.get("loop"));
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
