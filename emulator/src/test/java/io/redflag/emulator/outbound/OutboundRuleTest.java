package io.redflag.emulator.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.emulator.schema.Schema;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundRuleTest {

    @Test
    void commandLineFormNamesObjectFieldsAndEndpoint() {
        OutboundRule r = OutboundRule.parse("Contact:Id,AccountId,Title@http://127.0.0.1:8080/crm/outbound-messages?token=abc");
        assertThat(r.object()).isEqualTo("Contact");
        assertThat(r.fields()).containsExactly("Id", "AccountId", "Title");
        assertThat(r.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8080/crm/outbound-messages?token=abc"));
        assertThat(r.sendSessionId()).isFalse();
    }

    @Test
    void idComesFirstOnceEvenWhenNotNamed() {
        OutboundRule r = new OutboundRule("Contact", List.of("Title", "id", "Title"), URI.create("http://h/x"));
        assertThat(r.fields()).containsExactly("Id", "Title");
    }

    @Test
    void resolvingSpellsNamesAsTheSchemaDoes() {
        OutboundRule r = new OutboundRule("contact", List.of("accountid"), URI.create("http://h/x"))
                .resolve(Schema.standard());
        assertThat(r.object()).isEqualTo("Contact");
        assertThat(r.fields()).containsExactly("Id", "AccountId");
    }

    @Test
    void unknownObjectsAndFieldsAreRefusedByName() {
        Schema schema = Schema.standard();
        assertThatThrownBy(() -> new OutboundRule("Lead", List.of(), URI.create("http://h/x")).resolve(schema))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no object 'Lead'");
        assertThatThrownBy(() -> new OutboundRule("Contact", List.of("Shoe_Size__c"), URI.create("http://h/x"))
                .resolve(schema)).hasMessageContaining("Contact has no field 'Shoe_Size__c'");
        assertThatThrownBy(() -> new OutboundRule("AccountHistory", List.of(), URI.create("http://h/x"))
                .resolve(schema)).hasMessageContaining("AccountHistory");
    }

    @Test
    void malformedCommandLineValuesNameTheOption() {
        assertThatThrownBy(() -> OutboundRule.parse("Contact@http://h/x"))
                .hasMessageContaining("--outbound-message").hasMessageContaining("Object:Field");
        assertThatThrownBy(() -> OutboundRule.parse("Contact:Id@ftp://h/x"))
                .hasMessageContaining("--outbound-message").hasMessageContaining("http");
        assertThatThrownBy(() -> OutboundRule.parse("Contact:Id@http://h/a b"))
                .hasMessageContaining("--outbound-message").hasMessageContaining("not a URL");
    }
}
