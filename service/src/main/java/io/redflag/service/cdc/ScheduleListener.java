package io.redflag.service.cdc;

import io.redflag.connector.intake.PollSchedule;
import io.redflag.connector.intake.cdc.ChangeEventIntake;
import io.redflag.connector.intake.cdc.ChangeStreamListener;
import java.util.Collection;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The change stream's news for the rest of the service: objects it covers are only reconciled by polls while it
 * is up and polled at once when it goes down or cannot tell what changed; the accounts a batch changed go to
 * scoring (they also wait in the store's dirty-account queue, so nothing depends on the message).
 */
final class ScheduleListener implements ChangeStreamListener {
    private final PollSchedule schedule;
    private final MessageChannel changedAccounts;

    ScheduleListener(PollSchedule schedule, MessageChannel changedAccounts) {
        this.schedule = schedule;
        this.changedAccounts = changedAccounts;
    }

    @Override
    public void covering(Collection<String> entities, boolean up) {
        schedule.pushCovered(entities, up);
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
        batch.entities().forEach(schedule::pushed);
        batch.changedAccounts().forEach(id -> changedAccounts.send(MessageBuilder.withPayload(id).build()));
    }
}
