package io.redflag.service.cdc;

import io.redflag.connector.intake.PollSchedule;
import io.redflag.connector.intake.cdc.ChangeEventIntake;
import io.redflag.connector.intake.cdc.ChangeStreamListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The change stream's news for the rest of the service: objects it covers are only reconciled by polls while it
 * is up and polled at once when it goes down or cannot tell what changed; the accounts a batch changed go to
 * scoring (they also wait in the store's dirty-account queue, so nothing depends on the message). Counts
 * events, echoes, events of unread fields, records read again and the calls they took
 * ({@code redflag.cdc.*} metrics).
 */
final class ScheduleListener implements ChangeStreamListener {
    private final PollSchedule schedule;
    private final MessageChannel changedAccounts;
    private final Duration reconcileInterval;
    private final MeterRegistry meters;

    ScheduleListener(PollSchedule schedule, MessageChannel changedAccounts, Duration reconcileInterval,
            MeterRegistry meters) {
        this.schedule = schedule;
        this.changedAccounts = changedAccounts;
        this.reconcileInterval = reconcileInterval;
        this.meters = meters;
    }

    @Override
    public void covering(Collection<String> entities, boolean up) {
        schedule.pushCovered(entities, up, reconcileInterval);
        if (!up) {
            entities.forEach(schedule::nudge);
        }
    }

    @Override
    public void reconcile(Collection<String> entities) {
        entities.forEach(schedule::nudge);
    }

    @Override
    public void stored(ChangeEventIntake.Applied batch) {
        meters.counter("redflag.cdc.events").increment(batch.events());
        meters.counter("redflag.cdc.events.echoes").increment(batch.echoes());
        meters.counter("redflag.cdc.events.unmapped").increment(batch.unmapped());
        meters.counter("redflag.cdc.records.reread").increment(batch.reRead());
        meters.counter("redflag.cdc.api.calls").increment(batch.calls());
        batch.entities().forEach(schedule::pushed);
        batch.changedAccounts().forEach(id -> changedAccounts.send(MessageBuilder.withPayload(id).build()));
    }
}
