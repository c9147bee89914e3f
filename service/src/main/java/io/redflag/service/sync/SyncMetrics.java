package io.redflag.service.sync;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.redflag.connector.intake.PollSchedule;
import io.redflag.connector.intake.SyncState;
import io.redflag.connector.mapping.RecordMapper;
import io.redflag.connector.resilience.ResilientCrm;
import org.springframework.stereotype.Component;

/**
 * Gauges of the sync's state, per CRM object: {@code redflag.sync.lag} (seconds since a read of the object
 * last reached the end), {@code redflag.sync.progress} (0..1 of a first full read); for the flow
 * {@code redflag.sync.paused}, {@code redflag.sync.polls}; for the org's API budget {@code redflag.crm.api.used},
 * {@code redflag.crm.api.limit} and {@code redflag.crm.reads.paused}. Counters of records and failures come
 * from {@link SyncFlow}.
 */
@Component
class SyncMetrics implements MeterBinder {
    private final SyncState state;
    private final RecordMapper mapper;
    private final ResilientCrm crm;
    private final PollSchedule schedule;

    SyncMetrics(SyncState state, RecordMapper mapper, ResilientCrm crm, PollSchedule schedule) {
        this.state = state;
        this.mapper = mapper;
        this.crm = crm;
        this.schedule = schedule;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String entity : mapper.entities()) {
            String object = mapper.object(entity);
            Gauge.builder("redflag.sync.lag", state, s -> {
                var lag = s.lag(object);
                return lag == null ? Double.NaN : lag.toMillis() / 1000.0;
            }).tag("object", object).baseUnit("seconds")
                    .description("seconds since a read of the object last reached the end (NaN before the first)")
                    .register(registry);
            Gauge.builder("redflag.sync.progress", state, s -> {
                var o = s.objects().get(object);
                return o == null ? 0.0 : o.progress();
            }).tag("object", object).register(registry);
            Gauge.builder("redflag.sync.interval", schedule, s -> s.plans().get(entity).effective().toMillis() / 1000.0)
                    .tag("object", object).baseUnit("seconds").register(registry);
        }
        Gauge.builder("redflag.sync.calls.projected", schedule, PollSchedule::projectedCallsPerDay).baseUnit("calls")
                .description("calls a day the polls would make at the current intervals").register(registry);
        Gauge.builder("redflag.sync.calls.day", schedule, PollSchedule::callsLastDay).baseUnit("calls")
                .description("calls the polls made in the last 24 hours").register(registry);
        Gauge.builder("redflag.sync.paused", state, s -> s.paused() ? 1 : 0).register(registry);
        FunctionCounter.builder("redflag.sync.polls", state, SyncState::cycles).register(registry);
        // As the org's last answer reported them (LimitInfoHeader): 0 before the first answer.
        Gauge.builder("redflag.crm.api.used", crm, c -> c.budget().state().used()).baseUnit("calls")
                .description("API calls the org counts against its daily allocation, all integrations together")
                .register(registry);
        Gauge.builder("redflag.crm.api.limit", crm, c -> c.budget().state().limit()).baseUnit("calls")
                .description("the org's daily API allocation").register(registry);
        Gauge.builder("redflag.crm.reads.paused", crm, c -> c.budget().state().readsPaused() ? 1 : 0)
                .register(registry);
    }
}
