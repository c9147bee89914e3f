package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import io.redflag.service.OrgStates;
import io.redflag.service.TestAccess;
import io.redflag.service.MovableClock;
import io.redflag.service.TestClock;
import io.redflag.service.crm.DemoOrg;
import io.redflag.service.security.ApiTokens;
import io.redflag.service.store.DirtyAccounts;
import io.redflag.service.store.UserDirectory;
import io.redflag.service.sync.SyncFlow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the weekly cap holds back, end to end on the demo org with a cap of two a week and one clock for the org
 * and the service: it is stored and shown by the API, never while its task exists; from the next Monday each
 * assignee's manager gets one digest task listing it, once, also when the store forgot its ledger; a week later
 * the cap has room again and what it lets through leaves the held-back list. The loop only scores here
 * (write-back off); the test flushes by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {MovableClock.START + "=2026-07-01T12:00:00Z",
            "redflag.salesforce.demo-port=0", "redflag.scoring.sweep-interval=200ms",
            "redflag.sync.poll-interval=200ms", "redflag.sync.max-poll-interval=200ms",
            "redflag.sync.daily-ceiling=100000000", "redflag.scoring.write-back=false",
            "redflag.scoring.scorecard-file=src/test/resources/io/redflag/service/scoring/weekly-cap-of-two.yaml"})
@DirtiesContext
@Import(MovableClock.class)
class HeldBackIT {
    /** A Wednesday. */
    private static final Instant START = Instant.parse("2026-07-01T12:00:00Z");
    private static final LocalDate NEXT_MONDAY = LocalDate.parse("2026-07-06");

