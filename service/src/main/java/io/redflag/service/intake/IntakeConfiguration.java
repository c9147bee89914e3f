package io.redflag.service.intake;

import io.redflag.connector.intake.CrmReads;
import io.redflag.connector.intake.PollSchedule;
import io.redflag.connector.intake.outbound.OutboundMessageSource;
import io.redflag.connector.mapping.RecordMapper;
import io.redflag.connector.session.SalesforceSession;
import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.service.cluster.LeaderWork;
import io.redflag.service.store.CrmStore;
import io.redflag.service.store.NotificationQueue;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the push sources: the Outbound Message source, the queue of notifications replicas that do not lead
 * acknowledged (taken in by the leader every second), and the objects they cover, which the polling
 * schedule then only reconciles. An object named in {@code redflag.outbound-messages.objects} that the
 * mapping does not read stops start-up, naming it.
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {
    private static final Logger log = LoggerFactory.getLogger(IntakeConfiguration.class);

    @Bean
    OutboundMessageSource outboundMessageSource(CrmReads reads, CrmStore store, SalesforceSession session,
            OutboundMessagesProperties properties, PollSchedule schedule, RecordMapper mapper) {
        List<String> covered = new ArrayList<>();
        for (String object : properties.objects()) {
            String entity = mapper.entityOf(object).orElseThrow(() -> new IllegalStateException("Redflag cannot start:"
                            + " redflag.outbound-messages.objects (REDFLAG_OUTBOUND_MESSAGES_OBJECTS) names '" + object
                            + "', which the mapping does not read; the mapped objects are "
                            + mapper.entities().stream().map(mapper::object).toList()));
            covered.add(entity);
        }
        if (!covered.isEmpty()) {
            if (!properties.enabled()) {
                throw new IllegalStateException("Redflag cannot start: redflag.outbound-messages.objects is set, but"
                        + " redflag.outbound-messages.token (REDFLAG_OUTBOUND_MESSAGES_TOKEN) is not, so no message"
                        + " could arrive and those objects would only be read once an hour");
            }
            schedule.pushCovered(covered, true);
            log.info("Outbound Messages cover {}: polls only reconcile them", properties.objects());
        }
        return new OutboundMessageSource(reads, store, session::orgId);
    }

    @Bean
    NotificationQueue notificationQueue(DataSource dataSource, Clock clock) {
        return new NotificationQueue(dataSource, clock);
    }

    @Bean
    QueuedNotifications queuedNotifications(NotificationQueue queue, OutboundMessageSource source,
            PollSchedule schedule, LeaderWork work, SalesforceSession session, MeterRegistry meters) {
        return new QueuedNotifications(queue, source, schedule, work, session::orgId, meters);
    }

    /**
     * Every second, the leader takes in what other replicas queued; the accounts that changed go to scoring,
     * as those of a message taken in directly do.
     */
    @Bean
    IntegrationFlow queuedNotificationsFlow(QueuedNotifications queued) {
        return IntegrationFlow.fromSupplier(queued::drain, e -> e.id("queuedNotificationsPoller")
                        .poller(Pollers.fixedDelay(Duration.ofSeconds(1))))
                .split()
                .channel("changedAccounts")
                .get();
    }
}
