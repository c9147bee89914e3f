package io.redflag.service.crm;

import io.redflag.connector.session.SalesforceSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "crm": UP when the org answered the service's own calls (polls,
 * write-back) within the last hour, with the API usage its last answer reported; DOWN with the reason (never
 * a credential) when the latest call failed to reach it. Probes come every few seconds and the org's API
 * allocation is shared, so health spends a call of its own (getServerTimestamp) only when nothing else has
 * asked the org for an hour: at most 24 a day, none while the sync runs.
 */
@Component("crm")
class CrmHealthIndicator implements HealthIndicator {
    static final Duration FRESH = Duration.ofHours(1);
    private final SalesforceSession session;
    private final Clock clock;

    CrmHealthIndicator(SalesforceSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Override
    public Health health() {
        SalesforceSession.LastContact contact = session.lastContact();
        if (contact.latestFailed()) {
            return down(contact);
        }
        if (contact.answeredAt() == null || !contact.answeredAt().isAfter(clock.instant().minus(FRESH))) {
            synchronized (this) {
                if (session.lastContact().equals(contact)) {
                    try {
                        session.call(c -> c.getServerTimestamp().getTimestamp());
                    } catch (Exception e) {
                        return down(session.lastContact());
                    }
                }
            }
            contact = session.lastContact();
        }
        var usage = session.apiUsage();
        Health.Builder up = Health.up().withDetail("endpoint", session.serviceEndpoint())
                .withDetail("lastAnswerAt", contact.answeredAt());
        if (usage != null) {
            up.withDetail("apiRequests", usage.current() + " of " + usage.limit());
        }
        return up.build();
    }

    private static Health down(SalesforceSession.LastContact contact) {
        Health.Builder down = Health.down().withDetail("error", contact.failure()).withDetail("failedAt",
                contact.failedAt());
        Instant answered = contact.answeredAt();
        return answered == null ? down.build() : down.withDetail("lastAnswerAt", answered).build();
    }
}
