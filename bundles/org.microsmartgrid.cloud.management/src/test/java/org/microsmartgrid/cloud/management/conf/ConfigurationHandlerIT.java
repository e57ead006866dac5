package org.microsmartgrid.cloud.management.conf;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.cloud.management.FelixHarness.await;
import static org.microsmartgrid.cloud.management.FelixHarness.call;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.cloud.RequestHandler;
import org.microsmartgrid.cloud.management.FelixHarness;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** CONF-V1 in a real Felix: the simulator's configuration read, changed, refused, snapshotted and rolled back. */
class ConfigurationHandlerIT {
    static final String ESF = "http://eurotech.com/esf/2.0";
    static final String OCD = "http://www.osgi.org/xmlns/metatype/v1.2.0";
    static final String SIM = "org.microsmartgrid.simulator.SimulatedBuilding";
    static final String BUS = "org.microsmartgrid.meter.modbus.ModbusBus";

    @TempDir
    Path conf;
    @TempDir
    Path storage;
    @TempDir
    Path data;
    FelixHarness felix;
    RequestHandler handler;

    @BeforeEach
    void boot() throws Exception {
        Files.writeString(conf.resolve(ConfigurationHandler.PID + ".config"), "snapshots.max=I\"3\"\n");
        Files.writeString(conf.resolve(SIM + ".config"), "port=I\"0\"\ncloudiness=D\"0.3\"\nbind.host=\"127.0.0.1\"\n");
        Files.writeString(conf.resolve(BUS + "-test.config"),
                "bus.id=\"test\"\ntransport=\"TCP\"\nhost=\"127.0.0.1\"\nport=I\"1502\"\n");
        felix = new FelixHarness(conf, storage, data);
        handler = felix.handler("CONF-V1");
        await("simulator configured", () -> configurationOf(get("configurations"), SIM));
    }

    @AfterEach
    void stop() throws Exception {
        felix.close();
    }

    @Test
    void showsEachConfigurableComponentWithItsMetatypeAndValues() throws Exception {
        Element sim = configurationOf(get("configurations"), SIM);
        assertNotNull(sim, "the simulator is listed");
        assertNotNull(configurationOf(get("configurations"), ConfigurationHandler.PID), "CONF-V1's own configuration is listed");
        Element ocd = only(sim.getElementsByTagNameNS(OCD, "OCD"));
        assertEquals(SIM, ocd.getAttribute("id"));
        Element port = ad(ocd, "port");
        assertEquals("Integer", port.getAttribute("type"));
        assertEquals("0", port.getAttribute("cardinality"));
        assertEquals("0", port.getAttribute("min"));
        assertEquals("65535", port.getAttribute("max"));
        Element phase = ad(ocd, "pv.phase");
        List<String> options = new ArrayList<>();
        NodeList opts = phase.getElementsByTagNameNS(OCD, "Option");
        for (int i = 0; i < opts.getLength(); i++) options.add(((Element) opts.item(i)).getAttribute("value"));
        assertEquals(List.of("THREE_PHASE", "L1", "L2", "L3"), options);

        Element cloudiness = property(sim, "cloudiness");
        assertEquals("Double", cloudiness.getAttribute("type"));
        assertEquals("false", cloudiness.getAttribute("array"));
        assertEquals("0.3", only(cloudiness.getElementsByTagNameNS(ESF, "value")).getTextContent());
        assertTrue(property(sim, "felix.fileinstall.filename") == null, "FileInstall's bookkeeping is not shown");
        Element speed = property(sim, "time.speed");
        assertNotNull(speed, "an attribute the file does not hold is shown with its default, as Kura merges it in");
        assertEquals(Double.parseDouble(ad(ocd, "time.speed").getAttribute("default")),
                Double.parseDouble(only(speed.getElementsByTagNameNS(ESF, "value")).getTextContent()));

        Document one = get("configurations/" + SIM);
        assertEquals(1, one.getDocumentElement().getElementsByTagNameNS(ESF, "configuration").getLength());
        KuraResponse unknown = call(handler, "GET", "configurations/no.such.Component", null);
        assertEquals(KuraResponse.OK, unknown.code(), "Kura answers an unknown pid with an empty list");
        assertEquals(0, parse(unknown.body()).getDocumentElement().getElementsByTagNameNS(ESF, "configuration").getLength());
    }

