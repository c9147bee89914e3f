package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.service.OrgStates;
import io.redflag.service.MovableClock;
import io.redflag.service.TestClock;
import io.redflag.service.crm.DemoOrg;
import io.redflag.service.store.DirtyAccounts;
import io.redflag.service.sync.SyncFlow;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The cooldown counts from the closed tasks the CRM holds, not from the store: a follow-up closed in the CRM
 * is not created again within 30 days by a store that never saw it (fresh, before its first full sync of
 * tasks, with no ledger), and a new one reaches the CRM after. One clock for the org and the service, moved by
 * hand; the loop only scores (write-back off); the test flushes by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {MovableClock.START + "=2026-06-30T12:00:00Z",
            "redflag.salesforce.demo-port=0", "redflag.scoring.sweep-interval=200ms",
            "redflag.sync.poll-interval=200ms", "redflag.sync.max-poll-interval=200ms",
            "redflag.sync.daily-ceiling=100000000", "redflag.scoring.write-back=false"})
@DirtiesContext
@Import(MovableClock.class)
class CrmCooldownIT {
    @Autowired
    TestClock clock;
    @Autowired
    SalesforceSession session;
    @Autowired
    DirtyAccounts dirty;
    @Autowired
    Outbox outbox;
    @Autowired
    ScoringService scoring;
    @Autowired
    WriteBack writeBack;
    @Autowired
    DemoOrg demo;
    @Autowired
    DataSource store;
    @Autowired
    SyncFlow sync;

    @Test
    void aTaskClosedInTheCrmCoolsDownInAStoreThatNeverSawItAndComesBackAfter() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> dirty.size() == 0 && outbox.pendingCount() > 0);
        writeBack.flush();
        SObject task = Arrays.stream(session.call(c -> c.query("SELECT Id, Risk_Signal_Key__c FROM Task"
                + " WHERE Risk_Signal_Key__c LIKE 'REVENUE_DECLINE:%'")).getRecords()).findFirst().orElseThrow();
        String key = String.valueOf(task.getField("Risk_Signal_Key__c"));
        StoreLoss.stopTheSync(sync);
        close(task.getId());
        StoreLoss.forgetTheLedger(store);
        StoreLoss.forgetRedflagsTasks(store);

        clock.advance(Duration.ofDays(29));
        scoring.scoreAll();
        writeBack.flush();
        assertThat(tasks(key)).as("29 days after closing: still cooling down").extracting(SObject::getId,
                t -> t.getField("Status")).containsExactly(tuple(task.getId(), "Completed"));

        clock.advance(Duration.ofDays(2));
        scoring.scoreAll();
        writeBack.flush();
        assertThat(tasks(key)).as("31 days after closing: a new task beside the closed one").extracting(
                t -> t.getId().equals(task.getId()), t -> t.getField("Status"))
                .containsExactlyInAnyOrder(tuple(true, "Completed"), tuple(false, "Not Started"));
        assertThat(openTasksPerKey().values()).as("never two open tasks under one key").containsOnly(1L);
    }

    private void close(String taskId) throws Exception {
        SObject done = new SObject("Task");
        done.setId(taskId);
        done.setField("Status", "Completed");
        assertThat(session.call(c -> c.update(new SObject[] {done}))[0].isSuccess()).isTrue();
    }

    private List<SObject> tasks(String key) throws Exception {
        return Arrays.asList(session.call(c -> c.query("SELECT Id, Status FROM Task WHERE Risk_Signal_Key__c = '"
                + key + "'")).getRecords());
    }

    private Map<Object, Long> openTasksPerKey() {
        return OrgStates.followUpTasks(demo.emulator()).stream().filter(t -> !"Completed".equals(t.get(3)))
                .collect(Collectors.groupingBy(t -> t.get(0), Collectors.counting()));
    }
}
