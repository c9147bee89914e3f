package io.redflag.emulator.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.emulator.schema.Schema;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import io.redflag.emulator.store.WriteContext;
import io.redflag.emulator.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationXmlTest {
    private static final String ORG = "00D8d0000000Rf1EAE";

    @Test
    void messageHasTheWsdlShapeAndTheEnterpriseTextForm() {
        OrgStore store = new OrgStore(Schema.standard(), MutableClock.at("2026-06-30T12:00:00Z"));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("Name", "Acme & Sons <UK>");
        f.put("StageName", "Prospecting");
        f.put("CloseDate", "2026-07-31");
        f.put("Amount", 125000.5);
        String id = store.create(store.schema().find("Opportunity"), f, WriteContext.api(null)).id();
        SRecord record = store.get(id);

        var header = new NotificationXml.Header(ORG, "04k8d0000000001AAA", null,
                "http://127.0.0.1:1/services/Soap/c/65.0/00D8d0000000Rf1",
                "http://127.0.0.1:1/services/Soap/u/65.0/00D8d0000000Rf1");
        byte[] xml = NotificationXml.envelope(header, List.of("Id", "Name", "Amount", "IsClosed", "CloseDate",
                "CreatedDate", "Description"), List.of(new NotificationXml.Item("04l8d0000000001AAA", "Opportunity",
                        id, record)));
        Notifications n = Notifications.parse(new String(xml, StandardCharsets.UTF_8));

        assertThat(n.organizationId()).isEqualTo(ORG);
        assertThat(n.actionId()).isEqualTo("04k8d0000000001AAA");
        assertThat(n.sessionNil()).isTrue();
        assertThat(n.enterpriseUrl()).endsWith("/services/Soap/c/65.0/00D8d0000000Rf1");
        assertThat(n.partnerUrl()).endsWith("/services/Soap/u/65.0/00D8d0000000Rf1");
        assertThat(n.items()).hasSize(1);
        var item = n.items().get(0);
        assertThat(item.id()).isEqualTo("04l8d0000000001AAA");
        assertThat(item.xsiType()).isEqualTo("sf:Opportunity");
        // Only the chosen fields, Id first, nulls (Description) left out, values in the enterprise text form.
        assertThat(item.fields()).containsExactly(Map.entry("Id", id), Map.entry("Name", "Acme & Sons <UK>"),
                Map.entry("Amount", "125000.5"), Map.entry("IsClosed", "false"), Map.entry("CloseDate", "2026-07-31"),
                Map.entry("CreatedDate", "2026-06-30T12:00:00.000Z"));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\"")
                .contains("<SessionId xsi:nil=\"true\"/>");
    }

    @Test
    void aPurgedRecordIsSentWithItsIdOnly() {
        var header = new NotificationXml.Header(ORG, "04k8d0000000001AAA", "SESSION", "e", "p");
        byte[] xml = NotificationXml.envelope(header, List.of("Id", "Name"),
                List.of(new NotificationXml.Item("04l8d0000000002AAA", "Account", "0018d0000000001AAA", null)));
        Notifications n = Notifications.parse(new String(xml, StandardCharsets.UTF_8));
        assertThat(n.sessionId()).isEqualTo("SESSION");
        assertThat(n.items().get(0).fields()).containsExactly(Map.entry("Id", "0018d0000000001AAA"));
    }

    @Test
    void onlyANotificationsResponseWithAckTrueAcknowledges() {
        assertThat(NotificationXml.acknowledged(Receiver.ack(true))).isTrue();
        assertThat(NotificationXml.acknowledged(Receiver.ack(false))).isFalse();
        assertThat(NotificationXml.acknowledged("<html>ok</html>".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(NotificationXml.acknowledged(new byte[0])).isFalse();
        String wrongNamespace = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Body><notificationsResponse><Ack>true</Ack></notificationsResponse></soapenv:Body>"
                + "</soapenv:Envelope>";
        assertThat(NotificationXml.acknowledged(wrongNamespace.getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
