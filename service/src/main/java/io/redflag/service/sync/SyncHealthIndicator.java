package io.redflag.service.sync;

import io.redflag.connector.resilience.ApiBudget;
import io.redflag.connector.resilience.ResilientCrm;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "sync": per object the watermark, the lag, the progress of a first
 * read and the last error; whether an operator paused the flow, and whether the API budget pauses reads.
 * UP when the last poll went through; PAUSED or DEGRADED otherwise (both answered with HTTP 200: a paused
 * sync or a CRM outage is no reason to restart the pod).
 */
@Component("sync")
class SyncHealthIndicator implements HealthIndicator {
    static final Status PAUSED = new Status("PAUSED", "paused by an operator");
    static final Status DEGRADED = new Status("DEGRADED", "the last poll failed or the API budget pauses reads");

    private final SyncState state;
    private final ResilientCrm crm;

    SyncHealthIndicator(SyncState state, ResilientCrm crm) {
        this.state = state;
        this.crm = crm;
    }

    @Override
    public Health health() {
        ApiBudget.State budget = crm.budget().state();
        Status status = state.paused() ? PAUSED
                : state.lastCycleError() != null || budget.readsPaused() ? DEGRADED : Status.UP;
        Map<String, Object> objects = new LinkedHashMap<>();
        state.objects().forEach((name, s) -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("watermark", s.watermark());
            o.put("lastSuccessAt", s.lastSuccessAt());
            var lag = state.lag(name);
            o.put("lagSeconds", lag == null ? null : lag.toSeconds());
            if (s.total() >= 0) {
                o.put("initialSync", s.done() + " of " + s.total());
            }
            if (s.lastError() != null) {
                o.put("lastError", s.lastError());
                o.put("lastErrorAt", s.lastErrorAt());
            }
            objects.put(name, o);
        });
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("used", budget.used());
        api.put("limit", budget.limit());
        api.put("readThreshold", budget.readThreshold());
        api.put("readsPaused", budget.readsPaused());
        Health.Builder health = Health.status(status).withDetail("paused", state.paused())
                .withDetail("polls", state.cycles());
        if (state.lastCycleAt() != null) {
            health.withDetail("lastPollAt", state.lastCycleAt());
        }
        if (state.lastCycleError() != null) {
            health.withDetail("lastError", state.lastCycleError());
        }
        return health.withDetail("apiBudget", api).withDetail("objects", objects).build();
    }
}
