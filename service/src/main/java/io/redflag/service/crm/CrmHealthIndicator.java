package io.redflag.service.crm;

import io.redflag.connector.session.SalesforceSession;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "crm": UP when the org answers, with the API usage its last answer
 * reported; DOWN with the reason (never a credential) when it does not.
 */
@Component("crm")
class CrmHealthIndicator implements HealthIndicator {
    private final SalesforceSession session;

    CrmHealthIndicator(SalesforceSession session) {
        this.session = session;
    }

    @Override
    public Health health() {
        try {
            var timestamp = session.call(c -> c.getServerTimestamp().getTimestamp());
            var usage = session.apiUsage();
            Health.Builder up = Health.up().withDetail("endpoint", session.serviceEndpoint())
                    .withDetail("serverTime", timestamp.toInstant().toString());
            if (usage != null) {
                up.withDetail("apiRequests", usage.current() + " of " + usage.limit());
            }
            return up.build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
