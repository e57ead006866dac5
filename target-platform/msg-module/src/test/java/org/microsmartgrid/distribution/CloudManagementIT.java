package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.microsmartgrid.cloud.kapua.testing.EmbeddedBroker;
import org.microsmartgrid.cloud.kapua.testing.KapuaPeer;

/**
 * Kapua's management tabs against the exported module over a real MQTT broker: requests on
 * {@code $EDC/account/client/APP/METHOD/...} from a Paho client playing Kapua's console, replies on its REPLY topic.
 */
class CloudManagementIT {

    private static final String DEVICE = "msg-it-mgmt";
    private static final String CONSOLE = "kapua-console";
    private static final String SIM = "org.microsmartgrid.simulator.SimulatedBuilding";
    private static final String BALANCER = "org.microsmartgrid.grid.balancer.Balancer";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final AtomicInteger ids = new AtomicInteger();
    private EmbeddedBroker broker;
    private KapuaPeer kapua;
    private Path conf;

    @BeforeEach
    void setUp() throws Exception {
        broker = new EmbeddedBroker();
        broker.start();
        kapua = new KapuaPeer(broker.url(), CONSOLE).connect("$EDC/#");
        conf = ModuleProcess.copyConf(Path.of(System.getProperty("msg.demo.conf")),
                "I\"5020\"", "I\"" + ModuleProcess.freePort() + "\"");
        ModuleProcess.addInstaller(conf);
        ModuleProcess.linkToBroker(conf, broker, DEVICE, "telemetry.interval.s=I\"60\"");
        write("org.microsmartgrid.cloud.management.conf.ConfigurationHandler.config", "snapshots.max=I\"5\"");
        write("org.microsmartgrid.cloud.management.command.CommandHandler.config", "enabled=B\"true\"");
    }

    @AfterEach
    void tearDown() throws Exception {
        kapua.close();
        broker.close();
    }

