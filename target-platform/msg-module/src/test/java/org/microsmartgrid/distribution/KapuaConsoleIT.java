package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.microsmartgrid.cloud.kapua.testing.EmbeddedBroker;
import org.microsmartgrid.cloud.kapua.testing.KapuaPeer;

/**
 * A technician in Kapua's console, request by request, against the exported module over a real broker: the bodies
 * are built as Kapua's console builds them ({@link KapuaConsoleForms}, DeviceAssetsPanel.getUpdatedAsset).
 */
class KapuaConsoleIT {

    private static final String DEVICE = "msg-it-console";
    private static final String CONSOLE = "kapua-console";
    private static final String COAP = "org.microsmartgrid.coap.CoapBuildingService";
    private static final String SIM = "org.microsmartgrid.simulator.SimulatedBuilding";
    private static final String HANDLER = "org.microsmartgrid.cloud.management.conf.ConfigurationHandler";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final AtomicInteger ids = new AtomicInteger();
    private EmbeddedBroker broker;
    private KapuaPeer kapua;
    private Path conf;
    private String pskEntry;

    @BeforeEach
    void setUp() throws Exception {
        broker = new EmbeddedBroker();
        broker.start();
        kapua = new KapuaPeer(broker.url(), CONSOLE).connect("$EDC/#", "milano/#", "bench/#");
        conf = ModuleProcess.copyConf(Path.of(System.getProperty("msg.demo.conf")),
                "I\"5020\"", "I\"" + ModuleProcess.freePort() + "\"");
        ModuleProcess.addInstaller(conf);
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        pskEntry = "bms-1:" + HexFormat.of().formatHex(key) + ":rw";
        Files.writeString(conf.resolve(COAP + ".config"), "psk.identities=[\"" + pskEntry + "\"]\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        ModuleProcess.linkToBroker(conf, broker, DEVICE, "telemetry.interval.s=I\"60\"");
        write(HANDLER + ".config", "snapshots.max=I\"5\"");
    }

    @AfterEach
    void tearDown() throws Exception {
        kapua.close();
        broker.close();
    }

    @Test
    void applyWithoutChangesWorksOnEveryComponentAndKeepsTheCoapKeys() throws Exception {
        try (ModuleProcess module = ModuleProcess.start("kapua-console-apply", conf, ModuleProcess.freePort())) {
            awaitBirth();
            awaitStarted(module);
            Map<String, String> filesBefore = files();
            KuraMessage all = request("CONF-V1", "GET", "configurations", "");
            assertEquals(200, all.metrics().get("response.code"));
            List<KapuaConsoleForms.Form> forms = KapuaConsoleForms.read(all.body());
            assertTrue(forms.size() >= 15, "every component has a form: " + forms.size());
            assertTrue(forms.stream().anyMatch(f -> f.pid().equals(COAP)));
            List<String> failures = new ArrayList<>();
            for (KapuaConsoleForms.Form form : forms) {
                KuraMessage r = request("CONF-V1", "PUT", "configurations/" + form.pid(), KapuaConsoleForms.apply(form, Map.of()));
                if (!Integer.valueOf(200).equals(r.metrics().get("response.code")))
                    failures.add(form.pid() + ": " + r.metrics().get("response.exception.message"));
            }
            assertEquals(List.of(), failures, "Apply on an unchanged form is accepted on every component");
            // nothing was changed: every file as the installer wrote it, the CoAP key still there. A real change
            // after them, through the same path, lands in its file only once the write-back has handled every Apply
            // before it (Configuration Admin hands it the changes one at a time, in order): a rewrite by an Apply
            // would be on disk by then
            KapuaConsoleForms.Form handler = KapuaConsoleForms.read(
                    request("CONF-V1", "GET", "configurations/" + HANDLER, "").body()).get(0);
            KuraMessage marker = request("CONF-V1", "PUT", "configurations/" + HANDLER,
                    KapuaConsoleForms.apply(handler, Map.of("snapshots.max", "6")));
            assertEquals(200, marker.metrics().get("response.code"), String.valueOf(marker.metrics()));
            awaitFile(HANDLER + ".config", "I\"6\"");
            Map<String, String> filesAfter = files();
            filesBefore.remove(HANDLER + ".config");
            filesAfter.remove(HANDLER + ".config");
            assertEquals(filesBefore, filesAfter);
            assertTrue(Files.readString(conf.resolve(COAP + ".config")).contains(pskEntry));

            // the form as the first release showed it: Kapua decoded the raw mask to "", one "" per slot
            String oldMask = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><esf:configurations "
                    + "xmlns:esf=\"http://eurotech.com/esf/2.0\"><esf:configuration pid=\"" + COAP + "\"><esf:properties>"
                    + "<esf:property array=\"true\" encrypted=\"true\" name=\"psk.identities\" type=\"Password\">"
                    + "<esf:value></esf:value><esf:value></esf:value><esf:value></esf:value></esf:property>"
                    + "<esf:property array=\"false\" encrypted=\"false\" name=\"deadband.w\" type=\"Double\"><esf:value>75.0</esf:value></esf:property>"
                    + "</esf:properties></esf:configuration></esf:configurations>";
            KuraMessage changed = request("CONF-V1", "PUT", "configurations/" + COAP, oldMask);
            assertEquals(200, changed.metrics().get("response.code"), String.valueOf(changed.metrics()));
            awaitFile(COAP + ".config", "D\"75.0\"");
            String coap = Files.readString(conf.resolve(COAP + ".config"));
            assertTrue(coap.contains(pskEntry), "the key survives an Apply: " + coap);
        }
    }

