package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, items 1–5, on the exported module: what an installer types into the files and the web console must
 * neither loop nor get lost, a value the balancer would refuse is refused before it is written, the module never
 * comes back from a restart worse than it ran, and a bad file is refused with one line that names it.
 */
class ConfigurationSafetyIT {
    private static final String BALANCER = "org.microsmartgrid.grid.balancer.Balancer";
    private static final String BALANCER_FILE = BALANCER + ".config";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String USER = "installer";
    private static final String PASSWORD = "Corretto-Cavallo-Batteria-7";
    /** The demo's balancer file, without the contract line: the tests set the contract power. */
    private static final String BALANCER_REST = String.join("\n", "margin.percent=D\"10.0\"", "reserve.w=I\"100\"",
            "cycle.ms=I\"250\"", "stale.grid.ms=I\"700\"", "rotation.period.s=I\"900\"", "hysteresis.w=I\"100\"",
            "min.on.s=I\"60\"", "min.off.s=I\"60\"", "cheap.bands=[\"F3\"]",
            "socket.priorities=[\"3=MOBILITY_AID\",\"1=PUBLIC\",\"2=PUBLIC\",\"4=PRIVATE\"]",
            "socket.modes=[\"1=NOW\",\"2=SOLAR_ONLY\",\"3=NOW\",\"4=SOLAR_AND_CHEAP,8000,07:30\"]",
            "socket.rating.w=[\"1=300\",\"2=150\",\"3=300\",\"4=2300\"]") + "\n";

    private Path conf;
    private Path data;

    @BeforeEach
    void setUp() throws Exception {
        conf = ModuleProcess.copyConf(Path.of(System.getProperty("msg.demo.conf")),
                "I\"5020\"", "I\"" + ModuleProcess.freePort() + "\"");
        ModuleProcess.addInstaller(conf, USER, PASSWORD);
        data = Files.createTempDirectory("msg-data-config-safety");
    }

    /** Item 1: Italian text, Latin-1 bytes and random bytes neither loop the write-back nor grow any file. */
    @Test
    void italianTextAndForeignBytesAreNeverRewrittenInALoop() throws Exception {
        try (ModuleProcess module = start("config-encoding")) {
            awaitContract(module, 3000);
            String italian = "contract.power.w=I\"4500\"\n" + BALANCER_REST
                    + "site.name=\"Biblioteca Sormani \u2014 cortile, perch\u00e8\"\n";
            module.replaceConfig(BALANCER_FILE, italian);
            byte[] latin1 = "site.name=\"Caff\u00e8 della piazza\"\n".getBytes(StandardCharsets.ISO_8859_1);
            Files.write(conf.resolve("org.microsmartgrid.test.Latin1.config"), latin1);
            byte[] random = new byte[3000];
            new Random(21).nextBytes(random);
            Files.write(conf.resolve("org.microsmartgrid.test.Random.config"), random);
            awaitContract(module, 4500);

            // a second change of the same file: FileInstall has read the first one and the write-back had its turn
            String italian2 = italian.replace("I\"4500\"", "I\"6000\"");
            module.replaceConfig(BALANCER_FILE, italian2);
            awaitContract(module, 6000);
            module.awaitStatus("the Latin-1 and random files refused", WAIT, s -> problems(s).contains("Latin1.config")
                    && problems(s).contains("Random.config"));

            assertEquals(italian2, Files.readString(conf.resolve(BALANCER_FILE), StandardCharsets.UTF_8),
                    "a hand-edited file with Italian text is left as it was written");
            assertFalse(module.logText().contains(BALANCER + " written back"), module.logTail());
            assertArrayEquals(latin1, Files.readAllBytes(conf.resolve("org.microsmartgrid.test.Latin1.config")));
            assertArrayEquals(random, Files.readAllBytes(conf.resolve("org.microsmartgrid.test.Random.config")));
            assertEquals(1, errorLines(module, "org.microsmartgrid.test.Latin1.config"), module.logTail());
            assertTrue(module.logText().contains("not valid UTF-8"), module.logTail());
            try (var files = Files.list(conf)) {
                assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
            }
        }
    }

    /** Item 2: a change saved in the web console's own form lands in the file and survives a restart. */
    @Test
    void aConsoleEditIsWrittenToItsFileAndSurvivesARestart() throws Exception {
        try (ModuleProcess module = start("config-console")) {
            awaitContract(module, 3000);
            module.awaitConsole(USER, PASSWORD, WAIT);
            var saved = module.postForm("/system/console/configMgr/" + BALANCER, balancerForm("4500"), USER, PASSWORD);
            assertTrue(saved.statusCode() == 200 || saved.statusCode() == 302, saved.statusCode() + " " + saved.body());
            awaitContract(module, 4500);
            awaitFile("the console's change in the balancer's file", "I\"4500\"");
            String file = Files.readString(conf.resolve(BALANCER_FILE), StandardCharsets.UTF_8);
            assertTrue(file.startsWith("# A 3 kW domestic contract"), "the file's comments stay: " + file);
            assertTrue(module.logText().contains("configuration " + BALANCER + " written back"), module.logTail());
        }
        try (ModuleProcess module = start("config-console-restarted")) {
            awaitContract(module, 4500);
        }
    }

