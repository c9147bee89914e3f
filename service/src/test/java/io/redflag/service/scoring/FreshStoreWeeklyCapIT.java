package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.service.OrgStates;
import io.redflag.service.crm.DemoOrg;
import io.redflag.service.store.DirtyAccounts;
import io.redflag.service.sync.SyncFlow;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The weekly cap counts the tasks the CRM holds, not the store's ledger: against an org that already holds this
 * week's Redflag tasks (a cap of 2 a week, full for some assignees), a store without the ledger (fresh, or
 * restored from an older backup) that has read the tasks back creates nothing more. The loop only scores here
 * (write-back off); the test flushes by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"redflag.salesforce.demo-port=0", "redflag.scoring.sweep-interval=200ms",
            "redflag.sync.poll-interval=200ms", "redflag.sync.max-poll-interval=200ms",
            "redflag.sync.daily-ceiling=100000000", "redflag.scoring.write-back=false",
            "redflag.scoring.scorecard-file=src/test/resources/io/redflag/service/scoring/weekly-cap-of-two.yaml"})
@DirtiesContext
class FreshStoreWeeklyCapIT {
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
    @Autowired
    MeterRegistry meters;

    @Test
    void aStoreWithoutTheLedgerCreatesNoTaskBeyondTheWeeklyCapAndNoDuplicate() {
        await().atMost(Duration.ofSeconds(60)).until(() -> dirty.size() == 0 && outbox.pendingCount() > 0);
        writeBack.flush();
        assertThat(meters.counter(ScoringService.HELD_BACK).count()).as("the cap held tasks back this week")
                .isPositive();
        List<List<Object>> before = OrgStates.followUpTasks(demo.emulator());
        await().atMost(Duration.ofSeconds(30)).until(() -> StoreLoss.redflagsTasks(store) == before.size());

        StoreLoss.stopTheSync(sync);
        StoreLoss.forgetTheLedger(store);
        scoring.scoreAll();
        WriteBack.Flush flush = writeBack.flush();

        assertThat(OrgStates.followUpTasks(demo.emulator())).as("the org's tasks, whole").isEqualTo(before);
        assertThat(flush.tasksCreated()).isZero();
        assertThat(flush.tasksFailed()).isZero();
    }
}
