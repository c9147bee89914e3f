package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.connector.intake.IntakePage;
import io.redflag.connector.mapping.MappedRecord;
import io.redflag.connector.mapping.Mapping;
import io.redflag.connector.mapping.MappingLoader;
import io.redflag.connector.resilience.ApiBudget;
import io.redflag.connector.resilience.ResilienceSettings;
import io.redflag.connector.resilience.ResilientCrm;
import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.connector.writeback.FollowUpTasks;
import io.redflag.connector.writeback.WriteResult;
import io.redflag.domain.scoring.Assessment;
import io.redflag.domain.scoring.Level;
import io.redflag.service.TestClock;
import io.redflag.service.store.CrmStore;
import io.redflag.service.store.Databases;
import io.redflag.service.store.DirtyAccounts;
import io.redflag.service.store.UserDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rescore with nothing changed writes nothing, even hours later the same day: the benchmark's rerun once
 * rewrote an account whose trend compared with the instant 30 days back, so a record (or a stored assessment)
 * dated between the two runs' instants, 30 days back, gave the second run another trend; and a meeting dated
 * between the two runs today counted only in the second.
 */
class RescoreIT {
    private static final Mapping MAPPING = MappingLoader.load(Path.of("../mappings/salesforce.yaml"));
    private static final Instant MORNING = Instant.parse("2026-06-30T09:00:00Z");
    /** 30 days before the rescore day, between 09:00 and 15:00. */
    private static final Instant THEN = Instant.parse("2026-05-31T12:00:00Z");
    private static final String OWNER = "005000000000001AAA";
    private static final String STORED = "001000000000001AAA";
    private static final String REPLAYED = "001000000000002AAA";

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRescoreHoursLaterTheSameDayWithNothingChangedWritesNothing(String db) {
        DataSource ds = Databases.fresh(db);
        CrmStore store = new CrmStore(ds);
        store.store(IntakePage.changes("user", List.of(record("user", OWNER, "name", "Olivia Owner", "active", true))));
        List<MappedRecord> accounts = new ArrayList<>();
        List<MappedRecord> contacts = new ArrayList<>();
        List<MappedRecord> tasks = new ArrayList<>();
        for (String account : List.of(STORED, REPLAYED)) {
            accounts.add(record("account", account, "name", "Acme " + account.charAt(14), "owner", OWNER,
                    "createdAt", MORNING.minus(Duration.ofDays(800))));
            String cfo = "003" + account.substring(3);
            contacts.add(record("contact", cfo, "account", account, "name", "Dana Reyes", "title", "CFO",
                    "createdAt", MORNING.minus(Duration.ofDays(800))));
            for (int days = 200; days >= 3; days -= 7) {
                tasks.add(record("task", "00T" + account.substring(3, 14) + String.format("%04d", days), "account",
                        account, "contact", cfo, "owner", OWNER, "kind", "CALL", "direction", "OUTBOUND", "outcome",
                        "CONNECTED", "closed", true, "completedAt", MORNING.minus(Duration.ofDays(days))));
            }
        }
        // Replayed 30 days back: a new executive created at noon that day.
        contacts.add(record("contact", "003000000000099AAA", "account", REPLAYED, "name", "Alex Kim", "title", "CEO",
                "createdAt", THEN));
        // Between the two rescores: a meeting at noon today with a second contact.
        contacts.add(record("contact", "003000000000098AAA", "account", REPLAYED, "name", "Sam Lee", "title",
                "VP Operations", "createdAt", MORNING.minus(Duration.ofDays(800))));
        MappedRecord meeting = record("event", "00U000000000001AAA", "account", REPLAYED, "contact",
                "003000000000098AAA", "owner", OWNER, "start", MORNING.plus(Duration.ofHours(3)));
        store.store(IntakePage.changes("account", accounts));
        store.store(IntakePage.changes("contact", contacts));
        store.store(IntakePage.changes("task", tasks));
        store.store(IntakePage.changes("event", List.of(meeting)));

        TestClock clock = new TestClock(MORNING);
        AssessmentStore assessments = new AssessmentStore(ds, JsonMapper.builder().findAndAddModules().build());
        // Stored 30 days back: an assessment made at noon that day.
        assessments.save(List.of(new Assessment(STORED, THEN, 40, Level.AT_RISK, List.of(), List.of(), false, false,
                "default-1", "0".repeat(64), null, null)));
        Outbox outbox = new Outbox(ds, clock);
        FollowUpLedger ledger = new FollowUpLedger(ds, clock);
        HeldBack heldBack = new HeldBack(ds);
        UserDirectory users = new UserDirectory(ds);
        ScoringService scoring = new ScoringService(ds, new StoreReader(ds, MAPPING), new ActiveScorecard(ds, MAPPING,
                ScorecardLoader.load(null, MAPPING), clock), new Snapshots(MAPPING, users, 0.8),
                assessments, outbox, ledger, new HeldFollowUps(noCrm(clock), ledger), heldBack,
                new HeldBackDigest(heldBack, ledger, noCrm(clock), users, () -> 10), new DirtyAccounts(ds), clock,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

        assertThat(scoring.scoreAll().pendingWrites()).isEqualTo(2);
        Map<String, List<Integer>> morning = scoresAndTrends(ds);
        // The write-back wrote both accounts.
        outbox.record(outbox.pending(10).stream().map(u -> WriteResult.answered(u.accountId(), u.accountId()))
                .toList());
        assertThat(outbox.pendingCount()).isZero();

        clock.advance(Duration.ofHours(6));
        assertThat(scoring.scoreAll().pendingWrites()).isZero();
        assertThat(scoresAndTrends(ds)).isEqualTo(morning);
        assertThat(morning.get(STORED).get(1)).as("compared with the score stored that day")
                .isEqualTo(morning.get(STORED).get(0) - 40);
    }

    /** Per account, the latest score and trend. */
    private static Map<String, List<Integer>> scoresAndTrends(DataSource ds) {
        Map<String, List<Integer>> out = new HashMap<>();
        new JdbcTemplate(ds).query("SELECT account_id, score, trend FROM account_score", rs -> {
            out.put(rs.getString(1), List.of(rs.getInt(2), rs.getInt(3)));
        });
        return out;
    }

    /** A record as the mapper makes it: property → value, modified a year before the rescores. */
    private static MappedRecord record(String entity, String id, Object... properties) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", id);
        Instant modified = MORNING.minus(Duration.ofDays(365));
        values.put("modifiedAt", modified);
        for (int i = 0; i < properties.length; i += 2) {
            values.put((String) properties[i], properties[i + 1]);
        }
        return new MappedRecord(entity, id, modified, values);
    }

    /**
     * The CRM's follow-up tasks, unreachable: these accounts are no key accounts, so no follow-up is planned and
     * the CRM is never asked (a call would fail the test).
     */
    private static FollowUpTasks noCrm(java.time.Clock clock) {
        SalesforceSession session = new SalesforceSession(SalesforceCredentials.clientCredentials(
                java.net.URI.create("http://127.0.0.1:9"), "none", "none"), clock);
        return new FollowUpTasks(new ResilientCrm(session, ResilienceSettings.defaults(), ApiBudget.of(session)),
                () -> "005000000000000AAA");
    }
}