    /**
     * Item 3: a contract power the balancer refuses is refused by the web console before anything is stored; by
     * hand, it is undone and shown on /status; and the module restarts with the last good configuration even when
     * the file was broken while it was stopped.
     */
    @Test
    void aValueTheBalancerRefusesIsNeverWrittenAndNeverBricksARestart() throws Exception {
        String good = Files.readString(conf.resolve(BALANCER_FILE), StandardCharsets.UTF_8);
        try (ModuleProcess module = start("config-refused")) {
            awaitContract(module, 3000);
            module.awaitConsole(USER, PASSWORD, WAIT);
            var refused = module.postForm("/system/console/configMgr/" + BALANCER, balancerForm("123"), USER, PASSWORD);
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(module.logText().contains("contract.power.w = 123"), module.logTail());
            assertEquals(good, Files.readString(conf.resolve(BALANCER_FILE), StandardCharsets.UTF_8));
            assertEquals(limitFor(3000), limit(module.awaitStatus("a loop decision", WAIT, s -> limit(s) > 0)));

            // by hand: undone to the last good configuration, and flagged
            module.replaceConfig(BALANCER_FILE, "contract.power.w=I\"123\"\n" + BALANCER_REST);
            JsonObject flagged = module.awaitStatus("the refused change on /status", WAIT,
                    s -> problems(s).contains(BALANCER) && problems(s).contains("contract.power.w"));
            assertFalse(flagged.getAsJsonObject("health").get("ok").getAsBoolean());
            awaitContract(module, 3000);
            awaitFile("the last good contract back in the file", "I\"3000\"");
            assertFalse(Files.readString(conf.resolve(BALANCER_FILE), StandardCharsets.UTF_8).contains("I\"123\""));
        }
        // broken while the module was stopped
        Files.writeString(conf.resolve(BALANCER_FILE), "contract.power.w=I\"123\"\n" + BALANCER_REST);
        try (ModuleProcess module = start("config-refused-restarted")) {
            awaitContract(module, 3000);
            module.awaitStatus("the refused file on /status", WAIT, s -> problems(s).contains("contract.power.w"));
        }
    }

    /** Item 4: a 33 MB file is refused before it is parsed; the meters keep being read. */
    @Test
    void anOversizedFileIsRefusedBeforeItIsRead() throws Exception {
        try (ModuleProcess module = start("config-oversized")) {
            module.awaitStatus("the grid meter GOOD", WAIT, s -> meterQuality(s, "grid").equals("GOOD"));
            Path huge = conf.resolve("org.microsmartgrid.meter.modbus.ModbusMeter-huge.config");
            StringBuilder line = new StringBuilder("x=\"");
            line.append("a".repeat(1024 * 1024)).append("\"\n");
            try (var out = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
                for (int i = 0; i < 33; i++) out.write(line.toString().replace("x=", "x" + i + "="));
            }
            module.awaitStatus("the huge file refused", WAIT, s -> problems(s).contains("ModbusMeter-huge.config"));
            JsonObject after = module.awaitStatus("the meters still read", WAIT,
                    s -> meterQuality(s, "grid").equals("GOOD") && meterQuality(s, "pv").equals("GOOD"));
            assertTrue(after.getAsJsonObject("health").getAsJsonObject("components").getAsJsonArray("notActive")
                    .toString().indexOf("FAILED_ACTIVATION") < 0, after.toString());
            assertFalse(module.logText().contains("OutOfMemoryError"), module.logTail());
        }
    }

