package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.connector.writeback.NewFollowUpTask;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.service.LosingProxy;
import io.redflag.service.OrgStates;
import io.redflag.service.crm.DemoOrg;
import io.redflag.service.store.DirtyAccounts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A Task create whose answer is lost after the org committed it (a proxy between the service and the org
 * answers 502 instead): the tasks are found by their keys, not created a second time, their ids are recorded,
 * and the flush counts them as created, found after a lost answer, none failed. The loop only scores here
 * (write-back off); the test flushes by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"redflag.salesforce.demo-port=0", "redflag.scoring.sweep-interval=200ms",
            "redflag.scoring.write-back=false"})
@DirtiesContext
class LostAnswerIT {

    @TestConfiguration
    static class BehindAProxy {
        @Bean(destroyMethod = "close")
        LosingProxy losingProxy(DemoOrg demo) {
            return LosingProxy.start(demo.emulator().baseUrl());
        }

        /** Every CRM call of the service goes through the proxy. */
        @Bean
        @Primary
        SalesforceSession sessionThroughTheProxy(LosingProxy proxy, Clock clock) {
            return new SalesforceSession(SalesforceCredentials.clientCredentials(URI.create(proxy.baseUrl()),
                    EmulatorConfig.DEFAULT_CLIENT_ID, EmulatorConfig.DEFAULT_CLIENT_SECRET), clock);
        }
    }

    @Autowired
    LosingProxy proxy;
    @Autowired
    DirtyAccounts dirty;
    @Autowired
    Outbox outbox;
    @Autowired
    FollowUpLedger ledger;
    @Autowired
    WriteBack writeBack;
    @Autowired
    DemoOrg demo;
    @Autowired
    DataSource dataSource;

    @Test
    void aCreateWhoseAnswerIsLostAfterTheOrgCommittedItMakesEachTaskOnceAndIsCountedAsCreated() {
        await().atMost(Duration.ofSeconds(60)).until(() -> dirty.size() == 0 && outbox.pendingCount() > 0);
        int accounts = outbox.pendingCount();
        List<NewFollowUpTask> planned = ledger.planned(10_000);
        assertThat(planned).as("one create call carries them all").isNotEmpty().hasSizeLessThanOrEqualTo(200);

        proxy.loseNextTaskCreateAnswers(1);
        WriteBack.Flush flush = writeBack.flush();

        assertThat(proxy.lostAnswers()).isEqualTo(1);
        assertThat(proxy.taskCreates()).as("the create whose answer was lost is not sent again").isEqualTo(1);
        assertThat(flush).isEqualTo(new WriteBack.Flush(accounts, 0, planned.size(), planned.size(), 0, 0, 0));
        List<List<Object>> expected = new ArrayList<>();
        for (NewFollowUpTask t : planned) {
            expected.add(List.of(t.key(), t.subject(), t.ownerId(), "Not Started", t.activityDate()));
        }
        expected.sort(Comparator.comparing(String::valueOf));
        assertThat(OrgStates.followUpTasks(demo.emulator())).as("each planned task once, as planned")
                .isEqualTo(expected);
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT signal_key, state, task_id FROM follow_up"
                + " ORDER BY signal_key").stream().map(r -> List.of(r.get("signal_key"), r.get("state"),
                        r.get("task_id"))).toList()).as("the ledger holds the ids the org holds")
                .isEqualTo(OrgStates.followUpTaskIds(demo.emulator()).stream().map(e -> List.of(e.get(0),
                        FollowUpLedger.CREATED, e.get(1))).toList());
    }
}