    @Test
    void aValidChangeIsAppliedAndRollbackRestoresIt() throws Exception {
        KuraResponse put = put("configurations/" + SIM, change(SIM, prop("cloudiness", "Double", "0.75"),
                prop("pv.phase", "String", "L2")));
        assertEquals(KuraResponse.OK, put.code(), put.exception());
        assertEquals(0.75, felix.configuration(SIM).get("cloudiness"));
        assertEquals("L2", felix.configuration(SIM).get("pv.phase"));
        assertEquals(0, felix.configuration(SIM).get("port"), "properties not sent are kept");

        // a snapshot was taken before the change; rolling back to it restores the old values
        List<String> ids = snapshotIds(get("snapshots"));
        assertEquals(1, ids.size());
        assertEquals(KuraResponse.OK, call(handler, "EXEC", "rollback/" + ids.get(0), null).code());
        // settles on the snapshot's values: FileInstall may first re-read the file the write-back of the change
        // left (0.75) before the rollback's own write-back replaces it (a second or so under load)
        try {
            await("the rollback settled", () -> Double.valueOf(0.3).equals(felix.configuration(SIM).get("cloudiness"))
                    && felix.configuration(SIM).get("pv.phase") == null ? true : null);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + felix.configuration(SIM) + "; file: "
                    + Files.readString(conf.resolve(SIM + ".config")), e);
        }
        assertEquals(0.3, felix.configuration(SIM).get("cloudiness"));
        assertTrue(felix.configuration(SIM).get("pv.phase") == null, "pv.phase was not set before: " + felix.configuration(SIM).get("pv.phase"));

