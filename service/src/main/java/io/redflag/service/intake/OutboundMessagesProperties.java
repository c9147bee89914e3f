package io.redflag.service.intake;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The Outbound Message endpoint ({@code redflag.outbound-messages.*}).
 *
 * @param token       the secret in the endpoint URL ({@code REDFLAG_OUTBOUND_MESSAGES_TOKEN}); blank: the
 *                    endpoint is off
 * @param objects     the CRM objects the org sends Outbound Messages for: polls only reconcile them
 * @param maxBodySize the largest message accepted (100 notifications of a few fields each fit easily)
 */
@ConfigurationProperties("redflag.outbound-messages")
public record OutboundMessagesProperties(String token, @DefaultValue("") List<String> objects,
        @DefaultValue("1MB") DataSize maxBodySize) {

    /** A token shorter than this is too easy to guess for an endpoint open to the internet. */
    static final int MIN_TOKEN_LENGTH = 16;

    public OutboundMessagesProperties {
        objects = objects == null ? List.of() : objects.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        if (enabled(token) && token.trim().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("redflag.outbound-messages.token (REDFLAG_OUTBOUND_MESSAGES_TOKEN) has "
                    + token.trim().length() + " characters; use at least " + MIN_TOKEN_LENGTH
                    + " random ones, for example from: openssl rand -hex 24");
        }
        if (maxBodySize == null || maxBodySize.toBytes() < 1024) {
            throw new IllegalArgumentException("redflag.outbound-messages.max-body-size = " + maxBodySize
                    + " must be at least 1KB, for example 1MB");
        }
    }

    public boolean enabled() {
        return enabled(token);
    }

    private static boolean enabled(String token) {
        return token != null && !token.isBlank();
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "OutboundMessagesProperties[token=" + (enabled() ? "(set)" : "(none)") + ", objects=" + objects
                + ", maxBodySize=" + maxBodySize + "]";
    }
}