    @Test
    void anEmptyOptionalFieldAndFactoryInstancesAsKapuaShowsThem() throws Exception {
        try (ModuleProcess module = ModuleProcess.start("kapua-console-empty", conf, ModuleProcess.freePort())) {
            awaitBirth();
            awaitStarted(module);
            KapuaConsoleForms.Form sim = KapuaConsoleForms.read(request("CONF-V1", "GET", "configurations/" + SIM, "").body()).get(0);
            // the technician changes one value and leaves a number field empty: Kapua sends that one without a type
            Map<String, String> typed = new java.util.HashMap<>();
            typed.put("cloudiness", "0.55");
            typed.put("battery.capacity.wh", null); // an emptied number field
            String body = KapuaConsoleForms.apply(sim, typed);
            assertTrue(body.contains("<esf:property array=\"false\" encrypted=\"false\" name=\"battery.capacity.wh\"/>"), body);
            KuraMessage r = request("CONF-V1", "PUT", "configurations/" + SIM, body);
            assertEquals(200, r.metrics().get("response.code"), String.valueOf(r.metrics()));
            awaitFile(SIM + ".config", "D\"0.55\"");

            String all = new String(request("CONF-V1", "GET", "configurations", "").body(), StandardCharsets.UTF_8);
            // Kapua names an instance after the last part of its pid when service.factoryPid is there
            List<String> meters = new ArrayList<>();
            for (KapuaConsoleForms.Form f : KapuaConsoleForms.read(all.getBytes(StandardCharsets.UTF_8)))
                if (f.pid().startsWith("org.microsmartgrid.meter.modbus.ModbusMeter")) meters.add(f.pid().substring(f.pid().lastIndexOf('.') + 1));
            assertEquals(6, meters.size(), meters.toString());
            assertEquals(6, meters.stream().distinct().count(), "six meters, six names in Kapua: " + meters);
            assertTrue(all.contains("name=\"service.factoryPid\""), "what makes Kapua use the instance's own name");

            KuraMessage unknown = request("CONF-V1", "GET", "configurations/no.such.Component", "");
            assertEquals(200, unknown.metrics().get("response.code"), "Kura answers an unknown pid with an empty list");
        }
    }

