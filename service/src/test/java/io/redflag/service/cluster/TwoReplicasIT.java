package io.redflag.service.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.connector.intake.SyncState;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.store.WriteContext;
import io.redflag.service.RedflagApplication;
import io.redflag.service.TestAccess;
import io.redflag.service.security.ApiTokens;
import io.redflag.service.store.CrmStore;
import io.redflag.service.store.Databases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two replicas of the service, started as the README says (same PostgreSQL store, same org), each a Spring
 * context of its own: the first leads and the second follows; a pause asked of the follower stops the leader's
 * sync; an Outbound Message delivered to the follower is queued there and stored by the leader; when the leader
 * shuts down, the follower takes over.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String TOKEN = "a-test-token-0123456789";

    private static Emulator org;
    private static DataSource store;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoReplicas() {
        store = Databases.fresh("postgresql");
        org = Emulator.start(EmulatorConfig.defaults().withDemoOrg());
        a = start("replica-a");
        await().atMost(PATIENCE).until(() -> leads(a));
        b = start("replica-b");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (ConfigurableApplicationContext replica : new ConfigurableApplicationContext[] {a, b}) {
            if (replica != null) {
                replica.close();
            }
        }
        if (org != null) {
            org.close();
        }
        Databases.dropCreatedSchemas();
    }

    private static ConfigurableApplicationContext start(String replica) {
        return new SpringApplicationBuilder(RedflagApplication.class).run("--server.port=0", "--redflag.demo=false",
                "--spring.datasource.url=" + ((DriverManagerDataSource) store).getUrl(),
                "--spring.datasource.username=" + ((DriverManagerDataSource) store).getUsername(),
                "--spring.datasource.password=",
                "--redflag.salesforce.login-url=" + org.baseUrl(),
                "--redflag.salesforce.client-id=" + EmulatorConfig.DEFAULT_CLIENT_ID,
                "--redflag.salesforce.client-secret=" + EmulatorConfig.DEFAULT_CLIENT_SECRET,
                "--redflag.cluster.replica-id=" + replica, "--redflag.cluster.lease=3s",
                "--redflag.cluster.heartbeat=300ms",
                "--redflag.outbound-messages.token=" + TOKEN, "--redflag.outbound-messages.objects=Contact",
                "--redflag.scoring.sweep-interval=200ms", "--redflag.sync.poll-interval=200ms",
                "--redflag.sync.max-poll-interval=200ms", "--redflag.sync.daily-ceiling=100000000");
    }

    private static boolean leads(ConfigurableApplicationContext replica) {
        return replica.getBean(Leadership.class).isLeader();
    }

    private static int port(ConfigurableApplicationContext replica) {
        return ((WebServerApplicationContext) replica).getWebServer().getPort();
    }

    private HttpResponse<String> post(ConfigurableApplicationContext replica, String path, String authorization,
            String contentType, String body) throws Exception {
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(replica) + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            post.header("Authorization", authorization);
        }
        return http.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double notifications(ConfigurableApplicationContext replica, String outcome) {
        var counter = replica.getBean(MeterRegistry.class).find("redflag.intake.outbound.notifications")
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    @Order(1)
    void theFirstReplicaLeadsAndTheSecondFollowsBothServingHttp() throws Exception {
        assertThat(leads(a)).isTrue();
        assertThat(leads(b)).isFalse();
        assertThat(b.getBean(LeaderWork.class).mayGoOn()).isFalse();
        for (ConfigurableApplicationContext replica : List.of(a, b)) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + port(replica) + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("ready, leader or not").isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void aPauseAskedOfTheFollowerPausesTheLeadersSyncAndAResumeOnTheLeaderReachesTheFollower() throws Exception {
        String admin = TestAccess.admin(b.getBean(ApiTokens.class));
        HttpResponse<String> paused = post(b, "/actuator/sync", admin, "application/json", "{\"action\":\"pause\"}");
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);

        await().atMost(PATIENCE).until(() -> a.getBean(SyncState.class).paused());
        assertThat(a.getBean(SyncState.class).halted()).isTrue();

        HttpResponse<String> resumed = post(a, "/actuator/sync", admin, "application/json",
                "{\"action\":\"resume\"}");
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> !b.getBean(SyncState.class).paused());
        assertThat(a.getBean(SyncState.class).halted()).isFalse();
        assertThat(b.getBean(SyncState.class).halted()).as("the follower does not lead").isTrue();
    }

    @Test
    @Order(3)
    void anOutboundMessageDeliveredToTheFollowerIsQueuedThereAndStoredByTheLeader() throws Exception {
        CrmStore records = a.getBean(CrmStore.class);
        var contacts = org.store().snapshot(org.store().schema().find("Contact"), false);
        String contact = contacts.get(0).id();
        await().atMost(PATIENCE).until(() -> records.row("contact", contact) != null);
        // Contacts are covered by Outbound Messages: polls only reconcile them hourly, so only the message brings
        // this change in.
        org.store().update(contact, Map.of("Title", "Chief Listening Officer"), Set.of(),
                WriteContext.api(org.runAsUserId()));
        double storedBefore = notifications(a, "stored");

        HttpResponse<String> answer = post(b, "/crm/outbound-messages?token=" + TOKEN, null, "text/xml; charset=utf-8",
                message(Emulator.ORG_ID, "04l8d0000000ZZ2AAA", contact));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("<Ack>true</Ack>");
        assertThat(notifications(b, "queued")).isEqualTo(1.0);
        await().atMost(PATIENCE).until(() -> "Chief Listening Officer".equals(records.row("contact", contact)
                .get("title")));
        await().atMost(PATIENCE).until(() -> notifications(a, "stored") == storedBefore + 1);
        JdbcTemplate jdbc = new JdbcTemplate(store);
        assertThat(jdbc.queryForList("SELECT notification_id FROM intake_notification_queue", String.class)).isEmpty();
        assertThat(jdbc.queryForList("SELECT notification_id FROM intake_notification", String.class))
                .containsExactly("04l8d0000000ZZ2AAA");
        assertThat(notifications(b, "stored")).as("the follower stored nothing itself").isZero();
    }

    @Test
    @Order(4)
    void whenTheLeaderShutsDownItReleasesItsLockAndTheFollowerTakesOver() {
        Leadership first = a.getBean(Leadership.class);
        a.close();

        assertThat(first.isLeader()).isFalse();
        // Released at shutdown, not left to run out: no row of replica-a's stays in the lock table.
        assertThat(new JdbcTemplate(store).queryForList("SELECT CLIENT_ID FROM INT_LOCK", String.class))
                .map(String::trim).doesNotContain(UUIDConverter.getUUID("replica-a").toString());
        await().atMost(PATIENCE).until(() -> leads(b));
        assertThat(b.getBean(LeaderWork.class).mayGoOn()).isTrue();
    }

    private static String message(String orgId, String notification, String contact) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope"
                + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>"
                + "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"><OrganizationId>" + orgId
                + "</OrganizationId><ActionId>04k8d0000000AbCAAU</ActionId><SessionId xsi:nil=\"true\"/>"
                + "<EnterpriseUrl>x</EnterpriseUrl><PartnerUrl>x</PartnerUrl><Notification><Id>" + notification
                + "</Id><sObject xsi:type=\"sf:Contact\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\"><sf:Id>"
                + contact + "</sf:Id></sObject></Notification></notifications></soapenv:Body></soapenv:Envelope>";
    }
}
