package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.service.TestAccess;
import io.redflag.service.security.ApiTokens;
import io.redflag.service.store.DirtyAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Contact changes made in the CRM reach the scores through the sync: a key contact moved to another account
 * has left the first and arrived at the second, a contact re-titled as an executive is a change at the customer.
 * It changes the demo's stories, so its service and demo org are closed after it (no other test sees them).
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.salesforce.demo-port=0", "redflag.scoring.sweep-interval=200ms",
            "redflag.sync.poll-interval=200ms", "redflag.sync.max-poll-interval=200ms",
            "redflag.sync.daily-ceiling=100000000"})
class ContactChangesIT {
    @LocalServerPort
    int port;
    @Autowired
    SalesforceSession session;
    @Autowired
    DirtyAccounts dirty;
    @Autowired
    ApiTokens tokens;

    private String id(String soql) throws Exception {
        return session.call(c -> c.query(soql)).getRecords()[0].getId();
    }

    private void update(String id, String field, String value) throws Exception {
        SObject change = new SObject("Contact");
        change.setId(id);
        change.setField(field, value);
        assertThat(session.call(c -> c.update(new SObject[] {change}))[0].isSuccess()).isTrue();
    }

    @Test
    void aMovedKeyContactLeavesOneAccountAndJoinsTheOtherAndANewExecutiveTitleIsAChange() throws Exception {
        viewer = TestAccess.viewer(tokens);
        String summit = id("SELECT Id FROM Account WHERE Name = 'Summit Health Partners'");
        String evergreen = id("SELECT Id FROM Account WHERE Name = 'Evergreen Energy'");
        String beacon = id("SELECT Id FROM Account WHERE Name = 'Beacon Financial'");
        await().atMost(Duration.ofSeconds(60)).until(() -> send("/api/accounts/" + beacon).statusCode() == 200
                && dirty.size() == 0);
        // Findings carry their signal as "key" (the coverage lists every signal by name).
        assertThat(get("/api/accounts/" + summit)).doesNotContain("\"key\":\"KEY_CONTACT_LEFT\"");
        assertThat(get("/api/accounts/" + beacon)).doesNotContain("\"key\":\"EXECUTIVE_CHANGE\"");

        update(id("SELECT Id FROM Contact WHERE LastName = 'Brewer'"), "AccountId", evergreen);
        update(id("SELECT Id FROM Contact WHERE LastName = 'Lim'"), "Title", "Chief Compliance Officer");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(get("/api/accounts/" + summit)).contains("\"key\":\"KEY_CONTACT_LEFT\"")
                    .contains("Alan Brewer (Chief Executive Officer) moved to another account 0 days ago");
            assertThat(get("/api/accounts/" + evergreen)).contains("\"key\":\"EXECUTIVE_CHANGE\"")
                    .contains("A new executive, Alan Brewer (Chief Executive Officer), joined from another account");
            assertThat(get("/api/accounts/" + beacon)).contains("Grace Lim became Chief Compliance Officer 0 days ago"
                    + " (was Compliance Manager).");
        });
    }

    private String viewer;

    private HttpResponse<String> send(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", viewer).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = send(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }
}
