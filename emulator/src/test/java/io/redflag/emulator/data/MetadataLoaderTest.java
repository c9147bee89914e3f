package io.redflag.emulator.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.FieldType;
import io.redflag.emulator.schema.PicklistValue;
import io.redflag.emulator.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataLoaderTest {
    static final Path METADATA = Path.of("src/test/resources/metadata");

    @TempDir
    Path tmp;

    @Test
    void loadsTheRedflagFieldsWithTheirDescribeProperties() {
        Schema schema = Schema.standard();
        var loaded = MetadataLoader.load(METADATA, schema);
        assertThat(loaded).hasSize(11).contains("Account.Tier__c", "Contact.Left_Company__c",
                "Task.Risk_Signal_Key__c", "Event.Meeting_Status__c", "Opportunity.Loss_Reason__c");

        FieldDef tier = schema.find("Account").field("tier__c");
        assertThat(tier.type()).isEqualTo(FieldType.PICKLIST);
        assertThat(tier.custom()).isTrue();
        assertThat(tier.label()).isEqualTo("Tier");
        assertThat(tier.trackHistory()).isTrue();
        assertThat(tier.restrictedPicklist()).isFalse();
        assertThat(tier.picklistValues()).extracting(PicklistValue::value).containsExactly("Strategic", "Key",
                "Standard");

        FieldDef level = schema.find("Account").field("Risk_Level__c");
        assertThat(level.restrictedPicklist()).isTrue();

        FieldDef score = schema.find("Account").field("Health_Score__c");
        assertThat(score.type()).isEqualTo(FieldType.DOUBLE);
        assertThat(score.precision()).isEqualTo(3);
        assertThat(score.scale()).isZero();
        assertThat(score.inlineHelpText()).startsWith("0-100");

        assertThat(schema.find("Account").field("Risk_Reasons__c").length()).isEqualTo(32768);
        assertThat(schema.find("Account").field("Health_Scored_At__c").type()).isEqualTo(FieldType.DATETIME);

        FieldDef left = schema.find("Contact").field("Left_Company__c");
        assertThat(left.type()).isEqualTo(FieldType.BOOLEAN);
        assertThat(left.nillable()).isFalse();
        assertThat(left.required()).isFalse();

        FieldDef key = schema.find("Task").field("Risk_Signal_Key__c");
        assertThat(key.externalId()).isTrue();
        assertThat(key.length()).isEqualTo(255);
        assertThat(key.type()).isEqualTo(FieldType.STRING);
    }

    @Test
    void acceptsTheProjectFolderOrAnyDeeperFolder() {
        Schema schema = Schema.standard();
        assertThat(MetadataLoader.load(METADATA.resolve("force-app/main/default/objects/Contact"), schema))
                .containsExactly("Contact.Left_Company__c");
        assertThat(MetadataLoader.load(METADATA.resolve("force-app/main/default"), schema)).hasSize(11);
    }

    @Test
    void lookupsGetAParentRelationshipAndAChildRelationship() throws IOException {
        write("Contact", "Champion_Of__c", """
                <CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
                    <fullName>Champion_Of__c</fullName>
                    <label>Champion Of</label>
                    <type>Lookup</type>
                    <referenceTo>Account</referenceTo>
                    <relationshipName>Champions</relationshipName>
                    <deleteConstraint>SetNull</deleteConstraint>
                </CustomField>
                """);
        Schema schema = Schema.standard();
        MetadataLoader.load(tmp, schema);
        FieldDef lookup = schema.find("Contact").field("Champion_Of__c");
        assertThat(lookup.type()).isEqualTo(FieldType.REFERENCE);
        assertThat(lookup.referenceTo()).containsExactly("Account");
        assertThat(lookup.relationshipName()).isEqualTo("Champion_Of__r");
        var child = schema.childRelationship(schema.find("Account"), "champions__r");
        assertThat(child).isNotNull();
        assertThat(child.child().name()).isEqualTo("Contact");
        assertThat(child.field().name()).isEqualTo("Champion_Of__c");
    }

    @Test
    void malformedXmlNamesTheFileAndLine() throws IOException {
        Path file = write("Account", "Broken__c", """
                <CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
                    <fullName>Broken__c</fullName>
                    <type>Text</type
                </CustomField>
                """);
        assertThatThrownBy(() -> MetadataLoader.load(tmp, Schema.standard()))
                .isInstanceOf(MetadataException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString() + ":5:")
                .hasMessageContaining("malformed XML");
    }

    @Test
    void unknownTypeNamesTheFileAndLine() throws IOException {
        Path file = write("Account", "Where__c", """
                <CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
                    <fullName>Where__c</fullName>
                    <label>Where</label>
                    <type>Hologram</type>
                </CustomField>
                """);
        assertThatThrownBy(() -> MetadataLoader.load(tmp, Schema.standard()))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining(file + ":5:")
                .hasMessageContaining("unsupported field type Hologram");
    }

    @Test
    void unknownObjectFolderIsAnError() throws IOException {
        write("Invoice__c", "Total__c", """
                <CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
                    <fullName>Total__c</fullName>
                    <type>Currency</type>
                </CustomField>
                """);
        assertThatThrownBy(() -> MetadataLoader.load(tmp, Schema.standard()))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("Total__c.field-meta.xml")
                .hasMessageContaining("unknown object Invoice__c");
    }

    @Test
    void wrongNamespaceIsAnError() throws IOException {
        write("Account", "Plain__c", """
                <CustomField>
                    <fullName>Plain__c</fullName>
                    <type>Text</type>
                </CustomField>
                """);
        assertThatThrownBy(() -> MetadataLoader.load(tmp, Schema.standard()))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("Plain__c.field-meta.xml");
    }

    private Path write(String object, String field, String xml) throws IOException {
        Path dir = tmp.resolve("force-app/main/default/objects").resolve(object).resolve("fields");
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(field + ".field-meta.xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml);
    }
}
