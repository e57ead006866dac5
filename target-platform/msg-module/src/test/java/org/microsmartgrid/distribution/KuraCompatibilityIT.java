package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The rules Kura's web console and Kapua's CONF-V1 rely on (DESIGN.md §3), checked on the built artifacts: every
 * configurable component of our bundles has name = pid = metatype OCD id, its metatype at
 * OSGI-INF/metatype/&lt;pid&gt;.xml, and provides ConfigurableComponent; the deployment package is well formed.
 */
class KuraCompatibilityIT {

    private static final String CONFIGURABLE = "org.eclipse.kura.configuration.ConfigurableComponent";
    private static final String KURA_PACKAGE = "org.eclipse.kura.configuration";
    /** Bundles the gateway already runs: a second copy in the package would compete with Kura's own. */
    private static final Set<String> KURA_PROVIDES = Set.of("slf4j.api", "slf4j.simple", "com.h2database",
            "com.google.gson", "org.eclipse.kura.api");
    private static final String PAYLOAD_PACKAGE = "org.microsmartgrid.kura.payload";

    @Test
    void everyConfigurableComponentFollowsKurasNamingRules() throws Exception {
        Map<String, byte[]> ours = bundlesInRuntimeJar("org.microsmartgrid.");
        assertTrue(ours.size() >= 6, "our bundles are in the runtime jar: " + ours.keySet());
        int configurable = 0;
        List<String> problems = new ArrayList<>();
        for (var bundle : ours.entrySet()) {
            Map<String, byte[]> entries = entries(bundle.getValue());
            Set<String> ocdIds = new HashSet<>();
            Map<String, String> ocdFileById = new LinkedHashMap<>();
            for (var e : entries.entrySet()) {
                if (!e.getKey().startsWith("OSGI-INF/metatype/")) continue;
                Document doc = parse(e.getValue());
                NodeList ocds = doc.getElementsByTagNameNS("*", "OCD");
                for (int i = 0; i < ocds.getLength(); i++) {
                    String id = ((Element) ocds.item(i)).getAttribute("id");
                    ocdIds.add(id);
                    ocdFileById.put(id, e.getKey());
                }
            }
            for (var e : entries.entrySet()) {
                if (!e.getKey().startsWith("OSGI-INF/") || e.getKey().startsWith("OSGI-INF/metatype/")
                        || !e.getKey().endsWith(".xml")) continue;
                Element component = (Element) parse(e.getValue()).getElementsByTagNameNS("*", "component").item(0);
                if (component == null) continue;
                String name = component.getAttribute("name");
                String pid = component.hasAttribute("configuration-pid") ? component.getAttribute("configuration-pid") : name;
                boolean provides = provides(component, CONFIGURABLE);
                boolean hasMetatype = ocdIds.contains(pid);
                if (!hasMetatype && !provides) continue; // not configurable (e.g. a servlet with no settings)
                configurable++;
                String where = bundle.getKey() + " component " + name + ": ";
                if (!name.equals(pid)) problems.add(where + "configuration-pid " + pid + " differs from the name");
                if (!hasMetatype) problems.add(where + "no metatype OCD with id " + pid);
                else if (!ocdFileById.get(pid).equals("OSGI-INF/metatype/" + pid + ".xml"))
                    problems.add(where + "metatype is at " + ocdFileById.get(pid) + ", Kura looks at OSGI-INF/metatype/" + pid + ".xml");
                if (!provides) problems.add(where + "does not provide " + CONFIGURABLE);
                if (!"require".equals(component.getAttribute("configuration-policy")))
                    problems.add(where + "configuration-policy is not require");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(configurable >= 6, "found the configurable components (bus, meter, chip, relay, simulator, balancer, console): " + configurable);
    }

    @Test
    void deploymentPackageNamesEveryBundleItHoldsAndNotKurasOwnApi() throws Exception {
        Path dp = Path.of(System.getProperty("msg.module.dp"));
        assertTrue(Files.isRegularFile(dp), "built: " + dp);
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(dp))) {
            ZipEntry first = zin.getNextEntry();
            if (first != null && first.getName().equals("META-INF/")) first = zin.getNextEntry();
            assertNotNull(first);
            assertEquals("META-INF/MANIFEST.MF", first.getName(), "the manifest must be the first entry of a .dp");
        }
        try (ZipFile zip = new ZipFile(dp.toFile()); JarInputStream jin = new JarInputStream(Files.newInputStream(dp))) {
            Manifest mf = jin.getManifest();
            Attributes main = mf.getMainAttributes();
            assertEquals("org.microsmartgrid.module", main.getValue("DeploymentPackage-SymbolicName"));
            assertNotNull(main.getValue("DeploymentPackage-Version"));

            Set<String> jarsAtRoot = new HashSet<>();
            zip.stream().filter(e -> !e.isDirectory() && e.getName().endsWith(".jar") && !e.getName().contains("/"))
                    .forEach(e -> jarsAtRoot.add(e.getName()));
            assertEquals(jarsAtRoot, mf.getEntries().keySet(), "one Name section per bundle at the root, and no other");
            for (String name : jarsAtRoot) {
                Attributes section = mf.getAttributes(name);
                Manifest bundle;
                try (InputStream in = zip.getInputStream(zip.getEntry(name)); JarInputStream bj = new JarInputStream(in)) {
                    bundle = bj.getManifest();
                }
                String bsn = bundle.getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim();
                assertFalse(KURA_PROVIDES.contains(bsn), name + " (" + bsn + "): Kura 5.x provides it (slf4j 1.7.36, "
                        + "H2 2.1.214; docs/kura-gateway.md), the package must not bring another");
                assertEquals(bsn, section.getValue("Bundle-SymbolicName"), name);
                assertEquals(bundle.getMainAttributes().getValue("Bundle-Version"), section.getValue("Bundle-Version"), name);
                String exports = bundle.getMainAttributes().getValue("Export-Package");
                assertFalse(exports != null && exports.matches("(?s).*\\b" + KURA_PACKAGE.replace(".", "\\.") + "\\s*;.*"),
                        name + " must not carry Kura's own API package: Kura provides it");
                // the payload codec serves our cloud link only; on a gateway Kura's own cloud connection is the device
                String imports = bundle.getMainAttributes().getValue("Import-Package");
                assertFalse(imports != null && imports.contains(PAYLOAD_PACKAGE),
                        name + " imports " + PAYLOAD_PACKAGE + ", which the package leaves out");
            }
            assertTrue(jarsAtRoot.contains("org.microsmartgrid.meter.modbus.jar"), jarsAtRoot.toString());
            assertTrue(jarsAtRoot.contains("j2mod.jar"), "Kura does not ship j2mod: " + jarsAtRoot);
            for (String cloudSide : List.of("org.microsmartgrid.cloud.kapua.jar", "org.microsmartgrid.cloud.management.jar",
                    "org.microsmartgrid.kura.payload.jar", "protobuf-java.jar"))
                assertFalse(jarsAtRoot.contains(cloudSide), "Kura itself is the device in Kapua: " + cloudSide);
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** The bundle jars embedded by bnd's executable-jar exporter (under jar/), keyed by file name. */
    static Map<String, byte[]> bundlesInRuntimeJar(String prefix) throws IOException {
        Path jar = Path.of(System.getProperty("msg.module.jar"));
        Map<String, byte[]> result = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                String file = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                if (e.getName().startsWith("jar/") && file.startsWith(prefix) && file.endsWith(".jar")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        result.put(file, in.readAllBytes());
                    }
                }
            }
        }
        return result;
    }

    private static Map<String, byte[]> entries(byte[] jar) throws IOException {
        Map<String, byte[]> result = new LinkedHashMap<>();
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                if (!e.isDirectory()) result.put(e.getName(), zin.readAllBytes());
            }
        }
        return result;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static boolean provides(Element component, String iface) {
        NodeList provides = component.getElementsByTagNameNS("*", "provide");
        if (provides.getLength() == 0) provides = component.getElementsByTagName("provide");
        for (int i = 0; i < provides.getLength(); i++) {
            if (iface.equals(((Element) provides.item(i)).getAttribute("interface"))) return true;
        }
        return false;
    }
}
