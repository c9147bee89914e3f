package io.redflag.service.crm;

import io.redflag.emulator.outbound.OutboundRule;
import io.redflag.service.intake.OutboundMessagesProperties;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In the demo, does what an admin does in Salesforce: once the web server listens, the embedded org sends
 * Outbound Messages for the objects in {@code redflag.outbound-messages.objects} to this service's endpoint,
 * with the configured token in the URL. Without a token or objects, or against a real org, it does nothing.
 */
@Component
class DemoOutboundMessages {
    private static final Logger log = LoggerFactory.getLogger(DemoOutboundMessages.class);
    private final DemoOrg demo;
    private final OutboundMessagesProperties properties;

    DemoOutboundMessages(DemoOrg demo, OutboundMessagesProperties properties) {
        this.demo = demo;
        this.properties = properties;
    }

    @EventListener
    void listening(WebServerInitializedEvent event) {
        if (demo.emulator() == null || !properties.enabled() || properties.objects().isEmpty()) {
            return;
        }
        URI endpoint = URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + "/crm/outbound-messages?token="
                + URLEncoder.encode(properties.token().trim(), StandardCharsets.UTF_8));
        // Only the Id: Redflag reads the records again through its mapping whatever a message carries.
        demo.emulator().outboundMessages().rules(properties.objects().stream()
                .map(object -> new OutboundRule(object, List.of("Id"), endpoint)).toList());
        log.info("Demo org: Outbound Messages for {} go to this service", properties.objects());
    }
}