        // EXEC snapshot answers the new id; GET snapshots/{id} is the configurations at that time
        KuraResponse taken = call(handler, "EXEC", "snapshot", null);
        String id = snapshotIds(parse(taken.body())).get(0);
        assertEquals("0.3", only(property(configurationOf(get("snapshots/" + id), SIM), "cloudiness")
                .getElementsByTagNameNS(ESF, "value")).getTextContent());
        assertEquals(2, snapshotIds(get("snapshots")).size());
        assertEquals(KuraResponse.NOT_FOUND, call(handler, "GET", "snapshots/12345", null).code());
    }

    @Test
    void factoryInstancesAreListedWithTheFactoryMetatypeAndChangedByTheirPid() throws Exception {
        Element bus = await("the Modbus bus instance", () -> {
            NodeList n = get("configurations").getDocumentElement().getElementsByTagNameNS(ESF, "configuration");
            for (int i = 0; i < n.getLength(); i++) {
                if (((Element) n.item(i)).getAttribute("pid").startsWith(BUS)) return (Element) n.item(i);
            }
            return null;
        });
        String pid = bus.getAttribute("pid");
        assertFalse(pid.equals(BUS), "an instance has its own pid: " + pid);
        assertEquals(BUS, only(bus.getElementsByTagNameNS(OCD, "OCD")).getAttribute("id"));
        assertEquals(BUS, only(property(bus, "service.factoryPid").getElementsByTagNameNS(ESF, "value")).getTextContent(),
                "Kapua's console names an instance after its pid when service.factoryPid is there");
        KuraResponse put = put("configurations/" + pid, change(pid, prop("timeout.ms", "Integer", "2500")));
        assertEquals(KuraResponse.OK, put.code(), put.exception());
        assertEquals(2500, felix.configuration(pid).get("timeout.ms"));
        assertEquals("test", felix.configuration(pid).get("bus.id"));
        Path busFile = conf.resolve(BUS + "-test.config");
        await("the instance's own file rewritten", () -> Files.readString(busFile).contains("I\"2500\"") ? true : null);
        assertTrue(Files.readString(busFile).contains("bus.id=\"test\""), Files.readString(busFile));
        KuraResponse bad = put("configurations/" + pid, change(pid, prop("transport", "String", "CAN")));
        assertEquals(KuraResponse.BAD_REQUEST, bad.code());
        assertTrue(bad.exception().contains(pid + "/transport"), bad.exception());
        KuraResponse other = put("configurations/" + pid, change(SIM, prop("cloudiness", "Double", "0.5")));
        assertEquals(KuraResponse.BAD_REQUEST, other.code(), "a PUT on one pid carries only that pid");
    }

    @Test
    void badValuesAreRefusedAndNothingChanges() throws Exception {
        assertRefused(change(SIM, prop("port", "Integer", "70000")), "port", "maximum");
        assertRefused(change(SIM, prop("port", "Integer", "many")), "port", "Integer");
        assertRefused(change(SIM, prop("pv.phase", "String", "L4")), "pv.phase", "L4");
        assertRefused(change(SIM, prop("no.such.attribute", "String", "x")), "no.such.attribute", "metatype");
        // one bad value among good ones: none is applied
        assertRefused(change(SIM, prop("cloudiness", "Double", "0.9"), prop("time.speed", "Double", "0")), "time.speed", "minimum");
        assertRefused("<esf:configurations xmlns:esf=\"" + ESF + "\"><esf:configuration", "malformed");
        assertRefused("", "body");
        assertRefused("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><esf:configurations xmlns:esf=\"" + ESF
                + "\"><esf:configuration pid=\"" + SIM + "\"><esf:properties><esf:property name=\"bind.host\" "
                + "type=\"String\"><esf:value>&e;</esf:value></esf:property></esf:properties></esf:configuration>"
                + "</esf:configurations>", "DOCTYPE");
        assertEquals(0.3, felix.configuration(SIM).get("cloudiness"));
        assertEquals("127.0.0.1", felix.configuration(SIM).get("bind.host"));
        assertTrue(snapshotIds(get("snapshots")).isEmpty(), "a refused change takes no snapshot");
    }

    private void assertRefused(String body, String... words) throws Exception {
        KuraResponse r = put("configurations", body);
        assertEquals(KuraResponse.BAD_REQUEST, r.code(), body);
        for (String w : words) assertTrue(r.exception().contains(w), r.exception() + " should mention " + w);
        assertEquals(0, felix.configuration(SIM).get("port"));
    }

    private KuraResponse put(String resources, String body) {
        return call(handler, "PUT", resources, body.getBytes(UTF_8));
    }

    static String change(String pid, String... properties) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><esf:configurations xmlns:esf=\"" + ESF + "\" xmlns:ocd=\"" + OCD
                + "\"><esf:configuration pid=\"" + pid + "\"><esf:properties>" + String.join("", properties)
                + "</esf:properties></esf:configuration></esf:configurations>";
    }

    static String prop(String name, String type, String value) {
        return "<esf:property name=\"" + name + "\" array=\"false\" encrypted=\"false\" type=\"" + type + "\"><esf:value>"
                + value + "</esf:value></esf:property>";
    }

    private Document get(String resources) throws Exception {
        KuraResponse r = call(handler, "GET", resources, null);
        assertEquals(KuraResponse.OK, r.code(), r.exception());
        return parse(r.body());
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<String> snapshotIds(Document doc) {
        Element root = doc.getDocumentElement();
        assertEquals(ESF, root.getNamespaceURI());
        assertEquals("snapshot-ids", root.getLocalName());
        List<String> ids = new ArrayList<>();
        NodeList n = root.getElementsByTagNameNS(ESF, "snapshotIds");
        for (int i = 0; i < n.getLength(); i++) ids.add(n.item(i).getTextContent());
        return ids;
    }

    static Element configurationOf(Document doc, String pid) {
        Element root = doc.getDocumentElement();
        assertEquals(ESF, root.getNamespaceURI());
        assertEquals("configurations", root.getLocalName());
        NodeList n = root.getElementsByTagNameNS(ESF, "configuration");
        for (int i = 0; i < n.getLength(); i++) {
            if (pid.equals(((Element) n.item(i)).getAttribute("pid"))) return (Element) n.item(i);
        }
        return null;
    }

    static Element property(Element configuration, String name) {
        NodeList n = configuration.getElementsByTagNameNS(ESF, "property");
        for (int i = 0; i < n.getLength(); i++) {
            if (name.equals(((Element) n.item(i)).getAttribute("name"))) return (Element) n.item(i);
        }
        return null;
    }

    private static Element ad(Element ocd, String id) {
        NodeList n = ocd.getElementsByTagNameNS(OCD, "AD");
        for (int i = 0; i < n.getLength(); i++) {
            if (id.equals(((Element) n.item(i)).getAttribute("id"))) return (Element) n.item(i);
        }
        throw new AssertionError("no AD " + id);
    }

    private static Element only(NodeList n) {
        assertEquals(1, n.getLength());
        return (Element) n.item(0);
    }
}
