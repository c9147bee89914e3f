package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import io.redflag.emulator.store.WriteContext;
import io.redflag.service.TestAccess;
import io.redflag.service.TestClock;
import io.redflag.service.crm.DemoOrg;
import io.redflag.service.security.ApiTokens;
import io.redflag.service.store.DirtyAccounts;
import io.redflag.service.store.UserDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
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
        properties = {"redflag.salesforce.demo-port=0", "redflag.scoring.sweep-interval=200ms",
            "redflag.sync.poll-interval=200ms", "redflag.sync.max-poll-interval=200ms",
            "redflag.sync.daily-ceiling=100000000", "redflag.scoring.write-back=false"})
@DirtiesContext
class ReplaceOverCapIT {
    /** A Wednesday. */
    private static final Instant START = Instant.parse("2026-07-01T12:00:00Z");
    private static final LocalDate NEXT_MONDAY = LocalDate.parse("2026-07-06");
    private static final String CAP_OF_TWO = "version: cap-of-two-always\nfollowUps:\n  perOwnerPerWeek: 2\n";
    private static final Pattern KEY_TITLE = Pattern.compile("\\b(C[EFOIT]O|Chief|President|VP|Vice President"
            + "|Director)\\b");

    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(START);
        }
    }

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

    /** A rep whose week is full, and two key contacts of their key accounts who have not left. */
    private record Setting(String rep, List<SRecord> contacts) {
    }

    @Test
    void aSevereFollowUpOverTheCapComesOnTopWithAlwaysAndReplacesAnUntouchedLowerOneWithReplace() throws Exception {
        // The shipped cap of 10 gives the reps their LOW and MEDIUM tasks; a cap of 2 then finds their weeks full.
        await().atMost(Duration.ofSeconds(60)).until(() -> dirty.size() == 0 && outbox.pendingCount() > 0);
        writeBack.flush();
        scorecards.apply(CAP_OF_TWO + "  overCap: always\n", "ReplaceOverCapIT");
        Setting s = setting();
        String rep = s.rep();

        List<List<Object>> before = tasksOf(rep);
        String first = leave(s.contacts().get(0));
        List<List<Object>> always = tasksOf(rep);
        assertThat(keys(always)).as("always: the new task on top, nothing deleted").containsExactlyInAnyOrderElementsOf(
                plus(keys(before), first));
        assertThat(always).containsAll(before);

        scorecards.apply(CAP_OF_TWO.replace("always", "replacing") + "  overCap: replace\n", "ReplaceOverCapIT");
        List<SRecord> givers = untouchedLowerTasksInOrder(rep);
        assertThat(givers).as("the rep's LOW and MEDIUM tasks of the week").hasSizeGreaterThanOrEqualTo(2);
        SRecord touched = givers.get(0);
        String replaced = String.valueOf(givers.get(1).get("Risk_Signal_Key__c"));
        touch(touched, rep);
        List<List<Object>> beforeReplace = tasksOf(rep);

        String second = planLeaving(s.contacts().get(1));
        assertThat(replacedFollowUps.deleteDue(100)).as("no delete while the replacement is only planned").isZero();
        assertThat(tasksOf(rep)).isEqualTo(beforeReplace);
        // The service stops right after the create is noted: the replaced task must still be there.
        ledger.record(writer.createTasks(ledger.planned(100)));
        assertThat(keys(tasksOf(rep))).as("nothing is deleted before its replacement exists")
                .containsExactlyInAnyOrderElementsOf(plus(keys(beforeReplace), second));
        assertThat(writeBack.flush().tasksReplaced()).as("after the restart the delete is done").isEqualTo(1);

        List<List<Object>> expected = new ArrayList<>(beforeReplace);
        expected.removeIf(t -> t.get(0).equals(replaced));
        List<List<Object>> after = tasksOf(rep);
        List<Object> made = after.stream().filter(t -> t.get(0).equals(second)).findFirst().orElseThrow();
        expected.add(made);
        expected.sort(Comparator.comparing(String::valueOf));
        assertThat(after).as("replace: the new task in the place of the lowest, newest untouched one").isEqualTo(
                expected);
        assertThat(made.get(1).toString()).startsWith("Meet the successor of");
        assertThat(made.get(2)).isEqualTo("Not Started");
        assertThat(keys(after)).as("the touched task stays").contains(String.valueOf(touched.get("Risk_Signal_Key__c")));
        assertThat(keys(after)).as("the week stays at its count").hasSize(beforeReplace.size());
        JdbcTemplate jdbc = new JdbcTemplate(store);
        jdbc.update("UPDATE follow_up SET replaced_at = NULL, replace_outcome = NULL WHERE signal_key = ?", second);
        assertThat(writeBack.flush().tasksReplaced()).as("a delete whose note was lost is settled again").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT replace_outcome FROM follow_up WHERE signal_key = ?", String.class,
                second)).isEqualTo("GONE");
        assertThat(tasksOf(rep)).as("without a second task or a second delete").isEqualTo(after);

        await().atMost(Duration.ofSeconds(30)).until(() -> heldBack.of(rep).stream().anyMatch(h -> h.key().equals(
                replaced)));
        JsonNode listed = api("/api/follow-ups/held?assignee=" + rep);
        List<String> listedKeys = new ArrayList<>();
        listed.forEach(h -> listedKeys.add(h.path("key").asString()));
        assertThat(listedKeys).as("the API lists the replaced follow-up").contains(replaced);
        assertThat(tasksOf(rep)).as("held back, not planned again").isEqualTo(after);

        clock.advance(Duration.between(START, NEXT_MONDAY.atTime(9, 0).toInstant(ZoneOffset.UTC)));
        await().atMost(Duration.ofSeconds(30)).until(() -> dirty.size() == 0);
        scoring.scoreAll();
        writeBack.flush();
        String manager = users.user(rep).orElseThrow().managerId();
        List<String> digests = new ArrayList<>();
        for (SRecord t : tasks()) {
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

    /**
     * A rep with a manager, at the cap, with two LOW or MEDIUM tasks of the week, whose key accounts (those with a
     * task of Redflag's) have two key contacts who have not left.
     */
    private Setting setting() {
        Map<String, String> accountOwner = new HashMap<>();
        OrgStore org = demo.emulator().store();
        for (SRecord a : org.snapshot(org.schema().find("Account"), false)) {
            accountOwner.put(a.id(), String.valueOf(a.get("OwnerId")));
        }
        for (String rep : reps()) {
            var user = users.user(rep);
            if (user.isEmpty() || user.get().managerId() == null || untouchedLowerTasksInOrder(rep).size() < 2) {
                continue;
            }
            Set<String> keyAccounts = new java.util.TreeSet<>();
            for (SRecord t : ownTasks()) {
                String account = String.valueOf(t.get("Risk_Signal_Key__c")).split(":")[1];
                if (rep.equals(accountOwner.get(account))) {
                    keyAccounts.add(account);
                }
            }
            List<SRecord> contacts = new ArrayList<>();
            for (SRecord c : org.snapshot(org.schema().find("Contact"), false)) {
                if (keyAccounts.contains(String.valueOf(c.get("AccountId"))) && c.get("Title") != null
                        && KEY_TITLE.matcher(String.valueOf(c.get("Title"))).find()
                        && !Boolean.TRUE.equals(c.get("Left_Company__c"))) {
                    contacts.add(c);
                }
            }
            if (contacts.size() >= 2) {
                contacts.sort(Comparator.comparing(SRecord::id));
                return new Setting(rep, contacts);
            }
        }
        throw new AssertionError("the demo org has no rep at the cap with two LOW or MEDIUM tasks and two key"
                + " contacts on their key accounts: " + reps().stream().map(r -> r + " " + users.user(r).map(
                        u -> String.valueOf(u.managerId())).orElse("?") + " " + untouchedLowerTasksInOrder(r).size())
                        .toList());
    }

    private List<String> reps() {
        return ownTasks().stream().map(t -> String.valueOf(t.get("OwnerId"))).distinct().sorted().toList();
    }

    /** The rep's open, untouched LOW and MEDIUM tasks, in the order they give way: lowest severity, newest, key. */
    private List<SRecord> untouchedLowerTasksInOrder(String rep) {
        JdbcTemplate jdbc = new JdbcTemplate(store);
        Map<String, String> severity = new HashMap<>();
        jdbc.query("SELECT signal_key, severity FROM follow_up", rs -> {
            severity.put(rs.getString(1), rs.getString(2));
        });
        List<String> order = List.of("LOW", "MEDIUM");
        return ownTasks().stream().filter(t -> rep.equals(t.get("OwnerId")))
                .filter(t -> order.contains(severity.get(String.valueOf(t.get("Risk_Signal_Key__c")))))
                .filter(t -> t.get("LastModifiedById").equals(t.get("CreatedById"))
                        && t.get("LastModifiedDate").equals(t.get("CreatedDate")))
                .sorted(Comparator.comparing((SRecord t) -> order.indexOf(severity.get(String.valueOf(
                        t.get("Risk_Signal_Key__c"))))).thenComparing((SRecord t) -> String.valueOf(t.get(
                                "CreatedDate")), Comparator.reverseOrder()).thenComparing(t -> String.valueOf(t.get(
                                        "Risk_Signal_Key__c")))).toList();
    }

    /** Redflag's follow-up tasks the org holds (digests left out). */
    private List<SRecord> ownTasks() {
        return tasks().stream().filter(t -> t.get("Risk_Signal_Key__c") != null && !HeldBackDigest.isDigest(
                String.valueOf(t.get("Risk_Signal_Key__c")))).toList();
    }

    /** The rep's whole list of Redflag's tasks: key, subject, status. */
    private List<List<Object>> tasksOf(String rep) {
        List<List<Object>> out = new ArrayList<>();
        for (SRecord t : ownTasks()) {
            if (rep.equals(t.get("OwnerId"))) {
                out.add(List.of(t.get("Risk_Signal_Key__c"), t.get("Subject"), t.get("Status")));
            }
        }
        out.sort(Comparator.comparing(String::valueOf));
        return out;
    }

    private List<SRecord> tasks() {
        OrgStore org = demo.emulator().store();
        return org.snapshot(org.schema().find("Task"), false);
    }

    private static List<String> keys(List<List<Object>> tasks) {
        return tasks.stream().map(t -> String.valueOf(t.get(0))).toList();
    }

    private static List<String> plus(List<String> keys, String key) {
        List<String> out = new ArrayList<>(keys);
        out.add(key);
        return out;
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).header("Authorization", TestAccess.viewer(tokens))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
