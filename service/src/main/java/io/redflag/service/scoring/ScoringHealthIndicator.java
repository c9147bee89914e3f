package io.redflag.service.scoring;

import io.redflag.service.store.DirtyAccounts;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "scoring": accounts waiting to be scored, risk-field updates and
 * follow-up tasks waiting to be written, and the accounts the CRM refused for good with its message
 * (DEGRADED while there are any: an admin must look, e.g. at a validation rule).
 */
@Component("scoring")
class ScoringHealthIndicator implements HealthIndicator {
    private final DirtyAccounts dirty;
    private final Outbox outbox;
    private final FollowUpLedger ledger;

    ScoringHealthIndicator(DirtyAccounts dirty, Outbox outbox, FollowUpLedger ledger) {
        this.dirty = dirty;
        this.outbox = outbox;
        this.ledger = ledger;
    }

    @Override
    public Health health() {
        List<String> refused = outbox.refused(10);
        Health.Builder h = refused.isEmpty() ? Health.up() : Health.status(new Status("DEGRADED"));
        h.withDetail("accountsWaitingToBeScored", dirty.size())
                .withDetail("riskFieldUpdatesPending", outbox.pendingCount())
                .withDetail("followUpsPending", ledger.pendingCount());
        if (!refused.isEmpty()) {
            h.withDetail("refusedByTheCrm", refused);
        }
        return h.build();
    }
}
