package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.service.MovableClock;
import io.redflag.service.TestClock;
import io.redflag.service.store.DirtyAccounts;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cooldown end to end, on the embedded demo org with one clock for the org and the service, moved by hand:
 * a follow-up task closed in the CRM is not created again for 30 days, and after that a new one reaches the
 * CRM beside the closed one. Only what the org holds is asserted, not the service's own ledger. The loop only
 * scores here (write-back off); the test flushes by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {MovableClock.START + "=2026-06-30T12:00:00Z",
            "redflag.salesforce.demo-port=0", "redflag.scoring.sweep-interval=200ms",
            "redflag.sync.poll-interval=200ms", "redflag.sync.max-poll-interval=200ms",
            "redflag.sync.daily-ceiling=100000000", "redflag.scoring.write-back=false"})
@Import(MovableClock.class)
class CooldownIT {
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
    DataSource dataSource;

    @Test
    void aClosedTaskIsNotCreatedAgainWithinTheCooldownAndANewOneReachesTheCrmAfterIt() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> dirty.size() == 0 && outbox.pendingCount() > 0);
        writeBack.flush();
        SObject task = tasksWhoseKeyStartsWith("REVENUE_DECLINE:").get(0);
        String key = String.valueOf(task.getField("Risk_Signal_Key__c"));
        assertThat(tasks(key)).extracting(t -> t.getField("Status")).containsExactly("Not Started");

        close(task.getId());
        awaitTheSyncSeesItClosed(task.getId());

        clock.advance(Duration.ofDays(29));
        rescoreAndWriteBack();
        assertThat(tasks(key)).as("29 days after closing: still cooling down").extracting(SObject::getId,
                t -> t.getField("Status")).containsExactly(tuple(task.getId(), "Completed"));

        clock.advance(Duration.ofDays(2));
        rescoreAndWriteBack();
        List<SObject> after = tasks(key);
        assertThat(after).as("31 days after closing: a new task beside the closed one").extracting(
                t -> t.getId().equals(task.getId()), t -> t.getField("Status"), t -> t.getField("IsClosed"))
                .containsExactlyInAnyOrder(tuple(true, "Completed", "true"), tuple(false, "Not Started", "false"));
    }

    private void close(String taskId) throws Exception {
        SObject done = new SObject("Task");
        done.setId(taskId);
        done.setField("Status", "Completed");
        assertThat(session.call(c -> c.update(new SObject[] {done}))[0].isSuccess()).isTrue();
    }

    /**
     * The cooldown counts from the closing the sync reads back from the CRM. The sync polls when its schedule,
     * on the service's clock, says an object is due: the clock moves a second at each look.
     */
    private void awaitTheSyncSeesItClosed(String taskId) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            clock.advance(Duration.ofSeconds(1));
            return Boolean.TRUE.equals(jdbc.query("SELECT closed FROM task WHERE id = ?",
                    rs -> rs.next() ? rs.getBoolean(1) : null, taskId));
        });
    }

    /** What the loop does on its daily run, at the clock's time, once the sync has caught up. */
    private void rescoreAndWriteBack() {
        await().atMost(Duration.ofSeconds(30)).until(() -> dirty.size() == 0);
        scoring.scoreAll();
        writeBack.flush();
    }

    private List<SObject> tasks(String key) throws Exception {
        return Arrays.asList(session.call(c -> c.query("SELECT Id, Status, IsClosed, Risk_Signal_Key__c FROM Task"
                + " WHERE Risk_Signal_Key__c = '" + key + "'")).getRecords());
    }

    private List<SObject> tasksWhoseKeyStartsWith(String prefix) throws Exception {
        return Arrays.stream(session.call(c -> c.query("SELECT Id, Status, Risk_Signal_Key__c FROM Task"
                + " WHERE Risk_Signal_Key__c LIKE '" + prefix + "%'")).getRecords()).toList();
    }

}
