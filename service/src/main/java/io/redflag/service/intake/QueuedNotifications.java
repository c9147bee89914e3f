package io.redflag.service.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.connector.intake.PollSchedule;
import io.redflag.connector.intake.outbound.OutboundMessage;
import io.redflag.connector.intake.outbound.OutboundMessageSource;
import io.redflag.service.cluster.LeaderWork;
import io.redflag.service.store.NotificationQueue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's side of notifications another replica acknowledged: takes the queued ones in as if they had
 * arrived here (records read again by Id and stored with their notification ids), 100 at a time, and then
 * removes them from the queue. A failure leaves them queued for the next tick. Runs only on the leader.
 */
final class QueuedNotifications {
    private static final Logger log = LoggerFactory.getLogger(QueuedNotifications.class);
    /** As many as one Outbound Message carries at most. */
    static final int BATCH = 100;

    private final NotificationQueue queue;
    private final OutboundMessageSource source;
    private final PollSchedule schedule;
    private final LeaderWork work;
    private final Supplier<String> orgId;
    private final MeterRegistry meters;

    QueuedNotifications(NotificationQueue queue, OutboundMessageSource source, PollSchedule schedule, LeaderWork work,
            Supplier<String> orgId, MeterRegistry meters) {
        this.queue = queue;
        this.source = source;
        this.schedule = schedule;
        this.work = work;
        this.orgId = orgId;
        this.meters = meters;
    }

    /** Called every tick on every replica; the leader takes the queue in. Null when no account changed. */
    Set<String> drain() {
        return work.run(this::takeIn);
    }

    private synchronized Set<String> takeIn() {
        Set<String> changed = new LinkedHashSet<>();
        List<OutboundMessage.Notification> batch;
        while (work.mayGoOn() && !(batch = queue.oldest(BATCH)).isEmpty()) {
            OutboundMessageSource.Received received;
            try {
                received = source.receive(new OutboundMessage(orgId.get(), null, null, batch));
            } catch (RuntimeException e) {
                log.warn("{} queued notifications stay queued for the next try: {}", batch.size(), e.getMessage());
                break;
            }
            queue.remove(batch.stream().map(OutboundMessage.Notification::id).toList());
            received.entities().forEach(schedule::pushed);
            meters.counter(OutboundMessageEndpoint.NOTIFICATIONS, "outcome", "stored").increment(received.stored());
            meters.counter(OutboundMessageEndpoint.NOTIFICATIONS, "outcome", "duplicate")
                    .increment(received.duplicates());
            meters.counter(OutboundMessageEndpoint.NOTIFICATIONS, "outcome", "ignored").increment(received.ignored());
            meters.counter("redflag.intake.outbound.calls").increment(received.calls());
            changed.addAll(received.changedAccounts());
            log.info("Queued notifications taken in: {} stored, {} already stored, {} ignored; {} accounts changed",
                    received.stored(), received.duplicates(), received.ignored(), received.changedAccounts().size());
        }
        return changed.isEmpty() ? null : changed;
    }
}
