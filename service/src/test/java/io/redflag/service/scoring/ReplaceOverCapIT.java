package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static io.redflag.service.scoring.RepWeeks.keys;
import static io.redflag.service.scoring.RepWeeks.plus;
import static org.awaitility.Awaitility.await;

import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import io.redflag.emulator.store.WriteContext;
import io.redflag.service.TestAccess;
import io.redflag.service.MovableClock;
import io.redflag.service.TestClock;
import io.redflag.service.crm.DemoOrg;
import io.redflag.service.security.ApiTokens;
import io.redflag.service.store.DirtyAccounts;
import io.redflag.service.store.UserDirectory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Severity over the weekly cap of two, end to end on the demo org with one clock for the org and the service. A rep
 * at the cap sees a key contact leave a key account: with {@code overCap: always} the new task comes on top and
 * nothing is deleted; with {@code replace} (applied as an admin would) the next one takes the place of the rep's
 * lowest-severity, newest task of the week that nobody touched (the test touches the first choice, which must
 * stay), that task is deleted once the new one exists, and its follow-up is held back: listed by the API and, the
 * next Monday, in the digest to the rep's manager. A stop between the create and the delete, and a delete whose
 * note was lost, end the same way. The loop scores (write-back off); the test flushes by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {MovableClock.START + "=2026-07-01T12:00:00Z",
            "redflag.salesforce.demo-port=0", "redflag.scoring.sweep-interval=200ms",
            "redflag.sync.poll-interval=200ms", "redflag.sync.max-poll-interval=200ms",
            "redflag.sync.daily-ceiling=100000000", "redflag.scoring.write-back=false"})
