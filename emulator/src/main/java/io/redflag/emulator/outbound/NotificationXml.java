package io.redflag.emulator.outbound;

import io.redflag.emulator.schema.FieldValues;
import io.redflag.emulator.store.SRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The SOAP 1.1 body of an Outbound Message, as the outbound messaging WSDL defines it: {@code notifications}
 * in {@value #NS} with OrganizationId, ActionId, SessionId (nillable), EnterpriseUrl, PartnerUrl and up to
 * 100 Notification elements, each an Id and an {@code sObject} of the enterprise sObject namespace holding
 * the chosen fields in the enterprise API's text form (nulls left out). Also reads the listener's answer.
 */
final class NotificationXml {
    static final String NS = "http://soap.sforce.com/2005/09/outbound";
    static final String SOBJECT_NS = "urn:sobject.enterprise.soap.sforce.com";
    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    /** What the message is about: the org, the action, the callback URLs. */
    record Header(String organizationId, String actionId, String sessionId, String enterpriseUrl,
            String partnerUrl) {
    }

    /** One notification: its id, the record's object and id, and its latest version (null once purged). */
    record Item(String notificationId, String object, String recordId, SRecord latest) {
    }

    private NotificationXml() {
    }

    static byte[] envelope(Header h, List<String> fields, List<Item> items) {
        StringBuilder x = new StringBuilder(512 + items.size() * 64 * (fields.size() + 2));
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soapenv:Envelope xmlns:soapenv=\"").append(SOAP_NS)
                .append("\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"").append(XSI_NS).append("\">")
                .append("<soapenv:Body><notifications xmlns=\"").append(NS).append("\">");
        element(x, "OrganizationId", h.organizationId());
        element(x, "ActionId", h.actionId());
        if (h.sessionId() == null) {
            x.append("<SessionId xsi:nil=\"true\"/>");
        } else {
            element(x, "SessionId", h.sessionId());
        }
        element(x, "EnterpriseUrl", h.enterpriseUrl());
        element(x, "PartnerUrl", h.partnerUrl());
        for (Item item : items) {
            x.append("<Notification>");
            element(x, "Id", item.notificationId());
            x.append("<sObject xsi:type=\"sf:").append(item.object()).append("\" xmlns:sf=\"").append(SOBJECT_NS)
                    .append("\">");
            element(x, "sf:Id", item.recordId());
            // A record deleted and purged before sending: the notification carries no data beyond its Id.
            if (item.latest() != null) {
                for (String field : fields) {
                    if (!field.equals("Id")) {
                        String value = FieldValues.format(item.latest().get(field));
                        if (value != null) {
                            element(x, "sf:" + field, value);
                        }
                    }
                }
            }
            x.append("</sObject></Notification>");
        }
        x.append("</notifications></soapenv:Body></soapenv:Envelope>");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** True only for a SOAP body {@code notificationsResponse} (outbound namespace) whose Ack is true. */
    static boolean acknowledged(byte[] body) {
        if (body == null || body.length == 0) {
            return false;
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
            Element soapBody = child(root, SOAP_NS, "Body");
            Element response = soapBody == null ? null : child(soapBody, NS, "notificationsResponse");
            Element ack = response == null ? null : child(response, null, "Ack");
            return ack != null && ack.getTextContent().trim().equals("true");
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return false;
        }
    }

    private static Element child(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())
                    && (ns == null || ns.equals(e.getNamespaceURI()))) {
                return e;
            }
        }
        return null;
    }

    private static void element(StringBuilder x, String tag, String text) {
        x.append('<').append(tag).append('>');
        escape(x, text);
        x.append("</").append(tag).append('>');
    }

    private static void escape(StringBuilder x, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> x.append("&lt;");
                case '>' -> x.append("&gt;");
                case '&' -> x.append("&amp;");
                case '"' -> x.append("&quot;");
                case '\r' -> x.append("&#13;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        x.append(c);
                    }
                }
            }
        }
    }
}
