package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.connector.writeback.NewFollowUpTask;
import io.redflag.service.EmulatorHttp;
import io.redflag.service.store.DirtyAccounts;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import io.redflag.service.OrgStates;
import io.redflag.service.crm.DemoOrg;

/**
 * A CRM outage during write-back loses nothing and duplicates nothing once the CRM is back. The loop only
 * scores here (write-back off); the test flushes by hand, through the outage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"redflag.salesforce.demo-port=0", "redflag.scoring.sweep-interval=200ms",
            "redflag.scoring.write-back=false"})
class WriteBackOutageIT {
    @Autowired
    SalesforceSession session;
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

    private List<SObject> followUps() throws Exception {
        return Arrays.asList(session.call(c -> c.query("SELECT Id, Risk_Signal_Key__c FROM Task"
                + " WHERE Risk_Signal_Key__c != null")).getRecords());
    }

    @Test
    void anOutageLosesNothingAndDuplicatesNothing() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> dirty.size() == 0 && outbox.pendingCount() > 0);
        int pending = outbox.pendingCount();
        List<NewFollowUpTask> planned = ledger.planned(10_000);
        assertThat(planned).isNotEmpty();
        EmulatorHttp org = new EmulatorHttp(session);

        // Down hard: the flush fails, everything stays pending, nothing reached the CRM.
        org.faults("{\"unavailableShare\": 1.0}");
        assertThatThrownBy(writeBack::flush).isInstanceOf(RuntimeException.class);
        org.noFaults();
        assertThat(outbox.pendingCount()).isEqualTo(pending);
        assertThat(followUps()).isEmpty();

        // A task created just before a crash, before the ledger noted it: found by its key, not made twice.
        NewFollowUpTask first = planned.get(0);
        SObject orphan = new SObject("Task");
        orphan.setField("WhatId", first.accountId());
        orphan.setField("OwnerId", first.ownerId());
        orphan.setField("Subject", first.subject());
        orphan.setField("Risk_Signal_Key__c", first.key());
        assertThat(session.call(c -> c.create(new SObject[] {orphan}))[0].isSuccess()).isTrue();

        // Flaky: half the calls fail; flush until it goes through, as the loop would.
        org.faults("{\"unavailableShare\": 0.5, \"seed\": 3}");
        for (int round = 0; round < 30 && (outbox.pendingCount() > 0 || !ledger.planned(1).isEmpty()); round++) {
            try {
                writeBack.flush();
            } catch (RuntimeException outage) {
                // left for the next round
            }
        }
        org.noFaults();
        writeBack.flush();

        assertThat(outbox.pendingCount()).isZero();
        assertThat(ledger.planned(10_000)).isEmpty();
        // Every planned task once, as planned (the orphan as it was made: no due date, the org's default status).
        List<List<Object>> expected = new java.util.ArrayList<>();
        for (NewFollowUpTask t : planned) {
            boolean orphaned = t.key().equals(first.key());
            expected.add(List.of(t.key(), t.subject(), t.ownerId(), "Not Started",
                    orphaned ? "(none)" : String.valueOf(t.activityDate())));
        }
        expected.sort(java.util.Comparator.comparing(String::valueOf));
        List<List<Object>> inOrg = OrgStates.followUpTasks(demo.emulator()).stream().map(e -> List.<Object>of(
                e.get(0), e.get(1), e.get(2), e.get(3), e.get(4) == null ? "(none)" : String.valueOf(e.get(4))))
                .sorted(java.util.Comparator.comparing(String::valueOf)).toList();
        assertThat(inOrg).isEqualTo(expected);
        SObject[] scored = session.call(c -> c.query("SELECT Id FROM Account WHERE Risk_Level__c != null"))
                .getRecords();
        assertThat(scored).hasSize(pending);
    }
}
