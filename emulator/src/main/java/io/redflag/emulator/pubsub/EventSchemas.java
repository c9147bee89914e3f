package io.redflag.emulator.pubsub;

import io.redflag.emulator.pubsub.EventSchema.Part;
import io.redflag.emulator.pubsub.EventSchema.Slot;
import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.SObjectDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;

/**
 * The change event schemas of the objects the org captures, built from the org's schema (custom fields
 * included), by object and by schema id. Follows Salesforce's change event shape: no Id (the header's
 * recordIds carries it), no IsDeleted, SystemModstamp or derived fields (LastActivityDate, ExpectedRevenue,
 * the full-name Name), person names and addresses as compound fields, every body field nullable (an update
 * sends only what changed), dates as days and date-times as milliseconds since the epoch.
 */
final class EventSchemas {
    /** The emulated objects that Change Data Capture supports, in the order channels list them. */
    static final List<String> SUPPORTED = List.of("Account", "Contact", "Opportunity", "OpportunityContactRole",
            "Task", "Event", "Case", "User");
    static final String NAMESPACE = "com.sforce.eventbus";
    /** The changeType symbols, as Salesforce's header enum has them. */
    static final List<String> CHANGE_TYPES = List.of("CREATE", "UPDATE", "DELETE", "UNDELETE", "GAP_CREATE",
            "GAP_UPDATE", "GAP_DELETE", "GAP_UNDELETE", "GAP_OVERFLOW", "SNAPSHOT");
    private static final Set<String> LEFT_OUT = Set.of("Id", "IsDeleted", "SystemModstamp", "LastActivityDate",
            "ExpectedRevenue");
    private static final List<String> ADDRESS_PARTS = List.of("Street", "City", "State", "PostalCode", "Country");
    private static final List<String> NAME_PARTS = List.of("Salutation", "FirstName", "LastName");

    private final Map<String, EventSchema> byEntity = new LinkedHashMap<>();
    private final Map<String, EventSchema> byId = new LinkedHashMap<>();

    EventSchemas(io.redflag.emulator.schema.Schema org) {
        for (String name : SUPPORTED) {
            SObjectDef type = org.find(name);
            if (type != null) {
                EventSchema s = build(type);
                byEntity.put(name, s);
                byId.put(s.id(), s);
            }
        }
    }

    /** The schema of an object's change events; null when the org does not capture that object. */
    EventSchema forEntity(String entity) {
        return byEntity.get(entity);
    }

    EventSchema forId(String schemaId) {
        return byId.get(schemaId);
    }

    /** The captured objects. */
    Set<String> entities() {
        return byEntity.keySet();
    }

    private static EventSchema build(SObjectDef type) {
        List<Slot> slots = slots(type);
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("ChangeEventHeader", header(), null, (Object) null));
        Map<String, Schema> named = new LinkedHashMap<>();
        for (Slot slot : slots) {
            fields.add(new Field(slot.name(), nullable(slot.compound() ? compound(slot, named)
                    : AvroValues.schemaOf(slot.parts().get(0).field().type())), null, Field.NULL_DEFAULT_VALUE));
        }
        Schema record = Schema.createRecord(type.name() + "ChangeEvent", null, NAMESPACE, false, fields);
        String json = record.toString();
        return new EventSchema(type.name(), record, EventSchema.fingerprint(json), json, slots);
    }

    /** The body fields: plain fields in describe order, a compound in the place of its first part. */
    private static List<Slot> slots(SObjectDef type) {
        List<Slot> out = new ArrayList<>();
        Set<String> taken = new java.util.HashSet<>();
        boolean personName = type.hasField("FirstName") && type.hasField("LastName");
        for (FieldDef field : type.fields()) {
            String name = field.name();
            if (LEFT_OUT.contains(name) || taken.contains(name) || (personName && name.equals("Name"))) {
                continue;
            }
            String addressPrefix = addressPrefix(type, name);
            if (personName && NAME_PARTS.contains(name)) {
                out.add(Slot.compound("Name", parts(type, "", NAME_PARTS, taken)));
            } else if (addressPrefix != null) {
                out.add(Slot.compound(addressPrefix + "Address", parts(type, addressPrefix, ADDRESS_PARTS, taken)));
            } else {
                out.add(Slot.plain(field));
                taken.add(name);
            }
        }
        return out;
    }

    /** "Billing" for BillingStreet when the object has the Billing address fields; otherwise null. */
    private static String addressPrefix(SObjectDef type, String name) {
        for (String part : ADDRESS_PARTS) {
            if (name.endsWith(part) && name.length() > part.length()) {
                String prefix = name.substring(0, name.length() - part.length());
                if (type.hasField(prefix + "Street") && type.hasField(prefix + "City")) {
                    return prefix;
                }
            }
        }
        return null;
    }

    private static List<Part> parts(SObjectDef type, String prefix, List<String> names, Set<String> taken) {
        List<Part> parts = new ArrayList<>();
        for (String part : names) {
            FieldDef field = type.field(prefix + part);
            if (field != null) {
                parts.add(new Part(part, field));
                taken.add(field.name());
            }
        }
        return parts;
    }

    /** A compound's record type; one named type per shape, referenced by name after its first use. */
    private static Schema compound(Slot slot, Map<String, Schema> named) {
        String typeName = slot.name().endsWith("Address") ? "Address" : "PersonName";
        return named.computeIfAbsent(typeName, n -> {
            List<Field> fields = new ArrayList<>();
            for (Part part : slot.parts()) {
                fields.add(new Field(part.name(), nullable(AvroValues.schemaOf(part.field().type())), null,
                        Field.NULL_DEFAULT_VALUE));
            }
            return Schema.createRecord(n, null, NAMESPACE, false, fields);
        });
    }

    private static Schema nullable(Schema schema) {
        return Schema.createUnion(Schema.create(Schema.Type.NULL), schema);
    }

    /** ChangeEventHeader, its fields in the documented order. */
    private static Schema header() {
        Schema string = Schema.create(Schema.Type.STRING);
        Schema strings = Schema.createArray(string);
        List<Field> fields = List.of(
                new Field("entityName", string),
                new Field("recordIds", strings),
                new Field("changeType", Schema.createEnum("ChangeType", null, NAMESPACE, CHANGE_TYPES)),
                new Field("changeOrigin", string),
                new Field("transactionKey", string),
                new Field("sequenceNumber", Schema.create(Schema.Type.INT)),
                new Field("commitTimestamp", Schema.create(Schema.Type.LONG)),
                new Field("commitNumber", Schema.create(Schema.Type.LONG)),
                new Field("commitUser", string),
                new Field("nulledFields", strings),
                new Field("diffFields", strings),
                new Field("changedFields", strings));
        return Schema.createRecord("ChangeEventHeader", null, NAMESPACE, false, fields);
    }
}
