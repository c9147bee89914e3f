package io.redflag.emulator.outbound;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** A received Outbound Message read with a namespace-aware parser, each element checked by namespace. */
record Notifications(String organizationId, String actionId, String sessionId, boolean sessionNil,
        String enterpriseUrl, String partnerUrl, List<Item> items) {

    static final String OM = "http://soap.sforce.com/2005/09/outbound";
    static final String SF = "urn:sobject.enterprise.soap.sforce.com";
    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** One Notification: its id, the sObject's xsi:type and its fields in document order. */
    record Item(String id, String xsiType, Map<String, String> fields) {
        String recordId() {
            return fields.get("Id");
        }
    }

    static Notifications parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Element env = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            check(env, SOAP, "Envelope");
            List<Element> envChildren = children(env);
            Element body = envChildren.get(envChildren.size() - 1);
            check(body, SOAP, "Body");
            Element n = only(body);
            check(n, OM, "notifications");
            List<Element> c = children(n);
            String[] head = {"OrganizationId", "ActionId", "SessionId", "EnterpriseUrl", "PartnerUrl"};
            for (int i = 0; i < head.length; i++) {
                check(c.get(i), OM, head[i]);
            }
            List<Item> items = new ArrayList<>();
            for (Element e : c.subList(head.length, c.size())) {
                check(e, OM, "Notification");
                List<Element> parts = children(e);
                if (parts.size() != 2) {
                    throw new AssertionError("a Notification holds Id and sObject, not " + parts.size() + " elements");
                }
                check(parts.get(0), OM, "Id");
                Element so = parts.get(1);
                check(so, OM, "sObject");
                Map<String, String> fields = new LinkedHashMap<>();
                for (Element field : children(so)) {
                    if (!SF.equals(field.getNamespaceURI())) {
                        throw new AssertionError("field " + field.getLocalName() + " in namespace "
                                + field.getNamespaceURI());
                    }
                    fields.put(field.getLocalName(), field.getTextContent());
                }
                items.add(new Item(parts.get(0).getTextContent(), so.getAttributeNS(XSI, "type"), fields));
            }
            Element session = c.get(2);
            return new Notifications(c.get(0).getTextContent(), c.get(1).getTextContent(), session.getTextContent(),
                    "true".equals(session.getAttributeNS(XSI, "nil")), c.get(3).getTextContent(),
                    c.get(4).getTextContent(), items);
        } catch (Exception e) {
            throw new AssertionError("not a notifications message: " + e.getMessage() + "\n" + xml, e);
        }
    }

    List<String> ids() {
        return items.stream().map(Item::id).toList();
    }

    List<String> recordIds() {
        return items.stream().map(Item::recordId).toList();
    }

    private static void check(Element e, String ns, String name) {
        if (!name.equals(e.getLocalName()) || !ns.equals(e.getNamespaceURI())) {
            throw new AssertionError("expected {" + ns + "}" + name + ", found {" + e.getNamespaceURI() + "}"
                    + e.getLocalName());
        }
    }

    private static Element only(Element parent) {
        List<Element> c = children(parent);
        if (c.size() != 1) {
            throw new AssertionError(parent.getLocalName() + " holds " + c.size() + " elements, expected one");
        }
        return c.get(0);
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
}
