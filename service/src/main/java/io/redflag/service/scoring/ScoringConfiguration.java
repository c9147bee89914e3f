package io.redflag.service.scoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.connector.mapping.CachedOrgSchema;
import io.redflag.connector.mapping.Mapping;
import io.redflag.connector.resilience.ResilientCrm;
import io.redflag.connector.writeback.CrmWriter;
import io.redflag.connector.writeback.WrittenFields;
import io.redflag.domain.scoring.Scorecard;
import io.redflag.domain.scoring.ScorecardConfig;
import io.redflag.service.store.DirtyAccounts;
import io.redflag.service.store.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires scoring and write-back; checks at start-up that the org has every field Redflag writes. */
@Configuration(proxyBeanMethods = false)
class ScoringConfiguration {

    @Bean
    ScorecardConfig scorecardConfig(ScoringProperties properties, Mapping mapping) {
        return ScorecardLoader.load(properties.scorecardFile(), mapping);
    }

    @Bean
    Scorecard scorecard(ScorecardConfig config) {
        return new Scorecard(config);
    }

    @Bean
    AssessmentStore assessmentStore(DataSource dataSource, JsonMapper json) {
        return new AssessmentStore(dataSource, json);
    }

    @Bean
    Outbox outbox(DataSource dataSource, Clock clock) {
        return new Outbox(dataSource, clock);
    }

    @Bean
    FollowUpLedger followUpLedger(DataSource dataSource, Clock clock) {
        return new FollowUpLedger(dataSource, clock);
    }

    @Bean
    ScoringService scoringService(DataSource dataSource, Mapping mapping, Scorecard scorecard,
            AssessmentStore assessments, Outbox outbox, FollowUpLedger ledger, DirtyAccounts dirty,
            UserDirectory users, Clock clock, ScoringProperties properties, MeterRegistry meters) {
        return new ScoringService(dataSource, mapping, scorecard, assessments, outbox, ledger, dirty, users, clock,
                properties.paretoShare(), meters);
    }

    /** Fails start-up, naming each field and the package, when the org lacks a field Redflag writes. */
    @Bean
    CrmWriter crmWriter(ResilientCrm crm, CachedOrgSchema schema, ScoringProperties properties) {
        if (properties.writeBack()) {
            WrittenFields.check(schema.prefetch(WrittenFields.ALL.stream().map(WrittenFields.Field::object)
                    .distinct().toList()));
        }
        return new CrmWriter(crm, 5, Duration.ofMillis(200));
    }

    @Bean
    WriteBack writeBack(CrmWriter writer, Outbox outbox, FollowUpLedger ledger, MeterRegistry meters) {
        return new WriteBack(writer, outbox, ledger, meters);
    }
}