    @Test
    void aTechnicianConfiguresReadsAssetsListsBundlesAndRunsADiagnostic() throws Exception {
        try (ModuleProcess module = ModuleProcess.start("cloud-management", conf, ModuleProcess.freePort())) {
            kapua.await(r -> r.message() != null && r.topic().startsWith("$EDC/milano/" + DEVICE + "/MQTT/")
                    && Arrays.asList(String.valueOf(r.message().metrics().get("application_ids")).split(","))
                    .containsAll(List.of("CONF-V1", "ASSET-V1", "DEPLOY-V2", "CMD-V1")), WAIT,
                    "BIRTH or APPS listing the four management applications");
            module.awaitConfigured(WAIT); // FileInstall starts last: the simulator's configuration may come after BIRTH

            // Configuration: read the simulator's form, change a value (kept in its file), refuse a bad one
            KuraMessage form = request("CONF-V1", "GET", "configurations/" + SIM, "");
            assertEquals(200, form.metrics().get("response.code"));
            String xml = new String(form.body(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("<ocd:OCD") && xml.contains("id=\"" + SIM + "\""), xml);
            KuraMessage changed = request("CONF-V1", "PUT", "configurations/" + SIM, change("cloudiness", "Double", "0.5"));
            assertEquals(200, changed.metrics().get("response.code"), String.valueOf(changed.metrics()));
            Path simFile = conf.resolve(SIM + ".config");
            long end = System.currentTimeMillis() + WAIT.toMillis();
            while (!Files.readString(simFile).contains("D\"0.5\"") && System.currentTimeMillis() < end) Thread.sleep(100);
            String file = Files.readString(simFile);
            assertTrue(file.contains("D\"0.5\"") && file.startsWith("# A condominium in Milan"), file);
            KuraMessage refused = request("CONF-V1", "PUT", "configurations/" + SIM, change("port", "Integer", "70000"));
            assertEquals(400, refused.metrics().get("response.code"));
            assertTrue(String.valueOf(refused.metrics().get("response.exception.message")).contains(SIM + "/port"));
            // a value the balancer itself would refuse (issue 21 item 3): 400 naming pid and property, nothing written
            Path balancerFile = conf.resolve(BALANCER + ".config");
            String balancerBefore = Files.readString(balancerFile);
            KuraMessage notAStep = request("CONF-V1", "PUT", "configurations/" + BALANCER,
                    change(BALANCER, "contract.power.w", "Integer", "123"));
            assertEquals(400, notAStep.metrics().get("response.code"), String.valueOf(notAStep.metrics()));
            String why = String.valueOf(notAStep.metrics().get("response.exception.message"));
            assertTrue(why.contains(BALANCER) && why.contains("contract.power.w = 123"), why);
            assertEquals(balancerBefore, Files.readString(balancerFile));

            // Assets: take socket 2 out of service, read it back with who did it
            KuraMessage write = request("ASSET-V1", "EXEC", "write",
                    "[{\"name\":\"socket.2\",\"channels\":[{\"name\":\"enabled\",\"type\":\"BOOLEAN\",\"value\":\"false\"}]}]");
            assertEquals(200, write.metrics().get("response.code"), String.valueOf(write.metrics()));
            String read = new String(request("ASSET-V1", "EXEC", "read",
                    "[{\"name\":\"socket.2\",\"channels\":[{\"name\":\"enabled\"},{\"name\":\"disabled_by\"}]}]").body(),
                    StandardCharsets.UTF_8);
            assertTrue(read.contains("\"value\":\"false\"") && read.contains("kapua:" + CONSOLE), read);

            // Bundles: listed, not changed
            KuraMessage bundles = request("DEPLOY-V2", "GET", "bundles", "");
            assertTrue(new String(bundles.body(), StandardCharsets.UTF_8).contains("<name>org.microsmartgrid.cloud.management</name>"));
            assertEquals(400, request("DEPLOY-V2", "EXEC", "install", "").metrics().get("response.code"));

            // Command: a diagnostic on the list runs, anything else does not
            KuraMessage uptime = request("CMD-V1", "EXEC", "command", "", Map.of("command.command", "uptime"));
            assertEquals(200, uptime.metrics().get("response.code"));
            assertEquals(0, uptime.metrics().get("command.exit.code"));
            assertEquals(400, request("CMD-V1", "EXEC", "command", "", Map.of("command.command", "reboot"))
                    .metrics().get("response.code"));
        }
    }

    private KuraMessage request(String app, String method, String resources, String body) throws Exception {
        return request(app, method, resources, body, Map.of());
    }

    private KuraMessage request(String app, String method, String resources, String body, Map<String, Object> extra)
            throws Exception {
        String id = "req-" + ids.incrementAndGet();
        Map<String, Object> metrics = new java.util.HashMap<>(extra);
        metrics.put("request.id", id);
        metrics.put("requester.client.id", CONSOLE);
        kapua.publish("$EDC/milano/" + DEVICE + "/" + app + "/" + method + "/" + resources, KuraPayloadCodec.encode(
                new KuraMessage(System.currentTimeMillis(), null, metrics, body.getBytes(StandardCharsets.UTF_8)), false));
        return kapua.await(r -> r.topic().equals("$EDC/milano/" + CONSOLE + "/" + app + "/REPLY/" + id), WAIT,
                app + " reply to " + method + " " + resources).message();
    }

    private static String change(String name, String type, String value) {
        return change(SIM, name, type, value);
    }

    private static String change(String pid, String name, String type, String value) {
        return "<esf:configurations xmlns:esf=\"http://eurotech.com/esf/2.0\"><esf:configuration pid=\"" + pid
                + "\"><esf:properties><esf:property name=\"" + name + "\" array=\"false\" encrypted=\"false\" type=\""
                + type + "\"><esf:value>" + value + "</esf:value></esf:property></esf:properties></esf:configuration>"
                + "</esf:configurations>";
    }

    private void write(String file, String content) throws Exception {
        Files.writeString(conf.resolve(file), content + "\n", StandardCharsets.UTF_8);
    }
}
