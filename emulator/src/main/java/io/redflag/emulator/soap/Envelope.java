package io.redflag.emulator.soap;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** SOAP 1.1 envelopes in the Partner API's namespaces: reading requests, wrapping responses. */
final class Envelope {
    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    static final String PARTNER_NS = "urn:partner.soap.sforce.com";
    static final String SOBJECT_NS = "urn:sobject.partner.soap.sforce.com";

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(Envelope::newBuilder);

    private Envelope() {
    }

    /** A parsed request: its SOAP headers and the operation element (the body's first child). */
    record Request(Element header, Element operation) {
        String operationName() {
            return operation.getLocalName();
        }

        /** The text of a header's child, e.g. header("SessionHeader", "sessionId"); null if absent. */
        String header(String headerName, String child) {
            if (header == null) {
                return null;
            }
            Element h = child(header, headerName);
            Element c = h == null ? null : child(h, child);
            return c == null ? null : c.getTextContent().trim();
        }
    }

    static Request parse(InputStream body) {
        Document doc;
        try {
            doc = BUILDER.get().parse(body);
        } catch (SAXException | IOException e) {
            throw SoapFault.client("The request is not well-formed XML: " + e.getMessage());
        }
        Element envelope = doc.getDocumentElement();
        if (!"Envelope".equals(envelope.getLocalName()) || !SOAP_NS.equals(envelope.getNamespaceURI())) {
            throw SoapFault.client("Expected a SOAP 1.1 Envelope, found " + envelope.getNodeName());
        }
        Element header = child(envelope, "Header");
        Element body2 = child(envelope, "Body");
        List<Element> ops = body2 == null ? List.of() : children(body2);
        if (ops.isEmpty()) {
            throw SoapFault.client("The SOAP Body holds no operation");
        }
        return new Request(header, ops.get(0));
    }

    /** Starts a response envelope with the LimitInfoHeader every Partner API response carries. */
    static XmlOut begin(int capacity, long apiCurrent, long apiLimit) {
        XmlOut x = new XmlOut(capacity);
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"").raw(SOAP_NS)
                .raw("\" xmlns=\"").raw(PARTNER_NS).raw("\" xmlns:xsi=\"").raw(XSI_NS)
                .raw("\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:sf=\"").raw(SOBJECT_NS)
                .raw("\"><soapenv:Header><LimitInfoHeader><limitInfo>")
                .element("current", apiCurrent).element("limit", apiLimit).element("type", "API REQUESTS")
                .raw("</limitInfo></LimitInfoHeader></soapenv:Header><soapenv:Body>");
        return x;
    }

    static void end(XmlOut x) {
        x.raw("</soapenv:Body></soapenv:Envelope>");
    }

    static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? null : e.getTextContent();
    }

    static boolean isNil(Element e) {
        return "true".equals(e.getAttributeNS(XSI_NS, "nil"));
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // Requests come from the network: no DTDs, no external entities.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
