package org.microsmartgrid.cloud.management.conf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The JDK's DOM, hardened: bodies come from the network, so no DTD (hence no entity expansion, no XXE), no external
 * schema or stylesheet, no XInclude. Also used for bundles' own metatype files.
 */
public final class SecureXml {

    private SecureXml() {
    }

    // built once: looking a factory up (service loader, class path scan) costed more than the parse itself, and a
    // CONF-V1 GET parsed every metatype file of every bundle. Factories are not thread-safe: used under their lock.
    private static final DocumentBuilderFactory DOCUMENTS;
    private static final TransformerFactory TRANSFORMERS;

    static {
        try {
            DOCUMENTS = factory();
            TRANSFORMERS = TransformerFactory.newInstance();
            TRANSFORMERS.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            TRANSFORMERS.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            TRANSFORMERS.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        } catch (ParserConfigurationException | javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        synchronized (DOCUMENTS) {
            return DOCUMENTS.newDocumentBuilder();
        }
    }

    public static Document newDocument() {
        try {
            return builder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }

    /** Parses, namespace-aware. @throws IllegalArgumentException with the parser's reason, for a 400 */
    public static Document parse(byte[] xml) {
        try {
            DocumentBuilder builder = builder();
            builder.setErrorHandler(null); // no stderr noise: the exception carries the reason
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new IllegalArgumentException("malformed XML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot parse XML", e);
        }
    }

    public static byte[] serialize(Document doc) {
        try {
            Transformer t;
            synchronized (TRANSFORMERS) {
                t = TRANSFORMERS.newTransformer();
            }
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }
}
