package io.redflag.service.crm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.redflag.connector.session.SalesforceSession;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "crm": UP when the org answers, with the API usage its last answer
 * reported; DOWN with the reason (never a credential) when it does not. The answer is kept for 30 seconds:
 * probes every few seconds must not spend the org's API allocation.
 */
@Component("crm")
class CrmHealthIndicator implements HealthIndicator {
    private final SalesforceSession session;
    private final Cache<String, Health> recent = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30))
            .build();

    CrmHealthIndicator(SalesforceSession session) {
        this.session = session;
    }

    @Override
    public Health health() {
        return recent.get("crm", k -> ask());
    }

    private Health ask() {
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
