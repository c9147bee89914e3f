package io.redflag.connector.intake.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundMessageParserTest {
    private static final String ORG = "00D8d0000000Rf1EAE";
    private final OutboundMessageParser parser = new OutboundMessageParser();

    static String message(String org, String notifications) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<soapenv:Body><notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\">"
                + "<OrganizationId>" + org + "</OrganizationId><ActionId>04k8d0000000AbCAAU</ActionId>"
                + "<SessionId xsi:nil=\"true\"/><EnterpriseUrl>https://acme.my.salesforce.com/services/Soap/c/65.0/00D8d0000000Rf1"
                + "</EnterpriseUrl><PartnerUrl>https://acme.my.salesforce.com/services/Soap/u/65.0/00D8d0000000Rf1"
                + "</PartnerUrl>" + notifications + "</notifications></soapenv:Body></soapenv:Envelope>";
    }

    static String notification(String id, String object, String recordId) {
        return "<Notification><Id>" + id + "</Id><sObject xsi:type=\"sf:" + object
                + "\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\"><sf:Id>" + recordId + "</sf:Id>"
                + "<sf:Title>Chief &amp; Officer</sf:Title><sf:Account><sf:Id>0018d0000000H3NAAU</sf:Id></sf:Account>"
                + "</sObject></Notification>";
    }

    private OutboundMessage parse(String xml) {
        return parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheOrgTheActionAndEveryNotificationWithItsObjectAndRecord() {
        OutboundMessage m = parse(message(ORG, notification("04l8d0000000N01AAA", "Contact", "0038d0000000C01AAA")
                + notification("04l8d0000000N02AAA", "Account", "0018d0000000H3NAAU")));
        assertThat(m).isEqualTo(new OutboundMessage(ORG, "04k8d0000000AbCAAU",
                "https://acme.my.salesforce.com/services/Soap/u/65.0/00D8d0000000Rf1", List.of(
                        new OutboundMessage.Notification("04l8d0000000N01AAA", "Contact", "0038d0000000C01AAA"),
                        new OutboundMessage.Notification("04l8d0000000N02AAA", "Account", "0018d0000000H3NAAU"))));
    }

    @Test
    void aDtdIsRefusedSoNoExternalEntityIsEverRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + message(ORG, notification("04l8d0000000N01AAA", "Contact", "0038d0000000C01AAA"))
                        .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "").replace("04k8d0000000AbCAAU", "&xxe;");
        assertThatThrownBy(() -> parse(xxe)).isInstanceOf(MalformedMessageException.class)
                .hasMessageNotContaining("root:");
    }

    @Test
    void entityExpansionIsRefused() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2"
                + " \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>";
        assertThatThrownBy(() -> parse(laughs)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void malformedXmlIsRefusedWithAReason() {
        assertThatThrownBy(() -> parse("<soapenv:Envelope><notifications>")).isInstanceOf(
                MalformedMessageException.class).hasMessageStartingWith("not well-formed XML");
    }

    @Test
    void aMessageWithoutNotificationsOrOrgOrWithMoreThanAHundredIsRefused() {
        assertThatThrownBy(() -> parse("<a xmlns=\"urn:other\"/>")).hasMessageContaining("no notifications element");
        assertThatThrownBy(() -> parse(message("", ""))).hasMessageContaining("no valid OrganizationId");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append(notification(String.format("04l8d0000000%03dAAA", i), "Contact", "0038d0000000C01AAA"));
        }
        assertThatThrownBy(() -> parse(message(ORG, many.toString()))).hasMessage(
                "more than 100 notifications in one message");
    }

    @Test
    void aNotificationWithoutItsIdTypeOrRecordIdIsRefusedNamingIt() {
        assertThatThrownBy(() -> parse(message(ORG, notification("bad", "Contact", "0038d0000000C01AAA"))))
                .hasMessage("a Notification without a valid Id");
        assertThatThrownBy(() -> parse(message(ORG, notification("04l8d0000000N01AAA", "Contact", "x"))))
                .hasMessage("notification 04l8d0000000N01AAA: its sObject has no valid Id");
        assertThatThrownBy(() -> parse(message(ORG, notification("04l8d0000000N01AAA", "Contact", "0038d0000000C01AAA")
                .replace(" xsi:type=\"sf:Contact\"", "")))).hasMessage(
                        "notification 04l8d0000000N01AAA: its sObject has no xsi:type");
    }
}
