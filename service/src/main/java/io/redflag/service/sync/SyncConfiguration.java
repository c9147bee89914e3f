package io.redflag.service.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.connector.intake.CrmReads;
import io.redflag.connector.intake.PollSchedule;
import io.redflag.connector.intake.PollingSource;
import io.redflag.connector.intake.SyncState;
import io.redflag.connector.mapping.Mapping;
import io.redflag.connector.mapping.MappingReport;
import io.redflag.connector.mapping.RecordMapper;
import io.redflag.connector.resilience.ApiBudget;
import io.redflag.connector.resilience.ResilienceSettings;
import io.redflag.connector.resilience.ResilientCrm;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.service.cluster.ClusterProperties;
import io.redflag.service.cluster.LeaderWork;
import io.redflag.service.store.CrmStore;
import io.redflag.service.store.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.PublishSubscribeChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/**
 * The sync flow: a poller ticks every second (or every poll interval, when shorter) and runs {@link SyncFlow#poll} (the objects the
 * schedule says are due: read → map → store, each page with its watermark in one transaction), then each
 * changed account id goes out on {@value #CHANGED_ACCOUNTS}, for scoring. The same ids wait durably in the
 * store's dirty-account queue, so nothing depends on a message being delivered.
 */
@Configuration(proxyBeanMethods = false)
class SyncConfiguration {
    static final String CHANGED_ACCOUNTS = "changedAccounts";
    /** How often the schedule is asked what is due, at most: a tick with nothing due costs nothing. */
    static final Duration TICK = Duration.ofSeconds(1);

    @Bean
    ResilientCrm resilientCrm(SalesforceSession session, SyncProperties properties, Clock clock) {
        return new ResilientCrm(session, ResilienceSettings.defaults(),
                new ApiBudget(session::apiUsage, properties.readBudgetShare(), clock, ApiBudget.DEFAULT_RECHECK));
    }

    @Bean
    RecordMapper recordMapper(Mapping mapping, MappingReport report) {
        return new RecordMapper(mapping, report);
    }

    @Bean
    CrmReads crmReads(ResilientCrm crm, RecordMapper mapper, SyncProperties properties) {
        return new CrmReads(crm, mapper, properties.batchSize());
    }

    @Bean
    SyncState syncState(Clock clock) {
        return new SyncState(clock);
    }

    /** redflag.sync.auto-startup=false pauses the sync at start-up, on every replica: the pause is shared. */
    @Bean
    @DependsOnDatabaseInitialization
    SharedPause sharedPause(DataSource dataSource, Clock clock, SyncState state, SyncProperties properties,
            ClusterProperties cluster) {
        SharedPause pause = new SharedPause(dataSource, clock, state);
        if (!properties.autoStartup()) {
            pause.set(true, "redflag.sync.auto-startup=false on replica " + cluster.replicaId());
        }
        return pause;
    }

    @Bean
    PollingSource pollingSource(CrmReads reads, CrmStore store, Clock clock, SyncProperties properties,
            SyncState state) {
        return new PollingSource(reads, store, clock, properties.settings(), state);
    }

    @Bean
    PollSchedule pollSchedule(PollingSource source, SyncProperties properties, ResilientCrm crm) {
        return source.schedule(properties.schedule(), () -> crm.budget().state().limit());
    }

    @Bean
    SyncFlow syncFlow(PollingSource source, PollSchedule schedule, MeterRegistry meters, UserDirectory users,
            LeaderWork work, SharedPause pause, ClusterProperties cluster) {
        return new SyncFlow(source, schedule, meters, users, work, pause, cluster.replicaId());
    }

    /** Changed account ids, one per message; scoring subscribes. Nobody listening is not an error. */
    @Bean(name = CHANGED_ACCOUNTS)
    PublishSubscribeChannel changedAccounts() {
        return new PublishSubscribeChannel();
    }

    @Bean
    IntegrationFlow crmSyncFlow(SyncFlow flow, SyncProperties properties) {
        Duration tick = properties.pollInterval().compareTo(TICK) < 0 ? properties.pollInterval() : TICK;
        return IntegrationFlow.fromSupplier(flow::poll, e -> e.id("crmSyncPoller")
                        .poller(Pollers.fixedDelay(tick)))
                .split()
                .channel(CHANGED_ACCOUNTS)
                .get();
    }
}
