package io.redflag.service.sync;

import io.redflag.connector.intake.PollSchedule;
import io.redflag.connector.intake.SyncState;
import io.redflag.connector.mapping.RecordMapper;
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
 * read, the last error and its polling rhythm (mode, interval, next poll); the polls' calls a day (projected
 * at the current intervals, made in the last 24 hours, the ceiling and the stretch it imposes); whether an operator paused the flow, and whether the API budget pauses reads.
 * UP when the last poll went through; PAUSED or DEGRADED otherwise (both answered with HTTP 200: a paused
 * sync or a CRM outage is no reason to restart the pod).
 */
@Component("sync")
public class SyncHealthIndicator implements HealthIndicator {
    static final Status PAUSED = new Status("PAUSED", "paused by an operator");
    static final Status DEGRADED = new Status("DEGRADED", "the last poll failed or the API budget pauses reads");

    private final SyncState state;
    private final ResilientCrm crm;
    private final PollSchedule schedule;
    private final RecordMapper mapper;

    SyncHealthIndicator(SyncState state, ResilientCrm crm, PollSchedule schedule, RecordMapper mapper) {
        this.state = state;
        this.crm = crm;
        this.schedule = schedule;
        this.mapper = mapper;
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
        schedule.plans().forEach((entity, plan) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> o = (Map<String, Object>) objects.computeIfAbsent(mapper.object(entity),
                    k -> new LinkedHashMap<String, Object>());
            o.put("mode", plan.pushCovered() ? "reconcile (push)" : "poll");
            o.put("intervalSeconds", plan.effective().toSeconds());
            o.put("nextPollAt", plan.nextDue());
        });
        Map<String, Object> calls = new LinkedHashMap<>();
        calls.put("projectedPerDay", Math.round(schedule.projectedCallsPerDay()));
        calls.put("lastDay", schedule.callsLastDay());
        calls.put("ceilingPerDay", schedule.ceiling());
        calls.put("stretch", schedule.stretch());
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
        return health.withDetail("apiBudget", api).withDetail("pollCalls", calls).withDetail("objects", objects)
                .build();
    }
}
