package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.service.EmulatorHttp;
import io.redflag.service.TestAccess;
import io.redflag.service.security.ApiTokens;
import io.redflag.service.store.DirtyAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo end to end, as the README's run command starts it: the service syncs the embedded demo org, scores
 * every account, and writes risk fields and follow-up tasks back into the org.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.salesforce.demo-port=0", "redflag.scoring.sweep-interval=200ms",
            "redflag.sync.poll-interval=200ms", "redflag.sync.max-poll-interval=200ms",
            "redflag.sync.daily-ceiling=100000000"})
class DemoIT {
    @LocalServerPort
    int port;
    @Autowired
    SalesforceSession session;
    @Autowired
    DirtyAccounts dirty;
    @Autowired
    Outbox outbox;
    @Autowired
    ScoringService scoring;
    @Autowired
    WriteBack writeBack;
    @Autowired
    ApiTokens tokens;
    private String viewer;

    private Map<String, SObject> accounts() throws Exception {
        SObject[] records = session.call(c -> c.query("SELECT Id, Name, OwnerId, Health_Score__c, Risk_Level__c,"
                + " Risk_Reasons__c, Health_Trend__c, Health_Scored_At__c FROM Account ORDER BY Name")).getRecords();
        Map<String, SObject> byName = new LinkedHashMap<>();
        Arrays.stream(records).forEach(r -> byName.put(String.valueOf(r.getField("Name")), r));
        return byName;
    }

    private List<SObject> followUps() throws Exception {
        return Arrays.asList(session.call(c -> c.query("SELECT Id, Subject, Risk_Signal_Key__c, OwnerId, Priority,"
                + " WhatId, IsClosed FROM Task WHERE Risk_Signal_Key__c != null")).getRecords());
    }

