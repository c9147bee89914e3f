package io.redflag.connector.intake.outbound;

import java.util.List;

/**
 * One Outbound Message as Salesforce sends it (namespace {@value #NAMESPACE}): the sending org, the action,
 * and up to 100 notifications, each naming one record. The fields a notification carries are not kept: the
 * records are read again through the mapping, so a message with only some fields loses nothing.
 */
public record OutboundMessage(String organizationId, String actionId, String partnerUrl,
        List<Notification> notifications) {

    public static final String NAMESPACE = "http://soap.sforce.com/2005/09/outbound";

    /** @param id the notification's own id (redeliveries repeat it); {@code object} from {@code xsi:type} */
    public record Notification(String id, String object, String recordId) {
    }

    public OutboundMessage {
        notifications = List.copyOf(notifications);
    }
}
