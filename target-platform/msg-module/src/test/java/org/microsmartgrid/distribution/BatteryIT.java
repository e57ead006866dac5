package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.distribution.CommissioningIT.meter;
import static org.microsmartgrid.distribution.CommissioningIT.power;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The home battery in the real runtime: the simulated building gets a 10 kWh SunSpec battery on unit 3, read by a
 * BATTERY meter and steered by a ModbusBattery on the same bus. At a sunny noon with nothing plugged in the loop
 * charges it from the surplus; with the sun gone and an e-bike on a NOW socket it discharges just the e-bike's draw
 * (not the whole building, as the battery's own automatic mode would) and the site never exports. No band counts
 * as cheap here, so the test does not depend on the hour it runs at.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatteryIT {

    private static final String SIM = "org.microsmartgrid.simulator.SimulatedBuilding.config";
    private static ModuleProcess module;
    private static String simulatorConfig;
    private static Path conf;

    @BeforeAll
    static void boot() throws Exception {
        int modbusPort = ModuleProcess.freePort();
        conf = ModuleProcess.copyConf(Path.of(System.getProperty("msg.demo.conf")),
                "I\"5020\"", "I\"" + modbusPort + "\"",
                "min.on.s=I\"60\"", "min.on.s=I\"1\"",
                "min.off.s=I\"60\"", "min.off.s=I\"1\"",
                "cheap.bands=[\"F3\"]", "cheap.bands=[\"\"]");
        simulatorConfig = Files.readString(conf.resolve(SIM), StandardCharsets.UTF_8)
                .replace("cloudiness=D\"0.3\"", "cloudiness=D\"0.0\"")
                .replace("building.peak.w=D\"2500.0\"", "building.peak.w=D\"0.0\"")
                .replace("sockets=[\"1=EBIKE:30\",\"2=SCOOTER:50\",\"3=WHEELCHAIR:20\",\"4=CAR:60\"]",
                        "sockets=[\"1=\",\"2=\",\"3=\",\"4=\"]")
                + "start.time=\"2026-06-10T12:00\"\n"
                + "battery.capacity.wh=D\"10000.0\"\nbattery.soc=D\"60.0\"\nbattery.unit.id=I\"3\"\n";
        Files.writeString(conf.resolve(SIM), simulatorConfig, StandardCharsets.UTF_8);
        Files.writeString(conf.resolve("org.microsmartgrid.meter.modbus.ModbusMeter-battery.config"),
                "meter.id=\"battery\"\nbus.id=\"sim\"\nbus.target=\"(bus.id=sim)\"\nunit.id=I\"3\"\nprofile=\"SUNSPEC\"\n"
                        + "meter.role=\"BATTERY\"\npoll.fast.ms=I\"1000\"\npoll.slow.ms=I\"2000\"\nstale.after.ms=I\"3000\"\n",
                StandardCharsets.UTF_8);
        Files.writeString(conf.resolve("org.microsmartgrid.meter.modbus.ModbusBattery-battery.config"),
                "battery.id=\"battery\"\nbus.id=\"sim\"\nbus.target=\"(bus.id=sim)\"\nunit.id=I\"3\"\n"
                        + "max.charge.w=I\"2500\"\nmax.discharge.w=I\"2500\"\n", StandardCharsets.UTF_8);
        ModuleProcess.addInstaller(conf);
        module = ModuleProcess.start("battery", conf, ModuleProcess.freePort());
        // every meter and relay configured before the first test: a quick first test left the second racing the
        // configuration files ("no meter socket-1")
        module.awaitConfigured(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() throws Exception {
        if (module != null) module.close();
    }

    @Test
    @Order(1)
    void aSunnyNoonWithoutSessionsChargesTheBatteryFromTheSurplus() throws Exception {
        JsonObject status = module.awaitStatus("battery charging", Duration.ofSeconds(90),
                s -> setpoint(s) < -200 && power(s, "battery") < -200);
        assertTrue(soc(status) > 0, "the battery meter reads the state of charge: " + meter(status, "battery"));
        assertTrue(power(status, "grid") < 300, "the surplus goes into the battery, not the grid: " + power(status, "grid"));
    }

    @Test
    @Order(2)
    void withoutSunAnEbikeOnANowSocketIsCoveredByTheBatteryWithoutExporting() throws Exception {
        module.replaceConfig(SIM, simulatorConfig.replace("pv.peak.w=D\"3000.0\"", "pv.peak.w=D\"0.0\"")
                .replace("sockets=[\"1=\",", "sockets=[\"1=EBIKE:30\","));
        // right after the relay closes the loop counts the socket at its expected draw (its meter does not show the
        // draw yet), so the battery may briefly give more: wait for the steady state, where it gives the session's draw
        // Sessions, not only the e-bike's: early in the morning (Italian time) socket 4's car must charge now to meet
        // its 07:30 deadline, and the battery covers it too; what it must never cover is the building's own load.
        JsonObject status = module.awaitStatus("battery covering the e-bike", Duration.ofSeconds(90),
                s -> power(s, "socket-1") > 50 && setpoint(s) > 50
                        && Math.abs(power(s, "battery") - setpoint(s)) < 100
                        && power(s, "battery") < sockets(s) + 100);
        assertTrue(power(status, "battery") < sockets(status) + 100,
                "the battery gives the sessions' draw, not the building's: battery " + power(status, "battery")
                        + " W, sockets " + sockets(status) + " W");
        for (int i = 0; i < 10; i++) {
            JsonObject s = module.awaitStatus("a reading", Duration.ofSeconds(10), x -> !Double.isNaN(power(x, "grid")));
            assertTrue(power(s, "grid") > -50, "never exporting: grid " + power(s, "grid") + ", battery " + power(s, "battery"));
            Thread.sleep(500);
        }
        assertTrue(module.logText().contains("battery 'battery'"), "the battery control is running");
    }

    @Test
    @Order(3)
    void inTheExpensiveHoursOfAPriceFileItSellsWithinTheExportLimitAndInTheCheapOnesItBuysWithinTheImportLimit()
            throws Exception {
        // every hour from two days ago to two days ahead at one price: whatever the wall clock says, the hour now is
        // in the file (the test does not depend on the Italian time)
        Path expensive = priceFile("pun-expensive.csv", 250.0);
        Path cheap = priceFile("pun-cheap.csv", 20.0);
        String balancer = Files.readString(conf.resolve(BALANCER), StandardCharsets.UTF_8);
        module.replaceConfig("org.microsmartgrid.meter.modbus.ModbusBattery-battery.config",
                "battery.id=\"battery\"\nbus.id=\"sim\"\nbus.target=\"(bus.id=sim)\"\nunit.id=I\"3\"\n"
                        + "max.charge.w=I\"2500\"\nmax.discharge.w=I\"2500\"\nexport.allowed=B\"true\"\n");
        module.replaceConfig(PRICES, "price.file=\"" + expensive.toAbsolutePath() + "\"\npoll.minutes=I\"60\"\n");
        module.replaceConfig(BALANCER, balancer + "\nexport.limit.w=I\"" + EXPORT_LIMIT_W + "\"\nbattery.trading=B\"true\"\n"
                + "battery.reserve.soc.percent=I\"30\"\nbattery.sell.above.eur.mwh=D\"150.0\"\n"
                + "battery.buy.below.eur.mwh=D\"50.0\"\n");

        JsonObject selling = module.awaitStatus("the battery selling at 250 €/MWh", Duration.ofSeconds(90),
                s -> "SELL".equals(loop(s, "trade")) && "PUN".equals(loop(s, "priceSource"))
                        && power(s, "grid") < -200 && power(s, "battery") > 200);
        assertEquals(250.0, selling.getAsJsonObject("loop").get("priceEurMWh").getAsDouble(), 1e-9);
        for (int i = 0; i < 10; i++) {
            JsonObject s = module.awaitStatus("a reading", Duration.ofSeconds(10), x -> !Double.isNaN(power(x, "grid")));
            // the meters' noise and the inverter's lag when the e-bike's draw changes: 150 W
            assertTrue(power(s, "grid") > -EXPORT_LIMIT_W - 150, "never above the export limit: grid " + power(s, "grid")
                    + " W, battery " + power(s, "battery") + " W");
            Thread.sleep(500);
        }
        JsonObject paid = module.awaitStatus("the hour's money", Duration.ofSeconds(30), s -> {
            JsonObject h = lastHour(s);
            return h != null && h.get("exportedWh").getAsDouble() > 0 && !h.get("valueEur").isJsonNull();
        });
        JsonObject hour = lastHour(paid);
        assertEquals(hour.get("dischargedWh").getAsDouble() - hour.get("chargedWh").getAsDouble(),
                hour.get("valueEur").getAsDouble() * 1_000_000 / 250.0, 1e-6, "value = (discharged − charged) × price");
        double before = hour.get("valueEur").getAsDouble();
        module.awaitStatus("the money growing while it sells", Duration.ofSeconds(30),
                s -> lastHour(s) != null && !lastHour(s).get("valueEur").isJsonNull()
                        && lastHour(s).get("valueEur").getAsDouble() > before);

        module.replaceConfig(PRICES, "price.file=\"" + cheap.toAbsolutePath() + "\"\npoll.minutes=I\"60\"\n");
        JsonObject buying = module.awaitStatus("the battery buying at 20 €/MWh", Duration.ofSeconds(60),
                s -> "BUY".equals(loop(s, "trade")) && power(s, "battery") < -1000);
        double limit = buying.getAsJsonObject("loop").get("limitW").getAsDouble();
        for (int i = 0; i < 6; i++) {
            JsonObject s = module.awaitStatus("a reading", Duration.ofSeconds(10), x -> !Double.isNaN(power(x, "grid")));
            assertTrue(power(s, "grid") <= limit + 150, "never above the import limit: grid " + power(s, "grid"));
            Thread.sleep(500);
        }
        // a price file that turns into nonsense changes nothing: the prices stay, the status says why
        Files.writeString(cheap, "2026-12-07T18:00+01:00,-40\n", StandardCharsets.UTF_8);
        module.replaceConfig(PRICES, "price.file=\"" + cheap.toAbsolutePath() + "\"\npoll.minutes=I\"30\"\n");
        JsonObject refused = module.awaitStatus("the refused price file", Duration.ofSeconds(30),
                s -> loop(s, "priceProblem") != null);
        assertTrue(loop(refused, "priceProblem").contains("negative price"), loop(refused, "priceProblem"));
        assertEquals("BUY", loop(refused, "trade"), "the prices loaded before stay");
    }

    // ----------------------------------------------------------------------------------------------------------

    private static final String BALANCER = "org.microsmartgrid.grid.balancer.Balancer.config";
    private static final String PRICES = "org.microsmartgrid.grid.balancer.Prices.config";
    private static final int EXPORT_LIMIT_W = 500;

    /** Every whole hour from two days ago to two days ahead at {@code eurMWh}. */
    private static Path priceFile(String name, double eurMWh) throws java.io.IOException {
        Path dir = Files.createDirectories(Path.of("target", "battery-it"));
        StringBuilder b = new StringBuilder("hour,eur_mwh\n");
        java.time.Instant first = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .minus(Duration.ofDays(2));
        for (int h = 0; h < 96; h++) b.append(first.plus(Duration.ofHours(h)).atOffset(java.time.ZoneOffset.UTC))
                .append(',').append(eurMWh).append('\n');
        Path file = dir.resolve(name);
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static String loop(JsonObject status, String field) {
        JsonElement loop = status.get("loop");
        if (loop == null || !loop.isJsonObject()) return null;
        JsonElement v = loop.getAsJsonObject().get(field);
        return v == null || v.isJsonNull() ? null : v.getAsString();
    }

    private static JsonObject lastHour(JsonObject status) {
        JsonElement loop = status.get("loop");
        if (loop == null || !loop.isJsonObject() || !loop.getAsJsonObject().has("batteryHours")) return null;
        var hours = loop.getAsJsonObject().getAsJsonArray("batteryHours");
        return hours.isEmpty() ? null : hours.get(hours.size() - 1).getAsJsonObject();
    }


    /** What the four sockets draw together, as their meters read it. */
    private static double sockets(JsonObject status) {
        double sum = 0;
        for (int n = 1; n <= 4; n++) {
            double p = power(status, "socket-" + n);
            if (!Double.isNaN(p)) sum += Math.max(0, p);
        }
        return sum;
    }

    private static double setpoint(JsonObject status) {
        JsonElement loop = status.get("loop");
        if (loop == null || !loop.isJsonObject() || !loop.getAsJsonObject().has("batterySetpointW")) return Double.NaN;
        return loop.getAsJsonObject().get("batterySetpointW").getAsDouble();
    }

    private static double soc(JsonObject status) {
        JsonObject v = meter(status, "battery").getAsJsonObject("values");
        return v.has("STATE_OF_CHARGE") ? CommissioningIT.value(meter(status, "battery"), "STATE_OF_CHARGE") : -1;
    }
}
