package io.redflag.service.scoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.connector.mapping.CachedOrgSchema;
import io.redflag.connector.mapping.Mapping;
import io.redflag.connector.resilience.ResilientCrm;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.connector.writeback.CrmWriter;
import io.redflag.connector.writeback.FollowUpTasks;
import io.redflag.connector.writeback.ReplacedTasks;
import io.redflag.connector.writeback.WrittenFields;
import io.redflag.domain.scoring.ScorecardConfig;
import io.redflag.service.store.DirtyAccounts;
import io.redflag.service.store.UserDirectory;
import java.time.Clock;
import io.redflag.service.crm.StartupContact;
import io.redflag.service.startup.StartupProblems;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires scoring and write-back; checks at start-up that the org has every field Redflag writes. */
@Configuration(proxyBeanMethods = false)
class ScoringConfiguration {

    /** The scorecard; its backtest outcomes are checked too, so a wrong one stops start-up, not a backtest later. */
    @Bean
    ScorecardConfig scorecardConfig(ScoringProperties properties, Mapping mapping) {
        ScorecardLoader.outcomes(properties.scorecardFile());
        return ScorecardLoader.load(properties.scorecardFile(), mapping);
    }

    /** The scorecard in force: the one an admin applied from the dashboard, else the configured one. */
    @Bean
    ActiveScorecard activeScorecard(DataSource dataSource, Mapping mapping, ScorecardConfig configured, Clock clock) {
        return new ActiveScorecard(dataSource, mapping, configured, clock);
    }

    @Bean
    StoreReader storeReader(DataSource dataSource, Mapping mapping) {
        return new StoreReader(dataSource, mapping);
    }

    @Bean
    Snapshots snapshots(Mapping mapping, UserDirectory users, ScoringProperties properties) {
        return new Snapshots(mapping, users, properties.paretoShare());
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

    /** Redflag's follow-up tasks as the CRM holds them; its own are those the session's user created. */
    @Bean
    FollowUpTasks followUpTasks(ResilientCrm resilient, SalesforceSession session) {
        return new FollowUpTasks(resilient, session::userId);
    }

    @Bean
    HeldFollowUps heldFollowUps(FollowUpTasks tasks, FollowUpLedger ledger) {
        return new HeldFollowUps(tasks, ledger);
    }

    @Bean
    HeldBack heldBack(DataSource dataSource) {
        return new HeldBack(dataSource);
    }

    /** The cap the digest names is the one in force now (an admin may apply another scorecard). */
    @Bean
    HeldBackDigest heldBackDigest(HeldBack heldBack, FollowUpLedger ledger, FollowUpTasks tasks, UserDirectory users,
            ActiveScorecard scorecards) {
        return new HeldBackDigest(heldBack, ledger, tasks, users,
                () -> scorecards.current().config().followUps().perOwnerPerWeek());
    }

    @Bean
    ScoringService scoringService(DataSource dataSource, StoreReader reader, ActiveScorecard scorecards,
            Snapshots snapshots, AssessmentStore assessments, Outbox outbox, FollowUpLedger ledger, HeldFollowUps held,
            HeldBack heldBack, HeldBackDigest digests, DirtyAccounts dirty, Clock clock, MeterRegistry meters) {
        return new ScoringService(dataSource, reader, scorecards, snapshots, assessments, outbox, ledger, held,
                heldBack, digests, dirty, clock, meters);
    }

    @Bean
    PresentView.Reader presentView(DataSource dataSource, Snapshots snapshots) {
        return new PresentView.Reader(dataSource, snapshots);
    }

    /** Fails start-up, naming each field and the package, when the org lacks a field Redflag writes. */
    @Bean
    CrmWriter crmWriter(ResilientCrm resilient, FollowUpTasks tasks, CachedOrgSchema schema,
            ScoringProperties properties, StartupContact crm) {
        if (properties.writeBack()) {
            List<String> problems = WrittenFields.problems(crm.call("describing the objects Redflag writes",
                    () -> schema.prefetch(WrittenFields.ALL.stream().map(WrittenFields.Field::object).distinct()
                            .toList())));
            if (!problems.isEmpty()) {
                throw new StartupProblems("writing back to this org", problems, "Deploy the Redflag package"
                        + " (plugin/) to the org and give the integration user its Redflag_Integration permission"
                        + " set, or set redflag.scoring.write-back=false to score without writing.");
            }
        }
        return new CrmWriter(resilient, tasks, 5, Duration.ofMillis(200));
    }

    /** Deletes the tasks a more severe one took the place of (scorecard followUps.overCap: replace). */
    @Bean
    ReplacedFollowUps replacedFollowUps(DataSource dataSource, ResilientCrm resilient, FollowUpTasks tasks,
            DirtyAccounts dirty, Clock clock) {
        return new ReplacedFollowUps(dataSource, new ReplacedTasks(resilient, tasks), dirty, clock);
    }

    @Bean
    WriteBack writeBack(CrmWriter writer, Outbox outbox, FollowUpLedger ledger, ReplacedFollowUps replaced,
            MeterRegistry meters) {
        return new WriteBack(writer, outbox, ledger, replaced, meters);
    }
}
