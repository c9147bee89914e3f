package io.redflag.service.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.outbound.OutboundFaults;
import io.redflag.emulator.outbound.OutboundRule;
import io.redflag.service.crm.DemoOrg;
import io.redflag.service.store.CrmStore;
import io.redflag.service.store.DirtyAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Outbound Messages end to end: the demo org sends real messages (as an org's Flow would) to the service's
 * endpoint; every change is stored once whatever the delivery does, and what is refused stores nothing.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "redflag.salesforce.demo-port=0", "redflag.outbound-messages.token=" + OutboundMessagesIT.TOKEN,
        "redflag.outbound-messages.objects=Account,Contact,Opportunity,OpportunityContactRole,Task,Event,Case,User"})
class OutboundMessagesIT {
    static final String TOKEN = "a-test-token-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    DemoOrg demo;
    @Autowired
    SalesforceSession session;
    @Autowired
    CrmStore store;
    @Autowired
    DirtyAccounts dirty;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;

    private Emulator org;

    @BeforeEach
    void initialSyncDone() {
        org = demo.emulator();
        await().atMost(PATIENCE).until(() -> store.count("contact", false) == orgCount("Contact")
                && store.count("account", false) == orgCount("Account"));
        org.outboundMessages().timeScale(1000); // a retry 15 emulated seconds later comes 15 ms later
        // Contacts only: Redflag's own write-back to Accounts and Tasks would send messages too (echoes, stored
        // as unchanged), which would blur the counts here.
        URI endpoint = org.outboundMessages().rules().get(0).endpoint();
        org.outboundMessages().rules(List.of(new OutboundRule("Contact", List.of("Id"), endpoint)));
        org.outboundMessages().awaitIdle(PATIENCE);
    }

    private int orgCount(String object) {
        return org.store().count(org.store().schema().find(object), false);
    }

    private double counter(String name, String outcome) {
        var c = meters.find(name).tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    private int notificationRows() {
        Integer n = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM intake_notification",
                Integer.class);
        return n == null ? 0 : n;
    }

    private List<String> contacts(int n) throws Exception {
        List<String> ids = new ArrayList<>();
        for (SObject c : session.call(conn -> conn.query("SELECT Id FROM Contact ORDER BY Id LIMIT " + n))
                .getRecords()) {
            ids.add(c.getId());
        }
        return ids;
    }

    private void retitle(String id, String title) throws Exception {
        SObject change = new SObject("Contact");
        change.setId(id);
        change.setField("Title", title);
        assertThat(session.call(c -> c.update(new SObject[] {change}))[0].isSuccess()).isTrue();
    }

    @Test
    void everyChangeIsStoredOnceThroughDuplicatesOutOfOrderDeliveryAndLostAcks() throws Exception {
        org.outboundMessages().faults(new OutboundFaults(0.4, 0.4, 0, true, 7));
        int rowsBefore = notificationRows();
        double storedBefore = counter(OutboundMessageEndpoint.NOTIFICATIONS, "stored");
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> ids = contacts(30);
        // Ten messages of three notifications (one update call each), so the faults are drawn ten times; within
        // a message the notifications come shuffled, and a lost ack or a duplicate sends it again.
        for (int group = 0; group < 10; group++) {
            List<SObject> changes = new ArrayList<>();
            for (String id : ids.subList(group * 3, group * 3 + 3)) {
                SObject change = new SObject("Contact");
                change.setId(id);
                change.setField("Title", "Retitled " + id.substring(12));
                changes.add(change);
                expected.put(id, "Retitled " + id.substring(12));
            }
            SaveResult[] saved = session.call(c -> c.update(changes.toArray(SObject[]::new)));
            assertThat(Arrays.stream(saved).allMatch(SaveResult::isSuccess)).isTrue();
            org.outboundMessages().awaitIdle(PATIENCE);
        }

        long faults = org.outboundMessages().stats().values().stream().mapToLong(s -> s.duplicated() + s.lostAcks())
                .sum();
        assertThat(faults).as("the faults happened").isPositive();
        Map<String, String> stored = new LinkedHashMap<>();
        expected.keySet().forEach(id -> stored.put(id, (String) store.row("contact", id).get("title")));
        assertThat(stored).isEqualTo(expected);
        assertThat(notificationRows() - rowsBefore).as("one row per notification").isEqualTo(30);
        assertThat(counter(OutboundMessageEndpoint.NOTIFICATIONS, "stored") - storedBefore).isEqualTo(30);
        assertThat(counter(OutboundMessageEndpoint.NOTIFICATIONS, "duplicate")).isPositive();
    }

    private HttpResponse<String> post(String query, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/crm/outbound-messages" + query)).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String message(String org, String contact) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope"
                + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>"
                + "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"><OrganizationId>" + org
                + "</OrganizationId><ActionId>04k8d0000000AbCAAU</ActionId><SessionId xsi:nil=\"true\"/>"
                + "<EnterpriseUrl>x</EnterpriseUrl><PartnerUrl>x</PartnerUrl><Notification><Id>04l8d0000000ZZ1AAA</Id>"
                + "<sObject xsi:type=\"sf:Contact\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\"><sf:Id>"
                + contact + "</sf:Id></sObject></Notification></notifications></soapenv:Body></soapenv:Envelope>";
    }

    @Test
    void aMessageWithoutTheTokenFromAnotherOrgTooLargeMalformedOrWithADtdIsRefusedAndStoresNothing()
            throws Exception {
        org.outboundMessages().clear(); // the org itself sends nothing: the messages here are made by hand
        String contact = contacts(1).get(0);
        retitle(contact, "Changed Without Telling");
        String good = message(Emulator.ORG_ID, contact);
        String token = "?token=" + TOKEN;
        int rowsBefore = notificationRows();

        assertThat(post("", good).statusCode()).isEqualTo(401);
        assertThat(post("?token=wrong-token-0123456789", good).statusCode()).isEqualTo(401);
        assertThat(post(token, message("00D8d0000000XXXEAA", contact)).statusCode()).isEqualTo(403);
        assertThat(post(token, good + " ".repeat(1024 * 1024)).statusCode()).isEqualTo(413);
        assertThat(post(token, good.substring(0, good.length() - 20)).statusCode()).isEqualTo(400);
        HttpResponse<String> dtd = post(token, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM"
                + " \"file:///etc/hostname\">]>" + good.substring(good.indexOf("<soapenv:Envelope")));
        assertThat(dtd.statusCode()).isEqualTo(400);
        assertThat(dtd.body()).contains("<faultcode>soapenv:Client</faultcode>");

        assertThat(notificationRows()).isEqualTo(rowsBefore);
        assertThat(store.row("contact", contact).get("title")).isNotEqualTo("Changed Without Telling");

        // The same message, right: stored, acknowledged, and a redelivery stores nothing again.
        HttpResponse<String> ack = post(token, good);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).contains("<Ack>true</Ack>");
        assertThat(store.row("contact", contact).get("title")).isEqualTo("Changed Without Telling");
        assertThat(post(token, good).body()).contains("<Ack>true</Ack>");
        assertThat(notificationRows()).isEqualTo(rowsBefore + 1);
    }
}
