package io.redflag.service.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.connector.intake.PollSchedule;
import io.redflag.connector.intake.outbound.ForeignOrgException;
import io.redflag.connector.intake.outbound.MalformedMessageException;
import io.redflag.connector.intake.outbound.OutboundMessage;
import io.redflag.connector.intake.outbound.OutboundMessageParser;
import io.redflag.connector.intake.outbound.OutboundMessageSource;
import io.redflag.service.cluster.LeaderWork;
import io.redflag.service.store.NotificationQueue;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /crm/outbound-messages?token=…}: where the org's Outbound Message actions deliver. Salesforce
 * cannot add headers, so the admin puts the secret token in the endpoint URL; it is compared in constant
 * time, and without a configured token the endpoint answers 404. A message is acknowledged ({@code
 * <Ack>true</Ack>}) only after its records are committed; a rejection (wrong token, another org, too large,
 * malformed, a DTD) is answered 4xx and a failure to read or store 500, each logged in one line without the
 * body, and Salesforce delivers it again later. Every replica serves this endpoint: one that does not lead
 * queues the notifications in the store (acknowledged once committed) and the leader takes them in.
 */
@RestController
class OutboundMessageEndpoint {
    private static final Logger log = LoggerFactory.getLogger(OutboundMessageEndpoint.class);
    static final String PATH = "/crm/outbound-messages";
    /** Messages by outcome: acknowledged, refused (4xx), failed (5xx, to be delivered again). */
    static final String MESSAGES = "redflag.intake.outbound.messages";
    /**
     * Notifications of acknowledged messages by outcome: stored, duplicate (stored before), ignored, queued (by a
     * replica that does not lead, for the leader; counted again as stored when the leader takes them in).
     */
    static final String NOTIFICATIONS = "redflag.intake.outbound.notifications";
    private static final MediaType SOAP = MediaType.parseMediaType("text/xml; charset=utf-8");

    private final OutboundMessagesProperties properties;
    private final OutboundMessageSource source;
    private final OutboundMessageParser parser = new OutboundMessageParser();
    private final PollSchedule schedule;
    private final MessageChannel changedAccounts;
    private final MeterRegistry meters;
    private final LeaderWork work;
    private final NotificationQueue queue;

    OutboundMessageEndpoint(OutboundMessagesProperties properties, OutboundMessageSource source,
            PollSchedule schedule, @Qualifier("changedAccounts") MessageChannel changedAccounts, MeterRegistry meters,
            LeaderWork work, NotificationQueue queue) {
        this.properties = properties;
        this.work = work;
        this.queue = queue;
        this.source = source;
        this.schedule = schedule;
        this.changedAccounts = changedAccounts;
        this.meters = meters;
    }

    @PostMapping(PATH)
    ResponseEntity<String> receive(@RequestParam(name = "token", required = false) String token,
            HttpServletRequest request) {
        if (!properties.enabled()) {
            return ResponseEntity.notFound().build();
        }
        String from = request.getRemoteAddr();
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                properties.token().trim().getBytes(StandardCharsets.UTF_8))) {
            log.warn("Outbound Message from {} refused: {} token", from, token == null ? "no" : "a wrong");
            return fault(HttpStatus.UNAUTHORIZED, "the token in the endpoint URL is missing or wrong");
        }
        long limit = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            log.warn("Outbound Message from {} refused: {} bytes, more than the {} allowed", from,
                    request.getContentLengthLong(), limit);
            return fault(HttpStatus.CONTENT_TOO_LARGE, "the message is larger than " + limit + " bytes");
        }
        OutboundMessage message;
        try {
            byte[] body = readAtMost(request.getInputStream(), limit);
            if (body == null) {
                log.warn("Outbound Message from {} refused: more than the {} bytes allowed", from, limit);
                return fault(HttpStatus.CONTENT_TOO_LARGE, "the message is larger than " + limit + " bytes");
            }
            message = parser.parse(new ByteArrayInputStream(body));
        } catch (MalformedMessageException e) {
            log.warn("Outbound Message from {} refused: {}", from, e.getMessage());
            return fault(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (IOException e) {
            log.warn("Outbound Message from {}: the body could not be read ({})", from, e.getMessage());
            return fault(HttpStatus.BAD_REQUEST, "the body could not be read");
        }
        OutboundMessageSource.Received received = null;
        int queued = 0;
        try {
            if (work.mayGoOn()) {
                received = source.receive(message);
            } else {
                // Not the leader: queued in the store, where the leader takes the records in; acknowledged once
                // committed, so nothing acknowledged can be lost.
                source.checkOrg(message);
                queued = queue.enqueue(message);
            }
        } catch (ForeignOrgException e) {
            log.warn("Outbound Message {} from {} refused: {}", message.actionId(), from, e.getMessage());
            return fault(HttpStatus.FORBIDDEN, "the message comes from another org");
        } catch (RuntimeException e) {
            log.warn("Outbound Message {} ({} notifications) not acknowledged, Salesforce will deliver it again: {}",
                    message.actionId(), message.notifications().size(), e.getMessage());
            return fault(HttpStatus.INTERNAL_SERVER_ERROR, "the records could not be read or stored; try again");
        }
        meters.counter(MESSAGES, "outcome", "acknowledged").increment();
        if (received == null) {
            notifications("queued", queued);
            log.info("Outbound Message {}: {} notifications queued for the leader ({} stored or queued before)",
                    message.actionId(), queued, message.notifications().size() - queued);
            return ResponseEntity.ok().contentType(SOAP).body(SoapAnswers.ACK);
        }
        received.entities().forEach(schedule::pushed);
        notifications("stored", received.stored());
        notifications("duplicate", received.duplicates());
        notifications("ignored", received.ignored());
        meters.counter("redflag.intake.outbound.calls").increment(received.calls());
        received.changedAccounts().forEach(id -> changedAccounts.send(MessageBuilder.withPayload(id).build()));
        log.info("Outbound Message {}: {} notifications stored, {} already stored, {} ignored; {} accounts changed",
                message.actionId(), received.stored(), received.duplicates(), received.ignored(),
                received.changedAccounts().size());
        return ResponseEntity.ok().contentType(SOAP).body(SoapAnswers.ACK);
    }

    /** The whole body, or null when it is longer than {@code limit}. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return body.length > limit ? null : body;
    }

    private void notifications(String outcome, int count) {
        meters.counter(NOTIFICATIONS, "outcome", outcome).increment(count);
    }

    private ResponseEntity<String> fault(HttpStatus status, String reason) {
        meters.counter(MESSAGES, "outcome", status.is5xxServerError() ? "failed" : "refused").increment();
        return ResponseEntity.status(status).contentType(SOAP).body(SoapAnswers.fault(status.is5xxServerError(),
                reason));
    }
}