    @BeforeEach
    void demoIsWritten() {
        viewer = TestAccess.viewer(tokens);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> dirty.size() == 0
                && outbox.pendingCount() == 0 && accounts().values().stream()
                        .allMatch(a -> a.getField("Risk_Level__c") != null));
    }

    @ParameterizedTest(name = "{0}: {1}, {2}")
    @CsvSource(delimiter = '|', value = {
        "Northwind Logistics       | Watch    | ACTIVITY_DECLINE    | 2 interactions in the last 30 days",
        "Cedar Ridge Health System | Watch    | CONTACT_SILENT      | Margaret Holloway (Chief Financial Officer) has not been heard from",
        "Bluepeak Analytics        | At Risk  | UNRETURNED_OUTREACH |",
        "Ironclad Manufacturing    | Watch    | KEY_CONTACT_LEFT    | Daniel Okafor (Chief Technology Officer) is marked as having left",
        "Harborview Hotels Group   | Critical | SINGLE_THREADED     |",
        "Granite State Utilities   | Watch    | NO_EXECUTIVE_ACCESS | No interaction with an executive in the last 180 days",
        "Meridian Foods            | Watch    | EXECUTIVE_CHANGE    | The account's parent company changed",
        "Silverline Aerospace      | Watch    | OWNER_CHANGE        | The account changed owner 4",
        "Redwood Pharma            | Critical | OWNER_CHANGE        | The account owner, Tom Becker, is inactive",
        "Pioneer Telecom           | Watch    | COMPLAINTS          | is escalated, high priority",
        "Lakeshore Retail Co.      | Watch    | REVENUE_DECLINE     | Won business in the last 12 months is 150,000 against 1,310,000",
        "Orion Robotics            | Watch    | PIPELINE_STALL      | Deal 'Orion - Assembly Line Automation Phase 2' is stalling",
        "Falcon Freight            | Watch    | LOST_TO_COMPETITOR  | was lost to a competitor",
        "Keystone Insurance        | Watch    | STALE_PLAN          | has no next step and nothing is scheduled",
        "Tidewater Shipping        | Watch    | PIPELINE_COVERAGE   | Open pipeline due in the next 6 months is 90,000 (stage-weighted) against 980,000 won in the last 12 months (9 %)",
        "Prairie Materials         | Unknown  |                     |",
        "Summit Health Partners    | Healthy  |                     |",
        "Evergreen Energy          | Healthy  |                     |",
        "Beacon Financial          | Healthy  |                     |"})
    void everyStoryGetsItsLevelAndItsReason(String name, String level, String signal, String topReason)
            throws Exception {
        SObject account = accounts().get(name);
        assertThat(account.getField("Risk_Level__c")).as(name).isEqualTo(level);
        String reasons = String.valueOf(account.getField("Risk_Reasons__c"));
        if (topReason != null) {
            assertThat(reasons.split("\n")[0]).as(name + " top reason").contains(topReason);
        }
        String api = get("/api/accounts/" + account.getId());
        if (signal != null) {
            assertThat(api).as(name + " findings").contains("\"key\":\"" + signal + "\"");
        } else {
            assertThat(api).doesNotContain("\"kind\":\"RISK\"");
        }
        assertThat(account.getField("Health_Scored_At__c")).isNotNull();
    }

    @Test
    void aSecondRunWithNothingChangedWritesNothingAndCreatesNoTask() throws Exception {
        EmulatorHttp org = new EmulatorHttp(session);
        int tasks = followUps().size();
        org.resetCounters();
        scoring.scoreAll();
        WriteBack.Flush flush = writeBack.flush();
        assertThat(flush).isEqualTo(new WriteBack.Flush(0, 0, 0, 0, 0, 0, 0));
        assertThat(org.calls("update")).isZero();
        assertThat(org.calls("create")).isZero();
        assertThat(followUps()).hasSize(tasks);
    }

    /**
     * Prairie's owner logs almost nothing: silence proves nothing, and without activity logging too few signals
     * can speak to call the account healthy. Risk_Reasons__c holds no "not counted" sentence; the API says why.
     */
    @Test
    void anAccountWithTooLittleEvidenceIsUnknownWithoutReasonsAndTheApiSaysWhy() throws Exception {
        SObject prairie = accounts().get("Prairie Materials");
        assertThat(prairie.getField("Risk_Level__c")).isEqualTo("Unknown");
        assertThat(prairie.getField("Risk_Reasons__c")).isNull();
        JsonNode api = JsonMapper.builder().build().readTree(get("/api/accounts/" + prairie.getId()));
        assertThat(api.get("level").asString()).isEqualTo("Unknown");
        assertThat(api.get("reasons")).isEmpty();
        assertThat(api.get("findings").get("risks")).isEmpty();
        assertThat(api.get("notCounted")).isNotEmpty().allSatisfy(n -> assertThat(n.asString())
                .startsWith("Not counted as risk: the owner logged"));
        assertThat(api.get("evidenceCoverage").asInt()).isLessThan(60)
                .isEqualTo(api.get("coverage").get("percent").asInt());
        assertThat(api.get("coverage").get("missing")).extracting(JsonNode::asString).contains("activity logging");
        assertThat(api.get("coverage").get("uncovered")).anySatisfy(u -> assertThat(u.get("signal").asString())
                .isEqualTo("ACTIVITY_DECLINE"));
        assertThat(get("/api/accounts?level=Unknown")).contains("Prairie Materials")
                .doesNotContain("Summit Health Partners");
    }

    @Test
    void anInactiveOwnersTasksGoToTheOwnersManager() throws Exception {
        SObject redwood = accounts().get("Redwood Pharma");
        String tom = String.valueOf(redwood.getField("OwnerId"));
        String manager = String.valueOf(session.call(c -> c.query("SELECT ManagerId FROM User WHERE Id = '" + tom
                + "'")).getRecords()[0].getField("ManagerId"));
        List<SObject> tasks = followUps().stream().filter(t -> redwood.getId().equals(t.getField("WhatId"))).toList();
        assertThat(tasks).isNotEmpty().allSatisfy(t -> {
            assertThat(t.getField("OwnerId")).isEqualTo(manager);
            assertThat(String.valueOf(t.getField("Subject"))).startsWith("Reassign Redwood Pharma: its owner has left.");
        });
        assertThat(followUps().stream().collect(Collectors.groupingBy(t -> t.getField("Risk_Signal_Key__c"),
                Collectors.counting())).values()).as("one task per key").containsOnly(1L);
    }

    @Test
    void theApiFiltersByLevelExplainsEachFindingAndSaysWhatIsWrongWithARequest() throws Exception {
        String critical = get("/api/accounts?level=Critical");
        assertThat(critical).contains("Redwood Pharma").doesNotContain("Summit Health Partners");
        assertThat(get("/api/accounts?segment=Strategic&key=true")).contains("Orion Robotics");
        String redwood = accounts().get("Redwood Pharma").getId();
        assertThat(get("/api/accounts/" + redwood)).contains("\"recordIds\"").contains("\"scorecardVersion\"")
                .contains("\"inputHash\"").contains("\"positives\"");
        assertThat(get("/api/accounts/" + redwood + "/history")).contains("\"score\"");
        assertThat(get("/api/accounts/" + redwood + "/follow-ups")).contains("OWNER_CHANGE:" + redwood);
        assertThat(get("/v3/api-docs")).contains("/api/accounts/{id}/follow-ups");

        HttpResponse<String> bad = send("/api/accounts?level=Doomed");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("level 'Doomed' is not one of Healthy, Watch, At Risk, Critical, Unknown");
        HttpResponse<String> none = send("/api/accounts/001000000000000AAA");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("no account 001000000000000AAA in the store");
    }

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