    @Autowired
    TestClock clock;
    @Autowired
    DirtyAccounts dirty;
    @Autowired
    Outbox outbox;
    @Autowired
    ScoringService scoring;
    @Autowired
    WriteBack writeBack;
    @Autowired
    HeldBack heldBack;
    @Autowired
    UserDirectory users;
    @Autowired
    DemoOrg demo;
    @Autowired
    SalesforceSession session;
    @Autowired
    DataSource store;
    @Autowired
    SyncFlow sync;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    @Test
    void heldBackFollowUpsAreShownDigestedOnceAWeekForTheManagerAndReleasedWhenTheCapHasRoom() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> dirty.size() == 0 && outbox.pendingCount() > 0);
        writeBack.flush();
        List<HeldBack.Held> held = heldBack.all();
        assertThat(held).as("the cap of two held follow-ups back").isNotEmpty();
        assertHeldOnlyWhatHasNoTaskAndOnlyForFullWeeks(held);
        assertThat(api("/api/follow-ups/held")).as("the API shows the held-back list").isEqualTo(json.readTree(
                json.writeValueAsString(held)));
        String someone = held.get(0).assigneeId();
        assertThat(api("/api/follow-ups/held?assignee=" + someone)).isEqualTo(json.readTree(json.writeValueAsString(
                held.stream().filter(h -> h.assigneeId().equals(someone)).toList())));
        assertThat(digestTasks()).as("no digest before the week is over").isEmpty();

        clock.advance(Duration.between(START, NEXT_MONDAY.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC)));
        rescoreAndWriteBack();
        List<HeldBack.Held> waiting = heldBack.all();
        List<List<Object>> digests = digestTasks();
        assertThat(digests).as("one digest per assignee, for their manager, listing what waits")
                .isEqualTo(expectedDigests(waiting));

        rescoreAndWriteBack();
        assertThat(digestTasks()).as("a second run that week makes no second digest").isEqualTo(digests);
        closeEveryDigest(); // the managers read them: only a look-up in the CRM still knows they were made
        StoreLoss.forgetTheLedger(store);
        rescoreAndWriteBack();
        assertThat(digestTasks()).as("nor does a store that forgot its ledger").isEqualTo(digests);

        clock.advance(Duration.ofDays(8)); // last week's tasks are out of the cap's 7 days
        List<List<Object>> tasksBefore = OrgStates.followUpTasks(demo.emulator());
        rescoreAndWriteBack();
        Set<String> made = keys(OrgStates.followUpTasks(demo.emulator()));
        made.removeAll(keys(tasksBefore));
        made.removeIf(HeldBackDigest::isDigest); // this week's digests of what still waits
        assertThat(made).as("the cap let follow-ups through again").isNotEmpty();
        assertThat(waiting.stream().map(HeldBack.Held::key).filter(made::contains)).as("some of them were held back")
                .isNotEmpty();
        assertHeldOnlyWhatHasNoTaskAndOnlyForFullWeeks(heldBack.all());
    }

    /**
     * Nothing held back has a task under its key (in the org or planned), only LOW and MEDIUM findings are held,
     * and only for assignees whose last 7 days already hold two of Redflag's tasks.
     */
    private void assertHeldOnlyWhatHasNoTaskAndOnlyForFullWeeks(List<HeldBack.Held> held) {
        Set<String> tasks = keys(OrgStates.followUpTasks(demo.emulator()));
        assertThat(held).allSatisfy(h -> {
            assertThat(tasks).as("task under a held-back key").doesNotContain(h.key());
            assertThat(h.severity()).isIn("LOW", "MEDIUM");
        });
        Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
        Map<String, Integer> thisWeek = new HashMap<>();
        for (SRecord t : tasks()) {
            Object key = t.get("Risk_Signal_Key__c");
            if (key != null && !key.toString().startsWith("HELD_BACK_DIGEST:")
                    && Instant.parse(String.valueOf(t.get("CreatedDate"))).isAfter(weekAgo)) {
                thisWeek.merge(String.valueOf(t.get("OwnerId")), 1, Integer::sum);
            }
        }
        assertThat(held).allSatisfy(h -> assertThat(thisWeek.getOrDefault(h.assigneeId(), 0))
                .as("Redflag's tasks this week for %s", h.assigneeId()).isGreaterThanOrEqualTo(2));
    }

    /** Key, owner, subject and description of each digest task the org holds. */
    private List<List<Object>> digestTasks() {
        List<List<Object>> out = new ArrayList<>();
        for (SRecord t : tasks()) {
            Object key = t.get("Risk_Signal_Key__c");
            if (key != null && key.toString().startsWith("HELD_BACK_DIGEST:")) {
                out.add(List.of(key, t.get("OwnerId"), t.get("Subject"), t.get("WhatId") == null ? "no account"
                        : t.get("WhatId"), String.valueOf(t.get("Description"))));
            }
        }
        out.sort(java.util.Comparator.comparing(String::valueOf));
        return out;
    }

    private void closeEveryDigest() throws Exception {
        List<SObject> done = new ArrayList<>();
        for (SRecord t : tasks()) {
            if (String.valueOf(t.get("Risk_Signal_Key__c")).startsWith("HELD_BACK_DIGEST:")) {
                SObject closed = new SObject("Task");
                closed.setId(t.id());
                closed.setField("Status", "Completed");
                done.add(closed);
            }
        }
        com.sforce.soap.partner.SaveResult[] saved = session.call(c -> c.update(done.toArray(SObject[]::new)));
        assertThat(saved).extracting(com.sforce.soap.partner.SaveResult::isSuccess).containsOnly(true);
    }

    private List<List<Object>> expectedDigests(List<HeldBack.Held> waiting) {
        Map<String, List<HeldBack.Held>> byAssignee = new HashMap<>();
        Instant monday = NEXT_MONDAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        waiting.stream().filter(h -> h.firstHeldAt().isBefore(monday)) // held back this week: next week's digest
                .forEach(h -> byAssignee.computeIfAbsent(h.assigneeId(), a -> new ArrayList<>()).add(h));
        List<List<Object>> out = new ArrayList<>();
        byAssignee.forEach((assignee, list) -> {
            var user = users.user(assignee).orElseThrow();
            String key = "HELD_BACK_DIGEST:" + assignee + ":" + NEXT_MONDAY;
            StringBuilder lines = new StringBuilder();
            list.forEach(h -> lines.append("\n- ").append(h.severity()).append(": ").append(h.subject())
                    .append(" (held back since ").append(LocalDate.ofInstant(h.firstHeldAt(), java.time.ZoneOffset.UTC))
                    .append("; ").append(h.key()).append(')'));
            String description = "The cap of 2 automatic low and medium follow-ups per person a week held these back"
                    + " for " + user.name() + "; they were waiting when the week of " + NEXT_MONDAY + " began."
                    + " Consider reassigning accounts, agreeing which ones come first, or raising the cap"
                    + " (followUps.perOwnerPerWeek in the scorecard).\n" + lines + "\n\nKey: " + key;
            out.add(List.of(key, user.managerId(), "Weekly digest: " + list.size() + " follow-up"
                    + (list.size() == 1 ? "" : "s") + " for " + user.name() + " held back by the weekly cap",
                    "no account", description));
        });
        out.sort(java.util.Comparator.comparing(String::valueOf));
        return out;
    }

    private List<SRecord> tasks() {
        OrgStore org = demo.emulator().store();
        return org.snapshot(org.schema().find("Task"), false);
    }

    private static Set<String> keys(List<List<Object>> tasks) {
        Set<String> keys = new TreeSet<>();
        tasks.forEach(t -> keys.add(String.valueOf(t.get(0))));
        return keys;
    }

    /** What the loop does on its daily run, at the clock's time, once the sync has caught up. */
    private void rescoreAndWriteBack() {
        await().atMost(Duration.ofSeconds(30)).until(() -> dirty.size() == 0);
        scoring.scoreAll();
        writeBack.flush();
    }

    private JsonNode api(String path) throws Exception {
        return TestAccess.viewed(port, path, tokens, json);
    }
}
