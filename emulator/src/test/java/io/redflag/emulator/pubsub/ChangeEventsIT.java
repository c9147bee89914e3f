package io.redflag.emulator.pubsub;

import static io.redflag.emulator.pubsub.PubSubOrg.events;
import static io.redflag.emulator.pubsub.PubSubOrg.fieldNames;
import static io.redflag.emulator.pubsub.PubSubOrg.started;
import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.sobject.SObject;
import io.redflag.emulator.MutableClock;
import io.redflag.pubsub.v1.ConsumerEvent;
import io.redflag.pubsub.v1.ReplayPreset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every committed write of the org is a change event, shaped as Salesforce's, decodable with its schema. */
class ChangeEventsIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-06-30T12:00:00.250Z");
    private static final String ORIGIN = "com/salesforce/api/soap/65.0;client=" + PubSubOrg.CLIENT;
    private static PubSubOrg org;

    @BeforeAll
    static void start() {
        org = new PubSubOrg(PubSubOrg.config().withClock(CLOCK).withCdcChannel("Accounts__chn", List.of("Account")));
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    private static SObject sobject(String type, Object... fieldsAndValues) {
        SObject s = new SObject(type);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            s.setField((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return s;
    }

    private static String create(SObject... records) throws Exception {
        var results = org.partner.create(records);
        assertThat(results[0].isSuccess()).as("%s", (Object) results[0].getErrors()).isTrue();
        return results[0].getId();
    }

    /** The header fields that do not vary by transaction, as a map to compare whole. */
    private static Map<String, Object> header(GenericRecord event) {
        GenericRecord h = (GenericRecord) event.get("ChangeEventHeader");
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : List.of("entityName", "recordIds", "changeType", "changeOrigin", "sequenceNumber",
                "commitTimestamp", "commitUser", "diffFields")) {
            Object v = h.get(name);
            out.put(name, v instanceof List<?> l ? l.stream().map(Object::toString).toList() : v.toString());
        }
        return out;
    }

    private static Map<String, Object> expectedHeader(String id, String changeType) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entityName", "Contact");
        out.put("recordIds", List.of(id));
        out.put("changeType", changeType);
        out.put("changeOrigin", ORIGIN);
        out.put("sequenceNumber", "1");
        out.put("commitTimestamp", String.valueOf(Instant.parse("2026-06-30T12:00:00.250Z").toEpochMilli()));
        out.put("commitUser", org.emulator.runAsUserId());
        out.put("diffFields", List.of());
        return out;
    }

    private static List<String> strings(GenericRecord record, String field) {
        return ((List<?>) record.get(field)).stream().map(Object::toString).toList();
    }

    private static String text(GenericRecord record, String path) {
        Object v = record;
        for (String part : path.split("\\.")) {
            v = v == null ? null : ((GenericRecord) v).get(part);
        }
        return v == null ? null : v.toString();
    }

    @Test
    void everyChangeTypeArrivesOnceWithItsHeaderAndChangedFields() throws Exception {
        var stream = org.client.subscribe("/data/ContactChangeEvent", ReplayPreset.LATEST, 100);
        started(stream);
        String id = create(sobject("Contact", "FirstName", "Ada", "LastName", "Lovelace", "Title", "Analyst",
                "Phone", "555-0100", "MailingCity", "London"));
        SObject change = sobject("Contact", "Id", id, "Title", "CTO");
        change.setFieldsToNull(new String[] {"Phone"});
        org.partner.update(new SObject[] {change});
        org.partner.delete(new String[] {id});
        org.partner.undelete(new String[] {id});

        List<ConsumerEvent> received = events(stream, 4);
        List<GenericRecord> events = received.stream().map(org.client::decode).toList();
        assertThat(events.stream().map(ChangeEventsIT::header).toList()).containsExactly(
                expectedHeader(id, "CREATE"), expectedHeader(id, "UPDATE"), expectedHeader(id, "DELETE"),
                expectedHeader(id, "UNDELETE"));
        GenericRecord created = events.get(0);
        assertThat(List.of(text(created, "Name.FirstName"), text(created, "Name.LastName"), text(created, "Title"),
                text(created, "Phone"), text(created, "MailingAddress.City"), text(created, "OwnerId")))
                .containsExactly("Ada", "Lovelace", "Analyst", "555-0100", "London", org.emulator.runAsUserId());
        assertThat(strings(org.header(created), "changedFields")).isEmpty();

        GenericRecord updated = events.get(1);
        var schema = org.client.schema(received.get(1).getEvent().getSchemaId());
        assertThat(fieldNames(schema, strings(org.header(updated), "changedFields")))
                .containsExactlyInAnyOrder("Title", "Phone", "LastModifiedDate");
        assertThat(fieldNames(schema, strings(org.header(updated), "nulledFields"))).containsExactly("Phone");
        assertThat(text(updated, "Title")).isEqualTo("CTO");
        assertThat(List.of(String.valueOf(updated.get("Name")), String.valueOf(updated.get("Email")),
                String.valueOf(updated.get("Phone")))).containsOnly("null");

        GenericRecord deleted = events.get(2);
        assertThat(schema.getFields().subList(1, schema.getFields().size()))
                .allSatisfy(f -> assertThat(deleted.get(f.name())).as(f.name()).isNull());
        assertThat(List.of(text(events.get(3), "Name.LastName"), text(events.get(3), "Title")))
                .containsExactly("Lovelace", "CTO");
        assertThat(events.stream().map(e -> text(e, "ChangeEventHeader.transactionKey")).distinct()).hasSize(4);
        assertThat(events.stream().map(e -> (Long) org.header(e).get("commitNumber")).toList()).isSorted();
        stream.cancel();
    }

    @Test
    void aChangeToACompoundFieldNamesItsPartInTheBitmap() throws Exception {
        String id = create(sobject("Contact", "FirstName", "Grace", "LastName", "Hopper"));
        var stream = org.client.subscribe("/data/ContactChangeEvent", ReplayPreset.LATEST, 100);
        started(stream);
        org.partner.update(new SObject[] {sobject("Contact", "Id", id, "LastName", "Murray Hopper")});

        ConsumerEvent event = events(stream, 1).get(0);
        GenericRecord update = org.client.decode(event);
        List<String> changed = strings(org.header(update), "changedFields");
        assertThat(changed).hasSize(2);
        assertThat(changed.get(0)).matches("0x([0-9A-F]{2})+");
        assertThat(changed.get(1)).matches("\\d+-0x([0-9A-F]{2})+");
        assertThat(fieldNames(org.client.schema(event.getEvent().getSchemaId()), changed))
                .containsExactly("LastModifiedDate", "Name.LastName");
        assertThat(List.of(String.valueOf(text(update, "Name.FirstName")), text(update, "Name.LastName")))
                .containsExactly("null", "Murray Hopper");
        stream.cancel();
    }

    @Test
    void theSameChangeToSeveralRecordsInOneCallIsOneEvent() throws Exception {
        var stream = org.client.subscribe("/data/ChangeEvents", ReplayPreset.LATEST, 100);
        started(stream);
        var made = org.partner.create(new SObject[] {sobject("Contact", "LastName", "One"),
            sobject("Contact", "LastName", "Two"), sobject("Contact", "LastName", "Three")});
        String[] ids = {made[0].getId(), made[1].getId(), made[2].getId()};
        org.partner.delete(ids);

        List<GenericRecord> events = events(stream, 4).stream().map(org.client::decode).toList();
        List<List<Object>> summary = new ArrayList<>();
        for (GenericRecord e : events) {
            GenericRecord h = org.header(e);
            summary.add(List.of(h.get("changeType").toString(), strings(h, "recordIds"), h.get("sequenceNumber")));
        }
        assertThat(summary).containsExactly(List.of("CREATE", List.of(ids[0]), 1), List.of("CREATE", List.of(ids[1]), 2),
                List.of("CREATE", List.of(ids[2]), 3), List.of("DELETE", List.of(ids), 1));
        assertThat(events.subList(0, 3).stream().map(e -> text(e, "ChangeEventHeader.transactionKey")).distinct())
                .hasSize(1);
        stream.cancel();
    }

    @Test
    void channelsCarryTheirObjectsAndDataPlansLoadedAfterStartAreChanges() {
        var all = org.client.subscribe("/data/ChangeEvents", ReplayPreset.LATEST, 100);
        var accounts = org.client.subscribe("/data/Accounts__chn", ReplayPreset.LATEST, 100);
        started(all);
        started(accounts);
        var report = org.emulator.loadPlan(Path.of("src/test/resources/pubsub-plan/data-plan.json"));
        assertThat(report.created()).containsEntry("Account", 2).containsEntry("Contact", 1);

        List<String> everything = events(all, 3).stream().map(org.client::decode)
                .map(e -> text(e, "ChangeEventHeader.entityName") + " " + text(e, "ChangeEventHeader.changeType")
                        + " '" + text(e, "ChangeEventHeader.changeOrigin") + "'").toList();
        assertThat(everything).containsExactly("Account CREATE ''", "Account CREATE ''", "Contact CREATE ''");
        List<String> accountNames = events(accounts, 2).stream().map(org.client::decode)
                .map(e -> text(e, "Name") + " in " + text(e, "BillingAddress.City")).toList();
        assertThat(accountNames).containsExactly("Loaded Later Ltd in Leeds", "Loaded Later Two in null");
        all.cancel();
        accounts.cancel();
    }
}
