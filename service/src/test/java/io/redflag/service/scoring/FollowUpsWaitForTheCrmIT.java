package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redflag.connector.session.SalesforceSession;
import io.redflag.connector.writeback.NewFollowUpTask;
import io.redflag.emulator.control.OrgControl;
import io.redflag.service.crm.DemoOrg;
import io.redflag.service.store.DirtyAccounts;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Follow-ups are planned on what the CRM holds, so they wait while the CRM cannot be read (here: the org's API
 * usage is past the share kept for write-back, so reads are refused): the accounts that may need a task are
 * queued again, their scores go on, and the tasks are planned once the CRM can be read. The loop only scores
 * here (write-back off).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"redflag.salesforce.demo-port=0", "redflag.scoring.sweep-interval=1h",
            "redflag.scoring.write-back=false"})
@DirtiesContext
class FollowUpsWaitForTheCrmIT {
    @Autowired
    DirtyAccounts dirty;
    @Autowired
    Outbox outbox;
    @Autowired
    FollowUpLedger ledger;
    @Autowired
    ScoringService scoring;
    @Autowired
    SalesforceSession session;
    @Autowired
    DemoOrg demo;
    @Autowired
    DataSource store;

    @Test
    void whileTheCrmCannotBeReadTheAccountsWaitingForATaskAreQueuedAgainAndPlannedOnceItCan() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> dirty.size() == 0 && !ledger.planned(1).isEmpty());
        Set<String> keys = ledger.planned(10_000).stream().map(NewFollowUpTask::key).collect(Collectors.toSet());
        Set<String> accounts = ledger.planned(10_000).stream().map(NewFollowUpTask::accountId)
                .collect(Collectors.toSet());
        StoreLoss.forgetTheLedger(store);
        OrgControl org = demo.emulator().control();
        org.apiLimit(org.apiUsed() + 2);
        session.call(c -> c.getServerTimestamp()); // its answer tells the budget: reads are paused

        ScoringService.Run refused = scoring.scoreAll();

        assertThat(refused.plannedTasks()).isZero();
        assertThat(refused.scored()).isPositive();
        assertThat(ledger.planned(10_000)).isEmpty();
        assertThat(dirty.oldest(10_000)).extracting(DirtyAccounts.Entry::accountId).containsAll(accounts);

        org.apiLimit(1_000_000);
        session.call(c -> c.getServerTimestamp());
        scoring.scoreChanged();

        assertThat(ledger.planned(10_000)).extracting(NewFollowUpTask::key).containsExactlyInAnyOrderElementsOf(keys);
    }
}
