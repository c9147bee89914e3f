package io.redflag.service.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP edge.
 *
 * @param maxBodySize the largest request body accepted anywhere (the Outbound Message endpoint has its own,
 *                    redflag.outbound-messages.max-body-size); larger ones are answered 413 unread
 */
@ConfigurationProperties("redflag.http")
public record HttpProperties(@DefaultValue("256KB") DataSize maxBodySize) {

    public HttpProperties {
        if (maxBodySize.toBytes() < 1024) {
            throw new IllegalArgumentException("redflag.http.max-body-size = " + maxBodySize + " is too small;"
                    + " expected 1KB or more, e.g. 256KB");
        }
    }
}
