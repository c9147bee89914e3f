package io.redflag.connector.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.intake.MovingClock;
import io.redflag.connector.mapping.CachedOrgSchema;
import io.redflag.connector.resilience.ApiBudget;
import io.redflag.connector.resilience.CrmErrorKind;
import io.redflag.connector.resilience.CrmException;
import io.redflag.connector.resilience.ResilienceSettings;
import io.redflag.connector.resilience.ResilientCrm;
import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.control.FaultSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer against the emulated org (with the Redflag package's fields), through the real WSC client. */
class CrmWriterIT {
    private static final Instant SCORED = Instant.parse("2026-06-30T12:00:00Z");
    private Emulator emulator;
    private SalesforceSession session;
    private FollowUpTasks followUps;
    private CrmWriter writer;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorConfig.defaults().withDemoOrg());
        session = new SalesforceSession(SalesforceCredentials.clientCredentials(URI.create(emulator.baseUrl()),
                EmulatorConfig.DEFAULT_CLIENT_ID, EmulatorConfig.DEFAULT_CLIENT_SECRET), Clock.systemUTC());
        ResilientCrm crm = new ResilientCrm(session, ResilienceSettings.defaults().withMaxAttempts(4)
                .withBackoff(Duration.ofMillis(1), 2.0, 0.5, Duration.ofMillis(8)), ApiBudget.of(session));
        followUps = new FollowUpTasks(crm, session::userId);
        writer = new CrmWriter(crm, followUps, 5, Duration.ofMillis(1));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private List<String> newAccounts(int n) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < n; from += 200) {
            SObject[] batch = IntStream.range(from, Math.min(n, from + 200)).mapToObj(i -> {
                SObject a = new SObject("Account");
                a.setField("Name", "Bulk " + i);
                return a;
            }).toArray(SObject[]::new);
            for (var r : session.call(c -> c.create(batch))) {
                ids.add(r.getId());
            }
        }
        return ids;
    }

    private SObject read(String id) throws Exception {
        return session.call(c -> c.queryAll("SELECT Health_Score__c, Risk_Level__c, Risk_Reasons__c,"
                + " Health_Trend__c FROM Account WHERE Id = '" + id + "'")).getRecords()[0];
    }

    @Test
    void fourHundredFiftyUpdatesTakeThreeCallsAndLand() throws Exception {
        List<String> ids = newAccounts(450);
        emulator.control().resetCounters();
        List<AccountRiskUpdate> updates = ids.stream().map(id -> new AccountRiskUpdate(id, 41, "At Risk",
                "Dana Reyes (CFO) left.\nCase 'Outage' is escalated.", -12, SCORED)).toList();

        List<WriteResult> results = writer.updateAccounts(updates);

        assertThat(results).hasSize(450).allMatch(WriteResult::ok);
        assertThat(emulator.control().calls("update")).isEqualTo(3);
        SObject back = read(ids.get(449));
        assertThat(back.getField("Risk_Level__c")).isEqualTo("At Risk");
        assertThat(Double.parseDouble(back.getField("Health_Score__c").toString())).isEqualTo(41.0);
        assertThat(back.getField("Risk_Reasons__c").toString()).contains("Case 'Outage' is escalated.");
    }

    @Test
    void aRecordTheCrmRefusesComesBackWithItsMessageWhileTheOthersLand() throws Exception {
        List<String> ids = newAccounts(3);
        session.call(c -> c.delete(new String[] {ids.get(2)}));
        List<WriteResult> results = writer.updateAccounts(List.of(
                new AccountRiskUpdate(ids.get(0), 80, "Healthy", null, null, SCORED),
                new AccountRiskUpdate(ids.get(1), 10, "Doomed", null, null, SCORED),
                new AccountRiskUpdate(ids.get(2), 50, "Watch", null, null, SCORED)));
        assertThat(results.get(0).ok()).isTrue();
        assertThat(results.get(1)).satisfies(r -> {
            assertThat(r.kind()).isEqualTo(CrmErrorKind.PERMANENT);
            assertThat(r.message()).contains("Doomed");
        });
        assertThat(results.get(2)).satisfies(r -> {
            assertThat(r.kind()).isEqualTo(CrmErrorKind.PERMANENT);
            assertThat(r.code()).isEqualTo("ENTITY_IS_DELETED");
        });
        assertThat(read(ids.get(0)).getField("Risk_Level__c")).isEqualTo("Healthy");
    }

    @Test
    void lockedRowsAreSentAgainUntilEveryRecordLands() throws Exception {
        List<String> ids = newAccounts(300);
        emulator.control().faults(new FaultSettings(0, 0, 0, 0, 0.3, 5));
        List<AccountRiskUpdate> todo = ids.stream().map(id -> new AccountRiskUpdate(id, 60, "Watch", "x", 1, SCORED))
                .toList();
        // As the outbox does: what is still locked after the writer's own resends goes out in the next round.
        int rounds = 0;
        while (!todo.isEmpty() && rounds++ < 5) {
            List<WriteResult> results = writer.updateAccounts(todo);
            assertThat(results).noneMatch(r -> r.kind() == CrmErrorKind.PERMANENT);
            var failed = results.stream().filter(r -> !r.ok()).map(WriteResult::key).toList();
            todo = todo.stream().filter(u -> failed.contains(u.accountId())).toList();
        }
        emulator.control().faults(FaultSettings.NONE);
        assertThat(todo).isEmpty();
        assertThat(emulator.control().snapshot().get("injected").toString()).contains("UNABLE_TO_LOCK_ROW");
        for (String id : List.of(ids.get(0), ids.get(150), ids.get(299))) {
            assertThat(read(id).getField("Risk_Level__c")).isEqualTo("Watch");
        }
    }

    @Test
    void whenTheCrmStaysDownTheWriteThrowsInsteadOfReportingSuccess() throws Exception {
        List<String> ids = newAccounts(2);
        emulator.control().faults(new FaultSettings(0, 1.0, 0, 0, 0, 5));
        assertThatThrownBy(() -> writer.updateAccounts(List.of(new AccountRiskUpdate(ids.get(0), 1, "Critical",
                null, null, SCORED)))).isInstanceOf(CrmException.class);
        emulator.control().faults(FaultSettings.NONE);
        assertThat(read(ids.get(0)).getField("Risk_Level__c")).isNull();
    }

    @Test
    void followUpTasksAreCreatedWithTheirKeyAndFoundByIt() throws Exception {
        String account = newAccounts(1).get(0);
        String owner = emulator.runAsUserId();
        List<NewFollowUpTask> tasks = IntStream.range(0, 230).mapToObj(i -> new NewFollowUpTask(
                "COMPLAINTS:" + account + ":500" + i, account, null, owner, "Resolve case " + i, "Why: it's open",
                "High", LocalDate.of(2026, 7, 5))).toList();
        emulator.control().resetCounters();
        List<WriteResult> created = writer.createTasks(tasks);
        assertThat(created).hasSize(230).allMatch(r -> r.evidence() == WriteResult.Evidence.ANSWERED);
        assertThat(emulator.control().calls("create")).isEqualTo(2);
        assertThat(emulator.control().calls("query")).as("the keys looked up first, 200 a query").isEqualTo(2);

        List<HeldTask> found = followUps.byKeys(List.of(tasks.get(0).key(), tasks.get(229).key(),
                "COMPLAINTS:nothing"));
        assertThat(found).extracting(HeldTask::key, HeldTask::id, HeldTask::ownerId, HeldTask::own,
                HeldTask::closed).containsExactlyInAnyOrder(
                        tuple(tasks.get(0).key(), created.get(0).id(), owner, true, false),
                        tuple(tasks.get(229).key(), created.get(229).id(), owner, true, false));

        emulator.control().resetCounters();
        assertThat(writer.createTasks(tasks.subList(0, 3))).as("created already: found, not sent")
                .allMatch(r -> r.evidence() == WriteResult.Evidence.ALREADY_THERE);
        assertThat(emulator.control().calls("create")).isZero();
    }

    @Test
    void aKeyWithAClosedTaskGetsANewOneBesideIt() throws Exception {
        String account = newAccounts(1).get(0);
        String key = "REVENUE_DECLINE:" + account;
        NewFollowUpTask task = new NewFollowUpTask(key, account, null, emulator.runAsUserId(), "Account review",
                "Why: revenue", "High", LocalDate.of(2026, 7, 5));
        String first = writer.createTasks(List.of(task)).get(0).id();
        close(first);

        WriteResult second = writer.createTasks(List.of(task)).get(0);

        assertThat(second.evidence()).isEqualTo(WriteResult.Evidence.ANSWERED);
        assertThat(followUps.byKeys(List.of(key))).extracting(HeldTask::id, HeldTask::closed)
                .containsExactlyInAnyOrder(tuple(first, true), tuple(second.id(), false));
    }

    @Test
    void ownTasksCreatedSinceAMomentAreReadByAssignee() throws Exception {
        MovingClock clock = new MovingClock();
        clock.advance(Duration.ofMillis(400));
        try (Emulator org = Emulator.start(EmulatorConfig.defaults().withDemoOrg().withClock(clock))) {
            SalesforceSession s = new SalesforceSession(SalesforceCredentials.clientCredentials(
                    URI.create(org.baseUrl()), EmulatorConfig.DEFAULT_CLIENT_ID,
                    EmulatorConfig.DEFAULT_CLIENT_SECRET), Clock.systemUTC());
            ResilientCrm crm = new ResilientCrm(s, ResilienceSettings.defaults(), ApiBudget.of(s));
            FollowUpTasks tasks = new FollowUpTasks(crm, s::userId);
            CrmWriter w = new CrmWriter(crm, tasks, 5, Duration.ofMillis(1));
            String account = String.valueOf(s.call(c -> c.query("SELECT Id FROM Account LIMIT 1")).getRecords()[0]
                    .getId());
            List<String> reps = List.of(org.runAsUserId(), activeUserOtherThan(s, org.runAsUserId()));
            String weekOld = w.createTasks(List.of(followUp("CONTACT_SILENT:" + account, account, reps.get(0))))
                    .get(0).id();
            clock.advance(Duration.ofDays(7));
            String mine = w.createTasks(List.of(followUp("COMPLAINTS:" + account, account, reps.get(0)))).get(0).id();
            String theirs = w.createTasks(List.of(followUp("STALE_PLAN:" + account, account, reps.get(1)))).get(0)
                    .id();
            close(s, mine);

            // Since is cut to the second: a task created within that second counts.
            assertThat(tasks.ownCreatedSince(reps, clock.instant().plusMillis(300))).extracting(HeldTask::id,
                    HeldTask::ownerId, HeldTask::closed).containsExactlyInAnyOrder(tuple(mine, reps.get(0), true),
                            tuple(theirs, reps.get(1), false));
            assertThat(tasks.ownCreatedSince(List.of(reps.get(1)), clock.instant())).extracting(HeldTask::id)
                    .containsExactly(theirs);
            assertThat(tasks.ownCreatedSince(reps, clock.instant().minus(Duration.ofDays(8)))).extracting(
                    HeldTask::id).containsExactlyInAnyOrder(weekOld, mine, theirs);
        }
    }

    private static NewFollowUpTask followUp(String key, String account, String owner) {
        return new NewFollowUpTask(key, account, null, owner, "Follow up", "Why", "Normal", LocalDate.of(2026, 7, 5));
    }

    private static String activeUserOtherThan(SalesforceSession s, String userId) throws Exception {
        return s.call(c -> c.query("SELECT Id FROM User WHERE IsActive = true AND Id != '" + userId + "' LIMIT 1"))
                .getRecords()[0].getId();
    }

    private void close(String taskId) throws Exception {
        close(session, taskId);
    }

    private static void close(SalesforceSession s, String taskId) throws Exception {
        SObject done = new SObject("Task");
        done.setId(taskId);
        done.setField("Status", "Completed");
        assertThat(s.call(c -> c.update(new SObject[] {done}))[0].isSuccess()).isTrue();
    }

    @Test
    void theWrittenFieldsCheckNamesAMissingFieldAndThePackage() throws Exception {
        assertThat(WrittenFields.problems(new CachedOrgSchema(session, Duration.ofHours(1)))).isEmpty();
        try (Emulator bare = Emulator.start(EmulatorConfig.defaults())) {
            SalesforceSession s = new SalesforceSession(SalesforceCredentials.clientCredentials(
                    URI.create(bare.baseUrl()), EmulatorConfig.DEFAULT_CLIENT_ID,
                    EmulatorConfig.DEFAULT_CLIENT_SECRET), Clock.systemUTC());
            assertThat(String.join("\n", WrittenFields.problems(new CachedOrgSchema(s, Duration.ofHours(1)))))
                    .contains("Account.Health_Score__c: not in the org")
                    .contains("Task.Risk_Signal_Key__c").contains("sf project deploy start");
        }
    }
}