    /**
     * Item 5: a bad meter file is one ERROR line naming the property, and /status names the failing instance, not
     * only its factory.
     */
    @Test
    void aBadMeterFileIsOneErrorLineNamingThePropertyAndTheInstance() throws Exception {
        try (ModuleProcess module = start("config-bad-meter")) {
            module.awaitStatus("the grid meter GOOD", WAIT, s -> meterQuality(s, "grid").equals("GOOD"));
            String socket1 = Files.readString(conf.resolve("org.microsmartgrid.meter.modbus.ModbusMeter-socket-1.config"),
                    StandardCharsets.UTF_8);
            String meter9 = socket1.replace("\"socket-1\"", "\"socket-9\"").replaceAll("socket=I\"1\"", "socket=I\"9\"")
                    .replaceAll("unit.id=I\"\\d+\"", "unit.id=I\"300\"");
            Files.writeString(conf.resolve("org.microsmartgrid.meter.modbus.ModbusMeter-socket-9.config"), meter9);
            Files.writeString(conf.resolve("org.microsmartgrid.meter.modbus.ModbusMeter-socket-8.config"),
                    socket1.replace("\"socket-1\"", "\"socket-8\"").replaceAll("unit.id=I\"\\d+\"", "unit.id=I\"abc\""));
            JsonObject status = module.awaitStatus("the failing instance named", WAIT, s -> s.getAsJsonObject("health")
                    .getAsJsonObject("components").getAsJsonArray("notActive").toString().contains("socket-9")
                    && problems(s).contains("socket-8"));
            JsonObject entry = null;
            for (JsonElement e : status.getAsJsonObject("health").getAsJsonObject("components").getAsJsonArray("notActive")) {
                if (e.getAsJsonObject().has("pid") && e.getAsJsonObject().get("pid").getAsString().contains("socket-9"))
                    entry = e.getAsJsonObject();
            }
            assertTrue(entry != null, status.toString());
            assertEquals("org.microsmartgrid.meter.modbus.ModbusMeter-socket-9.config", entry.get("file").getAsString());
            assertTrue(entry.get("failure").getAsString().contains("unit.id"), entry.toString());
            assertTrue(problems(status).contains("unit.id"), "the I\"abc\" file names its property: " + status);
            assertEquals(1, errorLines(module, "socket-9"), module.logTail());
            assertEquals(1, errorLines(module, "socket-8"), module.logTail());
        }
    }

    private ModuleProcess start(String name) throws Exception {
        return ModuleProcess.start(name, conf, ModuleProcess.freePort(), data);
    }

    private void awaitFile(String what, String text) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            last = Files.readString(conf.resolve(BALANCER_FILE), StandardCharsets.UTF_8);
            if (last.contains(text)) return;
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + "; the file: " + last);
    }

    /** Waits until the loop runs with this contract power: its limit is the contract + 10 % − the 100 W reserve. */
    private static void awaitContract(ModuleProcess module, int contractW) throws Exception {
        module.awaitStatus("the balancer running with a " + contractW + " W contract", WAIT,
                s -> limit(s) == limitFor(contractW));
    }

    private static long limitFor(int contractW) {
        return Math.round(contractW * 1.1) - 100;
    }

    private static long limit(JsonObject status) {
        JsonElement loop = status.get("loop");
        if (loop == null || !loop.isJsonObject() || !loop.getAsJsonObject().has("limitW")) return -1;
        return Math.round(loop.getAsJsonObject().get("limitW").getAsDouble());
    }

    private static String problems(JsonObject status) {
        return String.valueOf(status.getAsJsonObject("health").get("problems"));
    }

    private static String meterQuality(JsonObject status, String id) {
        for (JsonElement m : status.getAsJsonArray("meters")) {
            JsonObject o = m.getAsJsonObject();
            if (id.equals(o.get("id").getAsString())) return o.get("quality").getAsString();
        }
        return "";
    }

    private static long errorLines(ModuleProcess module, String about) throws Exception {
        return module.logText().lines().filter(l -> l.contains("ERROR") && l.contains(about)).count();
    }

    /** The balancer's form as the web console sends it: every field, the multi-valued ones repeated. */
    private static String balancerForm(String contractPowerW) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("contract.power.w", List.of(contractPowerW));
        fields.put("margin.percent", List.of("10.0"));
        fields.put("reserve.w", List.of("100"));
        fields.put("cycle.ms", List.of("250"));
        fields.put("stale.grid.ms", List.of("700"));
        fields.put("rotation.period.s", List.of("900"));
        fields.put("hysteresis.w", List.of("100"));
        fields.put("min.on.s", List.of("60"));
        fields.put("min.off.s", List.of("60"));
        fields.put("cheap.bands", List.of("F3"));
        fields.put("socket.priorities", List.of("3=MOBILITY_AID", "1=PUBLIC", "2=PUBLIC", "4=PRIVATE"));
        fields.put("socket.modes", List.of("1=NOW", "2=SOLAR_ONLY", "3=NOW", "4=SOLAR_AND_CHEAP,8000,07:30"));
        fields.put("socket.rating.w", List.of("1=300", "2=150", "3=300", "4=2300"));
        List<String> parts = new ArrayList<>(List.of("apply=true", "action=ajaxConfigManager",
                "propertylist=" + enc(String.join(",", fields.keySet()))));
        fields.forEach((k, values) -> values.forEach(v -> parts.add(enc(k) + "=" + enc(v))));
        return String.join("&", parts);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