    @Test
    void kapuasFullAssetApplyDisablesASocket() throws Exception {
        try (ModuleProcess module = ModuleProcess.start("kapua-console-asset", conf, ModuleProcess.freePort())) {
            awaitBirth();
            awaitStarted(module);
            JsonArray shown = JsonParser.parseString(new String(request("ASSET-V1", "EXEC", "read",
                    "[{\"name\":\"socket.2\"}]").body(), StandardCharsets.UTF_8)).getAsJsonArray();
            Map<String, String> modes = new TreeMap<>();
            for (JsonElement a : JsonParser.parseString(new String(request("ASSET-V1", "GET", "assets",
                    "[{\"name\":\"socket.2\"}]").body(), StandardCharsets.UTF_8)).getAsJsonArray().get(0).getAsJsonObject().getAsJsonArray("channels"))
                modes.put(a.getAsJsonObject().get("name").getAsString(), a.getAsJsonObject().get("mode").getAsString());
            JsonArray channels = new JsonArray();
            for (JsonElement e : shown.get(0).getAsJsonObject().getAsJsonArray("channels")) {
                JsonObject c = e.getAsJsonObject();
                if (c.has("error")) continue; // shown as a label: getUpdatedChannel gives nothing for it
                JsonObject sent = new JsonObject();
                sent.addProperty("name", c.get("name").getAsString());
                sent.addProperty("type", c.get("type").getAsString());
                sent.addProperty("mode", modes.get(c.get("name").getAsString()));
                sent.addProperty("timestamp", c.get("timestamp").getAsLong());
                String value = c.get("value").getAsString();
                if (c.get("type").getAsString().equals("DOUBLE")) value = String.valueOf(Double.parseDouble(value));
                if (value.isEmpty()) continue; // an empty text field gives null: not sent
                sent.addProperty("value", c.get("name").getAsString().equals("enabled") ? "false" : value);
                channels.add(sent);
            }
            JsonObject asset = new JsonObject();
            asset.addProperty("name", "socket.2");
            asset.add("channels", channels);
            JsonArray body = new JsonArray();
            body.add(asset);
            KuraMessage r = request("ASSET-V1", "EXEC", "write", body.toString());
            assertEquals(200, r.metrics().get("response.code"), String.valueOf(r.metrics()));
            String answer = new String(r.body(), StandardCharsets.UTF_8);
            assertTrue(answer.contains("read-only"), "read-only channels are reported failed, each: " + answer);
            String read = new String(request("ASSET-V1", "EXEC", "read",
                    "[{\"name\":\"socket.2\",\"channels\":[{\"name\":\"enabled\"},{\"name\":\"disabled_by\"},{\"name\":\"session\"}]}]").body(),
                    StandardCharsets.UTF_8);
            assertTrue(read.contains("\"value\":\"false\"") && read.contains("kapua:" + CONSOLE), read);
        }
    }

    @Test
    void aRestartTellsTheMapNothingButTheTruth() throws Exception {
        for (int start = 1; start <= 2; start++) {
            kapua.clear();
            try (ModuleProcess module = ModuleProcess.start("kapua-console-restart-" + start, conf, ModuleProcess.freePort())) {
                awaitBirth();
                awaitStarted(module);
                for (int socket = 1; socket <= 4; socket++) {
                    int n = socket;
                    kapua.await(m -> m.topic().equals("milano/" + DEVICE + "/msg/events/availability") && m.message() != null
                            && Integer.valueOf(n).equals(m.message().metrics().get("socket")), WAIT, "socket " + n + "'s first status");
                }
                List<String> told = kapua.received().stream()
                        .filter(m -> m.topic().equals("milano/" + DEVICE + "/msg/events/availability") && m.message() != null)
                        .map(m -> m.message().metrics().get("socket") + "=" + m.message().metrics().get("status")).toList();
                assertTrue(told.stream().noneMatch(s -> s.endsWith("=OUTOFORDER") || s.endsWith("=UNKNOWN")),
                        "start " + start + ": healthy sockets are never out of order or unknown on the map: " + told);
            } // close(): SIGTERM, as systemd stops the module
            // a clean stop is a DC, never the last will (Kapua would mark the module MISSING)
            kapua.await(m -> m.topic().equals("$EDC/milano/" + DEVICE + "/MQTT/DC"), WAIT, "DC after SIGTERM");
            kapua.publish("bench/after-stop", new byte[] {1}); // a round trip through the broker after the exit
            kapua.await(m -> m.topic().equals("bench/after-stop"), WAIT, "the marker");
            assertTrue(kapua.received().stream().noneMatch(m -> m.topic().endsWith("/MQTT/LWT")),
                    "no LWT after an orderly stop: " + kapua.received().stream().map(KapuaPeer.Received::topic).toList());
        }
    }

