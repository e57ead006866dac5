package org.microsmartgrid.cloud.management.conf;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * min and max of each attribute, read from the bundle's OSGI-INF/metatype/*.xml: the OSGi MetaType API validates
 * against them but does not tell them, and Kapua's form shows them.
 */
final class MetatypeFiles {

    record Limits(String min, String max) {
        static final Limits NONE = new Limits(null, null);
    }

    private MetatypeFiles() {
    }

    static Map<String, Limits> limits(Bundle bundle, String ocdId) {
        Map<String, Limits> result = new HashMap<>();
        Enumeration<URL> files = bundle.findEntries("OSGI-INF/metatype", "*.xml", false);
        while (files != null && files.hasMoreElements()) {
            URL url = files.nextElement();
            try (InputStream in = url.openStream()) {
                Element root = SecureXml.parse(in.readAllBytes()).getDocumentElement();
                NodeList ocds = root.getElementsByTagNameNS("*", "OCD");
                for (int i = 0; i < ocds.getLength(); i++) {
                    Element ocd = (Element) ocds.item(i);
                    if (!ocdId.equals(ocd.getAttribute("id"))) continue;
                    for (Node n = ocd.getFirstChild(); n != null; n = n.getNextSibling()) {
                        if (n instanceof Element ad && "AD".equals(ad.getLocalName())) {
                            result.put(ad.getAttribute("id"), new Limits(attr(ad, "min"), attr(ad, "max")));
                        }
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                // a metatype file we cannot read: no limits shown; MetaTypeService still validates
            }
        }
        return result;
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
