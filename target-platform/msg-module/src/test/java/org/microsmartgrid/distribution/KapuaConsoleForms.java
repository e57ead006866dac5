package org.microsmartgrid.distribution;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What Eclipse Kapua's console does with a CONF-V1 form, step by step, so that a test sends the module exactly the
 * body a technician's Apply sends (read in eclipse-kapua/kapua):
 * <ol>
 * <li>the device's XML is read by KuraXmlConfigPropertiesAdapter; an encrypted password is Base64-decoded leniently
 * (DatatypeConverter.parseBase64Binary skips what is not Base64: the old mask "********" became "");</li>
 * <li>GwtDeviceManagementServiceImpl.findDeviceConfigurations fills each attribute of the OCD: one value for
 * cardinality 0/1/-1 (a password as a placeholder), else the array's values;</li>
 * <li>DeviceConfigPanel paints min(cardinality, 10) fields for an array and, on Apply, getUpdatedConfiguration
 * reads them back: a text or password field gives its text or "", an empty number field null (left out of an
 * array), a boolean "true"/"false";</li>
 * <li>updateComponentConfiguration leaves out a single password still showing the placeholder and turns the text
 * into typed values (null stays null);</li>
 * <li>KuraXmlConfigPropertiesAdapter (XmlPropertiesAdapter.marshal) writes each value: a null as a property with
 * no type and no value, a password Base64 with encrypted="true".</li>
 * </ol>
 */
final class KapuaConsoleForms {
    static final String ESF = "http://eurotech.com/esf/2.0";
    static final String OCD = "http://www.osgi.org/xmlns/metatype/v1.2.0";
    private static final String PLACEHOLDER = "You won't know this secret! :P";

    record Attribute(String id, String type, int cardinality, Map<String, String> options) {
        boolean single() {
            return cardinality == 0 || cardinality == 1 || cardinality == -1;
        }
    }

    /** One component as the console holds it: its attributes and what each field shows. */
    record Form(String pid, List<Attribute> attributes, Map<String, String> value, Map<String, List<String>> values) {
    }

    private KapuaConsoleForms() {
    }

    /** Steps 1 and 2: the forms of a GET configurations answer (components without an OCD are not shown). */
    static List<Form> read(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        List<Form> forms = new ArrayList<>();
        NodeList confs = doc.getElementsByTagNameNS(ESF, "configuration");
        for (int i = 0; i < confs.getLength(); i++) {
            Element conf = (Element) confs.item(i);
            NodeList ocds = conf.getElementsByTagNameNS(OCD, "OCD");
            if (ocds.getLength() == 0) continue;
            Map<String, List<String>> stored = new LinkedHashMap<>();
            NodeList props = conf.getElementsByTagNameNS(ESF, "property");
            for (int j = 0; j < props.getLength(); j++) {
                Element p = (Element) props.item(j);
                List<String> vs = new ArrayList<>();
                NodeList v = p.getElementsByTagNameNS(ESF, "value");
                boolean decode = "Password".equals(p.getAttribute("type")) && "true".equals(p.getAttribute("encrypted"));
                for (int k = 0; k < v.getLength(); k++) {
                    String text = v.item(k).getTextContent();
                    vs.add(decode && !text.isEmpty() ? new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8) : text);
                }
                stored.put(p.getAttribute("name"), vs);
            }
            List<Attribute> attributes = new ArrayList<>();
            Map<String, String> value = new LinkedHashMap<>();
            Map<String, List<String>> values = new LinkedHashMap<>();
            NodeList ads = ((Element) ocds.item(0)).getElementsByTagNameNS(OCD, "AD");
            for (int j = 0; j < ads.getLength(); j++) {
                Element ad = (Element) ads.item(j);
                Map<String, String> options = new LinkedHashMap<>();
                NodeList opts = ad.getElementsByTagNameNS(OCD, "Option");
                for (int k = 0; k < opts.getLength(); k++)
                    options.put(((Element) opts.item(k)).getAttribute("label"), ((Element) opts.item(k)).getAttribute("value"));
                Attribute a = new Attribute(ad.getAttribute("id"), ad.getAttribute("type"),
                        Integer.parseInt(ad.getAttribute("cardinality")), options);
                attributes.add(a);
                List<String> s = stored.get(a.id());
                if (s == null || s.isEmpty()) continue;
                if (a.single()) value.put(a.id(), "Password".equals(a.type()) ? PLACEHOLDER : s.get(0));
                else values.put(a.id(), s);
            }
            forms.add(new Form(conf.getAttribute("pid"), attributes, value, values));
        }
        return forms;
    }

    /** Steps 3 to 5: the PUT body of Apply, with some fields retyped by the technician (id → text). */
    static String apply(Form form, Map<String, String> typed) {
        StringBuilder props = new StringBuilder();
        for (Attribute a : form.attributes()) {
            if (a.single()) {
                String text = typed.containsKey(a.id()) ? typed.get(a.id()) : field(a, form.value().get(a.id()));
                if ("Password".equals(a.type()) && PLACEHOLDER.equals(text)) continue;
                props.append(property(a, text == null ? null : List.of(text), false));
            } else {
                List<String> shown = form.values().getOrDefault(a.id(), List.of());
                List<String> sent = new ArrayList<>();
                for (int i = 0; i < Math.min(a.cardinality(), 10); i++) {
                    String t = field(a, i < shown.size() ? shown.get(i) : null);
                    if (t != null) sent.add(t);
                }
                props.append(property(a, sent, true));
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><esf:configurations xmlns:esf=\"" + ESF
                + "\" xmlns:ocd=\"" + OCD + "\"><esf:configuration pid=\"" + xml(form.pid()) + "\"><esf:properties>"
                + props + "</esf:properties></esf:configuration></esf:configurations>";
    }

    /** What a field gives back on Apply for what it shows (DeviceConfigPanel.getUpdatedFieldConfiguration). */
    private static String field(Attribute a, String shown) {
        if (!a.options().isEmpty()) return shown; // a combo: the option's value for the label it shows
        return switch (a.type()) {
            case "Long", "Integer", "Short", "Byte" -> shown == null ? null : String.valueOf(Long.parseLong(shown.trim()));
            case "Double" -> shown == null ? null : String.valueOf(Double.parseDouble(shown.trim()));
            case "Float" -> shown == null ? null : String.valueOf(Float.parseFloat(shown.trim()));
            case "Boolean" -> Boolean.toString(Boolean.parseBoolean(shown));
            default -> shown == null ? "" : shown;
        };
    }

    private static String property(Attribute a, List<String> texts, boolean array) {
        if (texts == null) // XmlPropertiesAdapter.marshal: a null value has no type to write
            return "<esf:property array=\"false\" encrypted=\"false\" name=\"" + xml(a.id()) + "\"/>";
        boolean password = "Password".equals(a.type());
        StringBuilder b = new StringBuilder("<esf:property array=\"" + array + "\" encrypted=\"" + password
                + "\" name=\"" + xml(a.id()) + "\" type=\"" + a.type() + "\">");
        for (String t : texts) {
            String v = password ? Base64.getEncoder().encodeToString(t.getBytes(StandardCharsets.UTF_8)) : t;
            b.append("<esf:value>").append(xml(v)).append("</esf:value>");
        }
        return b.append("</esf:property>").toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;").replace(">", "&gt;");
    }
}