    /**
     * The reply time of CONF-V1 and ASSET-V1 requests as Kapua's console waits on it (docs/benchmarks.md), run with
     * {@code -Dmsg.bench.latency=true}; measured, not asserted.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "msg.bench.latency", matches = "true")
    void replyLatency() throws Exception {
        try (ModuleProcess module = ModuleProcess.start("kapua-console-latency", conf, ModuleProcess.freePort())) {
            awaitBirth();
            awaitStarted(module);
            StringBuilder report = new StringBuilder();
            String[][] requests = {{"CONF-V1", "GET", "configurations/" + SIM, ""}, {"CONF-V1", "GET", "configurations", ""},
                    {"ASSET-V1", "EXEC", "read", "[{\"name\":\"socket.1\"}]"}, {"DEPLOY-V2", "GET", "bundles", ""}};
            for (String[] q : requests) request(q[0], q[1], q[2], q[3]); // warm-up
            for (String[] q : requests) {
                List<Long> ms = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    long t0 = System.nanoTime();
                    request(q[0], q[1], q[2], q[3]);
                    ms.add((System.nanoTime() - t0) / 1_000_000);
                }
                java.util.Collections.sort(ms);
                report.append(String.format("%s %s %s: p50 %d ms, max %d ms (20 requests)%n", q[0], q[1], q[2],
                        ms.get(ms.size() / 2), ms.get(ms.size() - 1)));
            }
            // the peer: a plain MQTT round trip through the same broker (publish, receive it back)
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String topic = "bench/echo/" + i;
                long t0 = System.nanoTime();
                kapua.publish(topic, new byte[] {1});
                kapua.await(r -> r.topic().equals(topic), WAIT, "echo");
                ms.add((System.nanoTime() - t0) / 1_000_000);
            }
            java.util.Collections.sort(ms);
            report.append(String.format("MQTT echo through the broker: p50 %d ms, max %d ms%n", ms.get(10), ms.get(19)));
            Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(Path.of("target", "bench", "kapua-reply-latency.txt"), report.toString());
            System.out.print(report);
        }
    }

    /** Every bundle started: BIRTH comes before the last bundles (CoAP, the runtime's stop handling) are up. */
    private static void awaitStarted(ModuleProcess module) throws Exception {
        module.awaitConfigured(WAIT);
    }

    private void awaitBirth() throws InterruptedException {
        kapua.await(r -> r.message() != null && r.topic().startsWith("$EDC/milano/" + DEVICE + "/MQTT/")
                && String.valueOf(r.message().metrics().get("application_ids")).contains("CONF-V1")
                && String.valueOf(r.message().metrics().get("application_ids")).contains("ASSET-V1"), WAIT,
                "BIRTH or APPS listing CONF-V1 and ASSET-V1");
    }

    private void awaitFile(String name, String text) throws Exception {
        long end = System.currentTimeMillis() + WAIT.toMillis();
        while (!Files.readString(conf.resolve(name)).contains(text) && System.currentTimeMillis() < end) Thread.sleep(100);
        assertTrue(Files.readString(conf.resolve(name)).contains(text), Files.readString(conf.resolve(name)));
    }

    private Map<String, String> files() throws Exception {
        Map<String, String> result = new TreeMap<>();
        try (var list = Files.list(conf)) {
            for (Path p : (Iterable<Path>) list::iterator) result.put(p.getFileName().toString(), Files.readString(p));
        }
        return result;
    }

    private KuraMessage request(String app, String method, String resources, String body) throws Exception {
        String id = "req-" + ids.incrementAndGet();
        Map<String, Object> metrics = new java.util.HashMap<>();
        metrics.put("request.id", id);
        metrics.put("requester.client.id", CONSOLE);
        kapua.publish("$EDC/milano/" + DEVICE + "/" + app + "/" + method + "/" + resources, KuraPayloadCodec.encode(
                new KuraMessage(System.currentTimeMillis(), null, metrics, body.getBytes(StandardCharsets.UTF_8)), false));
        return kapua.await(r -> r.topic().equals("$EDC/milano/" + CONSOLE + "/" + app + "/REPLY/" + id), WAIT,
                app + " reply to " + method + " " + resources).message();
    }

    private void write(String file, String content) throws Exception {
        Files.writeString(conf.resolve(file), content + "\n", StandardCharsets.UTF_8);
    }
}
