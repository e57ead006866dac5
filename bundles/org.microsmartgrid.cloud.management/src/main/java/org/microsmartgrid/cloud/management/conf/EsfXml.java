package org.microsmartgrid.cloud.management.conf;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Kura's CONF-V1 XML (the "esf" format Kapua's console reads and sends): configurations with their OCD and
 * properties, and the list of snapshot ids. Built and read with the JDK's DOM, never by string concatenation.
 */
public final class EsfXml {
    public static final String ESF_NS = "http://eurotech.com/esf/2.0";
    public static final String OCD_NS = "http://www.osgi.org/xmlns/metatype/v1.2.0";
    private static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";

    private EsfXml() {
    }

    public static byte[] write(List<ComponentConfiguration> configurations) {
        Document doc = SecureXml.newDocument();
        Element root = root(doc, "configurations");
        for (ComponentConfiguration c : configurations) {
            Element conf = esf(doc, "configuration");
            conf.setAttribute("pid", c.pid());
            if (c.definition() != null) conf.appendChild(ocd(doc, c.definition()));
            Element props = esf(doc, "properties");
            for (EsfProperty p : c.properties()) props.appendChild(property(doc, p));
            conf.appendChild(props);
            root.appendChild(conf);
        }
        return SecureXml.serialize(doc);
    }

    /** {@code <esf:snapshot-ids>} with one {@code <esf:snapshotIds>} per id, as Kura answers GET snapshots. */
    public static byte[] writeSnapshotIds(List<Long> ids) {
        Document doc = SecureXml.newDocument();
        Element root = root(doc, "snapshot-ids");
        for (Long id : ids) {
            Element e = esf(doc, "snapshotIds");
            e.setTextContent(Long.toString(id));
            root.appendChild(e);
        }
        return SecureXml.serialize(doc);
    }

    /**
     * Reads a PUT body (or a snapshot file). Elements are matched by local name within the esf namespace (or none,
     * for lenient senders); an OCD sent along is ignored: the module's own metatype is what counts.
     *
     * @throws IllegalArgumentException malformed XML or not a configurations document
     */
    public static List<ComponentConfiguration> read(byte[] xml) {
        if (xml.length == 0) throw new IllegalArgumentException("the request has no body: expected <esf:configurations>");
        Element root = SecureXml.parse(xml).getDocumentElement();
        if (!isEsf(root, "configurations"))
            throw new IllegalArgumentException("expected root element <esf:configurations xmlns:esf=\"" + ESF_NS
                    + "\">, got <" + root.getTagName() + ">");
        List<ComponentConfiguration> result = new ArrayList<>();
        for (Element conf : children(root, "configuration")) {
            String pid = conf.getAttribute("pid");
            if (pid.isBlank()) throw new IllegalArgumentException("an <esf:configuration> has no pid attribute");
            List<EsfProperty> properties = new ArrayList<>();
            for (Element props : children(conf, "properties")) {
                for (Element p : children(props, "property")) readProperty(pid, p).ifPresent(properties::add);
            }
            result.add(new ComponentConfiguration(pid, null, properties));
        }
        return result;
    }

    /**
     * One property; empty for a property with neither type nor value, which Kura's unmarshaller skips (its type is
     * null: XmlJavaComponentConfigurationsMapper.getType, XmlConfigPropertiesAdapter.unmarshal). Kapua marshals a
     * form field left empty that way (XmlPropertiesAdapter.marshal: no type for a null value), so an empty optional
     * field changes nothing, as on Kura. An encrypted password's values are Base64-decoded, as Kura does.
     */
    private static java.util.Optional<EsfProperty> readProperty(String pid, Element p) {
        String name = p.getAttribute("name");
        if (name.isBlank()) throw new IllegalArgumentException(pid + ": a property has no name attribute");
        String type = p.getAttribute("type");
        List<String> values = new ArrayList<>();
        for (Element v : children(p, "value")) values.add(v.getTextContent());
        if (type.isBlank()) {
            if (values.isEmpty()) return java.util.Optional.empty();
            throw new IllegalArgumentException(pid + "/" + name + ": a value without a type attribute");
        }
        boolean encrypted = Boolean.parseBoolean(p.getAttribute("encrypted"));
        if (encrypted && "Password".equals(type)) {
            try {
                values = values.stream().map(PropertyValues::decodeEncrypted).toList();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(pid + "/" + name + ": " + e.getMessage());
            }
        }
        return java.util.Optional.of(new EsfProperty(name, type, Boolean.parseBoolean(p.getAttribute("array")),
                encrypted, values));
    }

    private static Element ocd(Document doc, ObjectClass oc) {
        Element ocd = doc.createElementNS(OCD_NS, "ocd:OCD");
        ocd.setAttribute("id", oc.id());
        ocd.setAttribute("name", nullToEmpty(oc.name()));
        ocd.setAttribute("description", nullToEmpty(oc.description()));
        for (AttributeInfo a : oc.attributes()) {
            Element ad = doc.createElementNS(OCD_NS, "ocd:AD");
            ad.setAttribute("id", a.id());
            ad.setAttribute("name", nullToEmpty(a.name()));
            ad.setAttribute("type", a.type());
            ad.setAttribute("cardinality", Integer.toString(a.cardinality()));
            ad.setAttribute("required", Boolean.toString(a.required()));
            if (!a.defaults().isEmpty()) ad.setAttribute("default", String.join(",", a.defaults()));
            ad.setAttribute("description", nullToEmpty(a.description()));
            if (a.min() != null) ad.setAttribute("min", a.min());
            if (a.max() != null) ad.setAttribute("max", a.max());
            for (AttributeInfo.Option o : a.options()) {
                Element opt = doc.createElementNS(OCD_NS, "ocd:Option");
                opt.setAttribute("label", nullToEmpty(o.label()));
                opt.setAttribute("value", o.value());
                ad.appendChild(opt);
            }
            ocd.appendChild(ad);
        }
        return ocd;
    }

    private static Element property(Document doc, EsfProperty p) {
        Element e = esf(doc, "property");
        e.setAttribute("name", p.name());
        e.setAttribute("array", Boolean.toString(p.array()));
        e.setAttribute("encrypted", Boolean.toString(p.encrypted()));
        e.setAttribute("type", p.type());
        for (String v : p.values()) {
            Element value = esf(doc, "value");
            value.setTextContent(v);
            e.appendChild(value);
        }
        return e;
    }

    private static Element root(Document doc, String localName) {
        Element root = esf(doc, localName);
        root.setAttributeNS(XMLNS_NS, "xmlns:esf", ESF_NS);
        root.setAttributeNS(XMLNS_NS, "xmlns:ocd", OCD_NS);
        doc.appendChild(root);
        return root;
    }

    private static Element esf(Document doc, String localName) {
        return doc.createElementNS(ESF_NS, "esf:" + localName);
    }

    private static boolean isEsf(Element e, String localName) {
        String ns = e.getNamespaceURI();
        return localName.equals(e.getLocalName()) && (ns == null || ESF_NS.equals(ns));
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && isEsf(e, localName)) result.add(e);
        }
        return result;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
