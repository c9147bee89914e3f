package io.redflag.service.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.connector.mapping.Mapping;
import io.redflag.connector.mapping.MappingReport;
import io.redflag.connector.mapping.RecordMapper;
import io.redflag.connector.resilience.ApiBudget;
import io.redflag.connector.resilience.ResilienceSettings;
import io.redflag.connector.resilience.ResilientCrm;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.service.store.CrmStore;
import io.redflag.service.store.UserDirectory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.PublishSubscribeChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/**
 * The sync flow: a poller runs {@link SyncFlow#poll} (read → map → store, each page with its watermark in
 * one transaction), then each changed account id goes out on {@value #CHANGED_ACCOUNTS}, for scoring. The
 * same ids wait durably in the store's dirty-account queue, so nothing depends on a message being delivered.
 */
@Configuration(proxyBeanMethods = false)
class SyncConfiguration {
    static final String CHANGED_ACCOUNTS = "changedAccounts";

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
    SyncState syncState(Clock clock, SyncProperties properties) {
        SyncState state = new SyncState(clock);
        state.paused(!properties.autoStartup());
        return state;
    }

    @Bean
    CrmSync crmSync(ResilientCrm crm, RecordMapper mapper, CrmStore store, Clock clock, SyncProperties properties,
            SyncState state) {
        return new CrmSync(crm, mapper, store, clock, properties.settings(), state);
    }

    @Bean
    SyncFlow syncFlow(CrmSync sync, MeterRegistry meters, UserDirectory users) {
        return new SyncFlow(sync, meters, users);
    }

    /** Changed account ids, one per message; scoring subscribes. Nobody listening is not an error. */
    @Bean(name = CHANGED_ACCOUNTS)
    PublishSubscribeChannel changedAccounts() {
        return new PublishSubscribeChannel();
    }

    @Bean
    IntegrationFlow crmSyncFlow(SyncFlow flow, SyncProperties properties) {
        return IntegrationFlow.fromSupplier(flow::poll, e -> e.id("crmSyncPoller")
                        .poller(Pollers.fixedDelay(properties.pollInterval())))
                .split()
                .channel(CHANGED_ACCOUNTS)
                .get();
    }
}