@DirtiesContext
@Import(MovableClock.class)
class ReplaceOverCapIT {
    /** A Wednesday. */
    private static final Instant START = Instant.parse("2026-07-01T12:00:00Z");
    private static final LocalDate NEXT_MONDAY = LocalDate.parse("2026-07-06");
    private static final String CAP_OF_TWO = "version: cap-of-two-always\nfollowUps:\n  perOwnerPerWeek: 2\n";

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
    FollowUpLedger ledger;
    @Autowired
    ReplacedFollowUps replacedFollowUps;
    @Autowired
    io.redflag.connector.writeback.CrmWriter writer;
    @Autowired
    HeldBack heldBack;
    @Autowired
    ActiveScorecard scorecards;
    @Autowired
    UserDirectory users;
    @Autowired
    DemoOrg demo;
    @Autowired
    SalesforceSession session;
    @Autowired
    DataSource store;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    @Test
    void aSevereFollowUpOverTheCapComesOnTopWithAlwaysAndReplacesAnUntouchedLowerOneWithReplace() throws Exception {
        // The shipped cap of 10 gives the reps their LOW and MEDIUM tasks; a cap of 2 then finds their weeks full.
        await().atMost(Duration.ofSeconds(60)).until(() -> dirty.size() == 0 && outbox.pendingCount() > 0);
        writeBack.flush();
        scorecards.apply(CAP_OF_TWO + "  overCap: always\n", "ReplaceOverCapIT");
        RepWeeks weeks = new RepWeeks(demo.emulator(), store, users);
        RepWeeks.Setting s = weeks.repAtTheCap();
        String rep = s.rep();

        List<List<Object>> before = weeks.tasksOf(rep);
        String first = leave(s.contacts().get(0));
        List<List<Object>> always = weeks.tasksOf(rep);
        assertThat(keys(always)).as("always: the new task on top, nothing deleted").containsExactlyInAnyOrderElementsOf(
                plus(keys(before), first));
        assertThat(always).containsAll(before);

        scorecards.apply(CAP_OF_TWO.replace("always", "replacing") + "  overCap: replace\n", "ReplaceOverCapIT");
        List<SRecord> givers = weeks.untouchedLowerTasksInOrder(rep);
        assertThat(givers).as("the rep's LOW and MEDIUM tasks of the week").hasSizeGreaterThanOrEqualTo(2);
        SRecord touched = givers.get(0);
        String replaced = String.valueOf(givers.get(1).get("Risk_Signal_Key__c"));
        touch(touched, rep);
        List<List<Object>> beforeReplace = weeks.tasksOf(rep);

        String second = planLeaving(s.contacts().get(1));
        assertThat(replacedFollowUps.deleteDue(100)).as("no delete while the replacement is only planned").isZero();
        assertThat(weeks.tasksOf(rep)).isEqualTo(beforeReplace);
        // The service stops right after the create is noted: the replaced task must still be there.
        ledger.record(writer.createTasks(ledger.planned(100)));
        assertThat(keys(weeks.tasksOf(rep))).as("nothing is deleted before its replacement exists")
                .containsExactlyInAnyOrderElementsOf(plus(keys(beforeReplace), second));
        assertThat(writeBack.flush().tasksReplaced()).as("after the restart the delete is done").isEqualTo(1);

        List<List<Object>> expected = new ArrayList<>(beforeReplace);
        expected.removeIf(t -> t.get(0).equals(replaced));
        List<List<Object>> after = weeks.tasksOf(rep);
        List<Object> made = after.stream().filter(t -> t.get(0).equals(second)).findFirst().orElseThrow();
        expected.add(made);
        expected.sort(Comparator.comparing(String::valueOf));
        assertThat(after).as("replace: the new task in the place of the lowest, newest untouched one").isEqualTo(
                expected);
        assertThat(made.get(1).toString()).startsWith("Meet the successor of");
        assertThat(made.get(2)).isEqualTo("Not Started");
        assertThat(keys(after)).as("the touched task stays").contains(String.valueOf(touched.get(
                "Risk_Signal_Key__c")));
        assertThat(keys(after)).as("the week stays at its count").hasSize(beforeReplace.size());
        JdbcTemplate jdbc = new JdbcTemplate(store);
        jdbc.update("UPDATE follow_up SET replaced_at = NULL, replace_outcome = NULL WHERE signal_key = ?", second);
        assertThat(writeBack.flush().tasksReplaced()).as("a delete whose note was lost is settled again").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT replace_outcome FROM follow_up WHERE signal_key = ?", String.class,
                second)).isEqualTo("GONE");
        assertThat(weeks.tasksOf(rep)).as("without a second task or a second delete").isEqualTo(after);

        await().atMost(Duration.ofSeconds(30)).until(() -> heldBack.of(rep).stream().anyMatch(h -> h.key().equals(
                replaced)));
        JsonNode listed = api("/api/follow-ups/held?assignee=" + rep);
        List<String> listedKeys = new ArrayList<>();
        listed.forEach(h -> listedKeys.add(h.path("key").asString()));
        assertThat(listedKeys).as("the API lists the replaced follow-up").contains(replaced);
        assertThat(weeks.tasksOf(rep)).as("held back, not planned again").isEqualTo(after);

        clock.advance(Duration.between(START, NEXT_MONDAY.atTime(9, 0).toInstant(ZoneOffset.UTC)));
        await().atMost(Duration.ofSeconds(30)).until(() -> dirty.size() == 0);
        scoring.scoreAll();
        writeBack.flush();
        String manager = users.user(rep).orElseThrow().managerId();
        List<String> digests = new ArrayList<>();
        for (SRecord t : weeks.tasks()) {
            if (String.valueOf(t.get("Risk_Signal_Key__c")).equals("HELD_BACK_DIGEST:" + rep + ":" + NEXT_MONDAY)) {
                assertThat(t.get("OwnerId")).isEqualTo(manager);
                digests.add(String.valueOf(t.get("Description")));
            }
        }
        assertThat(digests).as("the manager's digest lists the replaced follow-up").singleElement().asString()
                .contains("; " + replaced + ")");
    }

    /** Marks the contact as having left; returns the key of the follow-up that made, once written back. */
    private String leave(SRecord contact) throws Exception {
        String key = planLeaving(contact);
        writeBack.flush();
        assertThat(new JdbcTemplate(store).queryForObject("SELECT state FROM follow_up WHERE signal_key = ?",
                String.class, key)).isEqualTo("CREATED");
        return key;
    }

    /** Marks the contact as having left; returns the key of the follow-up that made, once planned. */
    private String planLeaving(SRecord contact) throws Exception {
        clock.advance(Duration.ofMinutes(1)); // past the sync's watermark
        SObject left = new SObject("Contact");
        left.setId(contact.id());
        left.setField("Left_Company__c", true);
        SaveResult[] saved = session.call(c -> c.update(new SObject[] {left}));
        assertThat(saved[0].isSuccess()).as(String.valueOf(saved[0])).isTrue();
        JdbcTemplate jdbc = new JdbcTemplate(store);
        String like = "KEY_CONTACT_LEFT:%:" + contact.id();
        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList("SELECT signal_key FROM follow_up"
                + " WHERE signal_key LIKE ?", String.class, like).isEmpty());
        return jdbc.queryForObject("SELECT signal_key FROM follow_up WHERE signal_key LIKE ?", String.class, like);
    }

    /** The rep changes the task's comments, as a rep working on it would. */
    private void touch(SRecord task, String rep) {
        clock.advance(Duration.ofMinutes(5));
        OrgStore org = demo.emulator().store();
        assertThat(org.update(task.id(), Map.of("Description", task.get("Description") + "\nCalled them, no answer."),
                Set.of(), WriteContext.api(rep)).success()).isTrue();
    }

    private JsonNode api(String path) throws Exception {
        return TestAccess.viewed(port, path, tokens, json);
    }
}
