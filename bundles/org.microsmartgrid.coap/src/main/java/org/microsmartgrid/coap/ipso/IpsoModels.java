package org.microsmartgrid.coap.ipso;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The IPSO object definitions the module serves, read from OMA's definition files (DDF XML). The files are not ours:
 * the build takes them from Eclipse Leshan's artifact on Maven Central ({@code leshan-server-demo}, folder
 * {@code models/}) and packs them into this bundle under {@code ipso/models/}, so the numbers, names, types and units
 * a generic LwM2M tool expects come from the same source as that tool's.
 */
public final class IpsoModels {

    /** Power Measurement: grid, PV, battery and each socket. */
    public static final int POWER_MEASUREMENT = 3305;
    /** Actuation: each socket's enable. */
    public static final int ACTUATION = 3306;

    private IpsoModels() {
    }

    /** The definition packed in this bundle for an object number. */
    public static ObjectModel load(int objectId) {
        String path = "/ipso/models/" + objectId + ".xml";
        try (InputStream in = IpsoModels.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("the IPSO definition " + path + " is not in the bundle");
            return parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Parses one DDF document (one object). External entities and DTDs are refused. */
    public static ObjectModel parse(InputStream ddf) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            doc = b.parse(ddf);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not an LwM2M object definition: " + e.getMessage(), e);
        }
        Element object = first(doc.getDocumentElement(), "Object");
        int id = Integer.parseInt(text(object, "ObjectID"));
        Map<Integer, ObjectModel.ResourceModel> resources = new HashMap<>();
        NodeList items = first(object, "Resources").getElementsByTagName("Item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            int rid = Integer.parseInt(item.getAttribute("ID").trim());
            resources.put(rid, new ObjectModel.ResourceModel(rid, text(item, "Name"), text(item, "Operations"),
                    text(item, "Type"), text(item, "Units")));
        }
        return new ObjectModel(id, text(object, "Name"), text(object, "ObjectURN"), resources);
    }

    private static Element first(Element parent, String tag) throws IOException {
        NodeList list = parent.getElementsByTagName(tag);
        if (list.getLength() == 0) throw new IOException("not an LwM2M object definition: no <" + tag + ">");
        return (Element) list.item(0);
    }

    private static String text(Element parent, String tag) throws IOException {
        return first(parent, tag).getTextContent().trim();
    }
}
