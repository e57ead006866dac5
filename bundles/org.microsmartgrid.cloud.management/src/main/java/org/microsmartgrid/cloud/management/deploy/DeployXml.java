package org.microsmartgrid.cloud.management.deploy;

import java.util.List;
import org.microsmartgrid.cloud.management.conf.SecureXml;
import org.osgi.framework.Bundle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Kura's DEPLOY-V2 bodies: {@code <bundles>} and {@code <packages>}, no namespace (as Kura writes them). */
final class DeployXml {

    private DeployXml() {
    }

    static byte[] bundles(List<Bundle> bundles) {
        Document doc = SecureXml.newDocument();
        Element root = doc.createElement("bundles");
        doc.appendChild(root);
        for (Bundle b : bundles) {
            Element e = doc.createElement("bundle");
            text(doc, e, "name", b.getSymbolicName());
            text(doc, e, "version", b.getVersion().toString());
            text(doc, e, "id", Long.toString(b.getBundleId()));
            text(doc, e, "state", state(b.getState()));
            root.appendChild(e);
        }
        return SecureXml.serialize(doc);
    }

    /** One deployment package: its name, version and bundles (name and version each). */
    static byte[] packages(String name, String version, List<Bundle> bundles) {
        Document doc = SecureXml.newDocument();
        Element root = doc.createElement("packages");
        doc.appendChild(root);
        Element pkg = doc.createElement("package");
        text(doc, pkg, "name", name);
        text(doc, pkg, "version", version);
        Element list = doc.createElement("bundles");
        for (Bundle b : bundles) {
            Element e = doc.createElement("bundle");
            text(doc, e, "name", b.getSymbolicName());
            text(doc, e, "version", b.getVersion().toString());
            list.appendChild(e);
        }
        pkg.appendChild(list);
        root.appendChild(pkg);
        return SecureXml.serialize(doc);
    }

    /** Kura's names of bundle states. */
    static String state(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> String.valueOf(state);
        };
    }

    private static void text(Document doc, Element parent, String name, String value) {
        Element e = doc.createElement(name);
        e.setTextContent(value == null ? "" : value);
        parent.appendChild(e);
    }
}
