package io.redflag.connector.intake.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** Change events decoded as the Pub/Sub API sends them: Avro payloads, field bitmaps, compound fields. */
class ChangeEventDecoderTest {
    /** A Contact change event's schema, written here (not the emulator's): header, then fields by position. */
    private static final String SCHEMA = """
            {"type": "record", "name": "ContactChangeEvent", "namespace": "com.sforce.eventbus", "fields": [
              {"name": "ChangeEventHeader", "type": {"type": "record", "name": "ChangeEventHeader", "fields": [
                {"name": "entityName", "type": "string"},
                {"name": "recordIds", "type": {"type": "array", "items": "string"}},
                {"name": "changeType", "type": {"type": "enum", "name": "ChangeType",
                  "symbols": ["CREATE", "UPDATE", "DELETE", "UNDELETE", "GAP_CREATE", "GAP_UPDATE", "GAP_DELETE",
                              "GAP_UNDELETE", "GAP_OVERFLOW", "SNAPSHOT"]}},
                {"name": "changeOrigin", "type": "string"},
                {"name": "commitTimestamp", "type": "long"},
                {"name": "nulledFields", "type": {"type": "array", "items": "string"}},
                {"name": "changedFields", "type": {"type": "array", "items": "string"}}]}},
              {"name": "AccountId", "type": ["null", "string"], "default": null},
              {"name": "Name", "type": ["null", {"type": "record", "name": "PersonName", "fields": [
                {"name": "Salutation", "type": ["null", "string"], "default": null},
                {"name": "FirstName", "type": ["null", "string"], "default": null},
                {"name": "LastName", "type": ["null", "string"], "default": null}]}], "default": null},
              {"name": "MailingAddress", "type": ["null", {"type": "record", "name": "Address", "fields": [
                {"name": "Street", "type": ["null", "string"], "default": null},
                {"name": "City", "type": ["null", "string"], "default": null}]}], "default": null},
              {"name": "Title", "type": ["null", "string"], "default": null},
              {"name": "EmailBouncedDate", "type": ["null", "long"], "default": null},
              {"name": "Left_Company__c", "type": ["null", "boolean"], "default": null}]}
            """;
    private final Schema schema = new Schema.Parser().parse(SCHEMA);
    private final AtomicInteger fetched = new AtomicInteger();
    private final ChangeEventDecoder decoder = new ChangeEventDecoder(id -> {
        fetched.incrementAndGet();
        assertThat(id).isEqualTo("schema-1");
        return SCHEMA;
    });

    private byte[] payload(String changeType, List<String> changed, List<String> nulled, Map<String, Object> body) {
        Schema headerSchema = schema.getField("ChangeEventHeader").schema();
        GenericRecord header = new GenericData.Record(headerSchema);
        header.put("entityName", "Contact");
        header.put("recordIds", List.of("0038d0000000H3zAAE"));
        header.put("changeType", new GenericData.EnumSymbol(headerSchema.getField("changeType").schema(), changeType));
        header.put("changeOrigin", "com/salesforce/api/soap/65.0;client=DataLoader");
        header.put("commitTimestamp", 1_782_820_800_000L);
        header.put("nulledFields", nulled);
        header.put("changedFields", changed);
        GenericRecord event = new GenericData.Record(schema);
        event.put("ChangeEventHeader", header);
        body.forEach(event::put);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema).write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private GenericRecord name(String salutation, String first, String last) {
        GenericRecord r = new GenericData.Record(schema.getField("Name").schema().getTypes().get(1));
        r.put("Salutation", salutation);
        r.put("FirstName", first);
        r.put("LastName", last);
        return r;
    }

    private GenericRecord address(String street, String city) {
        GenericRecord r = new GenericData.Record(schema.getField("MailingAddress").schema().getTypes().get(1));
        r.put("Street", street);
        r.put("City", city);
        return r;
    }

    @Test
    void aCreateFlattensCompoundFieldsIntoThePartnerApisNamesAndDerivesTheFullName() {
        ChangeEvent e = decoder.decode("schema-1", payload("CREATE", List.of(), List.of(), Map.of("AccountId",
                "0018d0000000H3EAAU", "Name", name("Dr.", "Ada", "Lovelace"), "MailingAddress",
                address("1 Analytical Row", "London"), "Title", "CTO", "Left_Company__c", false)));
        assertThat(e).isEqualTo(new ChangeEvent("Contact", "CREATE", List.of("0038d0000000H3zAAE"),
                "com/salesforce/api/soap/65.0;client=DataLoader", Instant.ofEpochMilli(1_782_820_800_000L), Set.of(),
                Map.of("AccountId", "0018d0000000H3EAAU", "Salutation", "Dr.", "FirstName", "Ada", "LastName",
                        "Lovelace", "Name", "Ada Lovelace", "MailingStreet", "1 Analytical Row", "MailingCity", "London",
                        "Title", "CTO", "Left_Company__c", false), Set.of()));
        assertThat(e.madeBy("DataLoader")).isTrue();
        assertThat(e.madeBy("Redflag")).isFalse();
    }

    @Test
    void theChangedAndNulledFieldBitmapsNameTopLevelFieldsByPositionAndCompoundPartsAfterTheirPosition() {
        // Bit 4 (Title) and bit 5 (EmailBouncedDate); MailingAddress (position 3) part 1 (City); Title nulled.
        ChangeEvent e = decoder.decode("schema-1", payload("UPDATE", List.of("0x30", "3-0x02"), List.of("0x10"),
                Map.of("MailingAddress", address(null, "Leeds"), "EmailBouncedDate", 1_782_820_800_000L)));
        assertThat(e.changedFields()).isEqualTo(Set.of("Title", "EmailBouncedDate", "MailingCity"));
        assertThat(e.values()).isEqualTo(Map.of("MailingCity", "Leeds", "EmailBouncedDate", 1_782_820_800_000L));
        assertThat(e.unknown()).isEmpty();
    }

    @Test
    void anUpdateOfSomePartsOfAPersonNameLeavesTheFullNameChangedButUnknown() {
        ChangeEvent e = decoder.decode("schema-1", payload("UPDATE", List.of("2-0x04"), List.of(),
                Map.of("Name", name(null, null, "Byron"))));
        assertThat(e.changedFields()).isEqualTo(Set.of("LastName", "Name"));
        assertThat(e.values()).isEqualTo(Map.of("LastName", "Byron"));
        assertThat(e.unknown()).isEqualTo(Set.of("Name"));
    }

    @Test
    void eachSchemaIsFetchedOnceWhateverTheNumberOfEvents() {
        for (int i = 0; i < 5; i++) {
            decoder.decode("schema-1", payload("DELETE", List.of(), List.of(), Map.of()));
        }
        assertThat(fetched).hasValue(1);
        assertThat(decoder.schemasFetched()).isEqualTo(1);
    }

    @Test
    void aPayloadThatDoesNotReadWithItsSchemaOrABitmapNamingNoCompoundIsMalformed() {
        assertThatThrownBy(() -> decoder.decode("schema-1", new byte[] {1, 2, 3}))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("schema-1");
        assertThatThrownBy(() -> decoder.decode("schema-1", payload("UPDATE", List.of("4-0x01"), List.of(),
                Map.of()))).isInstanceOf(MalformedEventException.class).hasMessageContaining("Title");
    }
}
