package org.microsmartgrid.cloud.management.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.cloud.management.FelixHarness.call;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.cloud.RequestHandler;
import org.microsmartgrid.cloud.management.FelixHarness;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** DEPLOY-V2 in a real Felix: what runs is listed as Kura lists it; nothing can be changed. */
class DeploymentHandlerIT {
    @TempDir
    Path conf;
    @TempDir
    Path storage;
    @TempDir
    Path data;

    @Test
    void listsBundlesAndTheModulePackageAndRefusesChanges() throws Exception {
        try (FelixHarness felix = new FelixHarness(conf, storage, data)) {
            RequestHandler h = felix.handler("DEPLOY-V2");

            Element bundles = parse(call(h, "GET", "bundles", null));
            assertEquals("bundles", bundles.getTagName());
            assertNull(bundles.getNamespaceURI());
            Map<String, Element> byName = new HashMap<>();
            NodeList list = bundles.getElementsByTagName("bundle");
            for (int i = 0; i < list.getLength(); i++) byName.put(text((Element) list.item(i), "name"), (Element) list.item(i));
            Element me = byName.get("org.microsmartgrid.cloud.management");
            assertEquals("ACTIVE", text(me, "state"));
            assertEquals("0.1.0.SNAPSHOT", text(me, "version"));
            assertTrue(Long.parseLong(text(me, "id")) > 0);
            assertEquals("0", text(byName.get("org.apache.felix.framework"), "id"));

            Element packages = parse(call(h, "GET", "packages", null));
            assertEquals("packages", packages.getTagName());
            Element pkg = (Element) packages.getElementsByTagName("package").item(0);
            assertEquals("msg-module", text(pkg, "name"));
            NodeList inPkg = ((Element) pkg.getElementsByTagName("bundles").item(0)).getElementsByTagName("bundle");
            assertEquals(list.getLength() - 1, inPkg.getLength(), "every bundle but the framework");

            for (String action : new String[] {"install", "uninstall", "start/5", "stop/5", "download"}) {
                KuraResponse r = call(h, "EXEC", action, null);
                assertEquals(KuraResponse.BAD_REQUEST, r.code(), action);
                assertTrue(r.exception().contains("not supported on this module"), r.exception());
            }
            KuraResponse stopMe = call(h, "EXEC", "stop/" + text(me, "id"), null);
            assertEquals(KuraResponse.BAD_REQUEST, stopMe.code());
            assertEquals(org.osgi.framework.Bundle.ACTIVE, felix.context().getBundle(Long.parseLong(text(me, "id"))).getState(),
                    "still ACTIVE after the refused stop");
            assertEquals(KuraResponse.NOT_FOUND, call(h, "GET", "nothing", null).code());
        }
    }

    private static Element parse(KuraResponse r) throws Exception {
        assertEquals(KuraResponse.OK, r.code(), r.exception());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body())).getDocumentElement();
    }

    private static String text(Element parent, String child) {
        return parent.getElementsByTagName(child).item(0).getTextContent();
    }
}
