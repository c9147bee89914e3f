package io.redflag.service.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.connector.intake.SyncState;
import io.redflag.service.TestAccess;
import io.redflag.service.security.ApiTokens;
import io.redflag.service.store.CrmStore;
import io.redflag.service.store.DirtyAccounts;
import io.redflag.service.store.UserDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.SubscribableChannel;

/**
 * The running service's sync flow against the embedded demo org: it fills the store, announces changed
 * accounts, ignores Redflag's own writes coming back, pauses and resumes, and shows its state in health.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.salesforce.demo-port=0", "redflag.sync.poll-interval=100ms",
                "redflag.sync.max-poll-interval=100ms", "redflag.sync.daily-ceiling=100000000"})
class SyncFlowIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    SyncState state;
    @Autowired
    SyncFlow flow;
    @Autowired
    CrmStore store;
    @Autowired
    DirtyAccounts dirty;
    @Autowired
    DataSource dataSource;
    @Autowired
    UserDirectory users;
    @Autowired
    SalesforceSession session;
    @Autowired
    ApiTokens tokens;
    @Autowired
    @Qualifier(SyncConfiguration.CHANGED_ACCOUNTS)
    SubscribableChannel changedAccounts;

    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    private String viewer;
    private String admin;

    @BeforeEach
    void tokens() {
        viewer = TestAccess.viewer(tokens);
        admin = TestAccess.admin(tokens);
    }

    /** As a viewer: health details and metrics are for logged-in users. */
    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", viewer).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** As an admin: pausing and resuming the sync are admin actions. */
    private int post(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private void awaitPolls(int more) {
        long target = state.cycles() + more;
        await().atMost(PATIENCE).until(() -> state.cycles() >= target);
    }

    private String anyAccount() throws Exception {
        return session.call(c -> c.query("SELECT Id FROM Account ORDER BY Id LIMIT 1")).getRecords()[0].getId();
    }

    private void update(String id, String field, Object value) throws Exception {
        SObject account = new SObject("Account");
        account.setId(id);
        account.setField(field, value);
        var result = session.call(c -> c.update(new SObject[] {account}))[0];
        assertThat(result.isSuccess()).as(String.valueOf(List.of(result.getErrors()))).isTrue();
    }

    @Test
    void theFlowFillsTheStoreQueuesEveryAccountAndReportsItsStateInHealthAndMetrics() throws Exception {
        await().atMost(PATIENCE).until(() -> state.cycles() >= 1 && state.lastCycleError() == null);
        int accounts = session.call(c -> c.query("SELECT COUNT() FROM Account")).getSize();
        assertThat(store.count("account", false)).isEqualTo(accounts);
        // Scoring takes the queue as soon as the sync announces the change: either every account still waits,
        // or scoring has taken the marker, which it removes only once it has scored every account.
        List<String> queued = dirty.oldest(100).stream().map(DirtyAccounts.Entry::accountId).toList();
        boolean waiting = !queued.isEmpty() && queued.stream().allMatch(DirtyAccounts::isEveryAccount);
        Integer scored = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM account_score",
                Integer.class);
        assertThat(waiting || scored == accounts)
                .as("after a full read every account waits to be scored, or has been (%s scored)", scored).isTrue();

        String health = get("/actuator/health");
        assertThat(health).contains("\"sync\"").contains("\"Account\"").contains("lagSeconds")
                .contains("\"readsPaused\":false");
        assertThat(get("/actuator/metrics/redflag.sync.lag?tag=object:Opportunity")).contains("\"VALUE\"");
        assertThat(get("/actuator/metrics/redflag.sync.records.read")).contains("\"COUNT\"");
    }

    @Test
    void aRepsEditIsAnnouncedButRedflagsOwnWriteComingBackIsNot() throws Exception {
        await().atMost(PATIENCE).until(() -> state.cycles() >= 1);
        changedAccounts.subscribe(m -> announced.add((String) m.getPayload()));
        // Two whole polls: whatever an earlier poll announced has been sent by the end of the next one.
        awaitPolls(2);
        announced.clear();
        String account = anyAccount();

        update(account, "Health_Score__c", 42);
        update(account, "Risk_Level__c", "At Risk");
        awaitPolls(2);
        assertThat(store.row("account", account).get("riskLevel")).isEqualTo("At Risk");
        assertThat(announced).as("an echo of Redflag's own fields").doesNotContain(account);

        announced.clear();
        update(account, "Name", "Renamed by a rep");
        // Announced and stored, awaited together: in one CI run the account was announced while its row still held
        // the earlier test's name (cause not pinned down; see the issue 12 note).
        await().atMost(PATIENCE).until(() -> announced.contains(account)
                && "Renamed by a rep".equals(store.row("account", account).get("name")));
    }

    @Test
    void aDeactivatedOwnerIsSeenThroughTheUserCacheAfterTheNextPoll() throws Exception {
        await().atMost(PATIENCE).until(() -> state.cycles() >= 1);
        String owner = session.call(c -> c.query("SELECT OwnerId FROM Account ORDER BY Id LIMIT 1")).getRecords()[0]
                .getField("OwnerId").toString();
        assertThat(users.user(owner)).hasValueSatisfying(u -> assertThat(u.active()).isTrue());
        assertThat(users.user(owner)).isPresent();
        assertThat(users.hits()).as("the second look-up is cached").isPositive();

        SObject user = new SObject("User");
        user.setId(owner);
        user.setField("IsActive", false);
        assertThat(session.call(c -> c.update(new SObject[] {user}))[0].isSuccess()).isTrue();
        await().atMost(PATIENCE).until(() -> users.user(owner).map(u -> !u.active()).orElse(false));
    }

    @Test
    void aPausedFlowReadsNothingAndResumingCatchesUp() throws Exception {
        await().atMost(PATIENCE).until(() -> state.cycles() >= 1);
        assertThat(post("/actuator/sync", "{\"action\":\"pause\"}")).isEqualTo(200);
        assertThat(get("/actuator/health")).contains("\"PAUSED\"");
        String account = anyAccount();
        update(account, "Name", "Renamed while paused");
        assertThat(flow.poll()).as("a paused poll reads nothing").isNull();
        assertThat(store.row("account", account).get("name")).isNotEqualTo("Renamed while paused");

        assertThat(post("/actuator/sync", "{\"action\":\"resume\"}")).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "Renamed while paused".equals(store.row("account", account).get("name")));
        assertThat(get("/actuator/health")).doesNotContain("\"PAUSED\"");
    }
}
