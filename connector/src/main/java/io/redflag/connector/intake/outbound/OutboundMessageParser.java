package io.redflag.connector.intake.outbound;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a SOAP 1.1 {@code notifications} message with StAX: DTDs are refused outright (no external entity,
 * no entity expansion can happen), elements outside the expected shape are skipped, and every notification
 * must carry its own id, an {@code sObject} typed {@code sf:<Object>} and the record's {@code Id}.
 */
public final class OutboundMessageParser {
    /** Salesforce sends at most 100 notifications per message. */
    public static final int MAX_NOTIFICATIONS = 100;
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private final XMLInputFactory factory;

    public OutboundMessageParser() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    }

    /** @throws MalformedMessageException naming what is wrong */
    public OutboundMessage parse(InputStream body) {
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(body);
            return read(xml);
        } catch (XMLStreamException e) {
            throw new MalformedMessageException("not well-formed XML (" + firstLine(e.getMessage()) + ")", e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read
                }
            }
        }
    }

    private static OutboundMessage read(XMLStreamReader xml) throws XMLStreamException {
        String org = null;
        String action = null;
        String partnerUrl = null;
        boolean inNotifications = false;
        List<OutboundMessage.Notification> notifications = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new MalformedMessageException("a DTD is not allowed in an Outbound Message");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new MalformedMessageException("entity references are not allowed in an Outbound Message");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String ns = xml.getNamespaceURI();
            String name = xml.getLocalName();
            if (!inNotifications) {
                inNotifications = OutboundMessage.NAMESPACE.equals(ns) && name.equals("notifications");
                continue;
            }
            if (!OutboundMessage.NAMESPACE.equals(ns)) {
                continue;
            }
            switch (name) {
                case "OrganizationId" -> org = xml.getElementText().trim();
                case "ActionId" -> action = xml.getElementText().trim();
                case "PartnerUrl" -> partnerUrl = xml.getElementText().trim();
                case "Notification" -> {
                    if (notifications.size() == MAX_NOTIFICATIONS) {
                        throw new MalformedMessageException("more than " + MAX_NOTIFICATIONS
                                + " notifications in one message");
                    }
                    notifications.add(notification(xml));
                }
                default -> {
                    // EnterpriseUrl, SessionId: not needed
                }
            }
        }
        if (!inNotifications) {
            throw new MalformedMessageException("no notifications element in namespace " + OutboundMessage.NAMESPACE);
        }
        if (org == null || !ID.matcher(org).matches()) {
            throw new MalformedMessageException("no valid OrganizationId");
        }
        return new OutboundMessage(org, action, partnerUrl, notifications);
    }

    /** Reads one Notification element up to its end tag. */
    private static OutboundMessage.Notification notification(XMLStreamReader xml) throws XMLStreamException {
        String id = null;
        String object = null;
        String recordId = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new MalformedMessageException("entity references are not allowed in an Outbound Message");
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (depth == 1 && name.equals("Id")) {
                    id = xml.getElementText().trim();
                } else if (depth == 1 && name.equals("sObject")) {
                    object = objectType(xml);
                    depth++;
                } else if (depth == 2 && name.equals("Id")) {
                    recordId = xml.getElementText().trim();
                } else {
                    depth++;
                }
            }
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new MalformedMessageException("a Notification without a valid Id");
        }
        if (object == null) {
            throw new MalformedMessageException("notification " + id + ": its sObject has no xsi:type");
        }
        if (recordId == null || !ID.matcher(recordId).matches()) {
            throw new MalformedMessageException("notification " + id + ": its sObject has no valid Id");
        }
        return new OutboundMessage.Notification(id, object, recordId);
    }

    /** {@code xsi:type="sf:Contact"} → Contact. */
    private static String objectType(XMLStreamReader xml) {
        String type = xml.getAttributeValue(XSI, "type");
        if (type == null || type.isBlank()) {
            return null;
        }
        String local = type.substring(type.indexOf(':') + 1).trim();
        return local.matches("[A-Za-z][A-Za-z0-9_]*") ? local : null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
