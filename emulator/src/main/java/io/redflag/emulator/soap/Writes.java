package io.redflag.emulator.soap;

import io.redflag.emulator.control.OrgControl;
import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.SObjectDef;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.RecordError;
import io.redflag.emulator.store.SaveResult;
import io.redflag.emulator.store.WriteContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * create, update, upsert, delete and undelete. More than 200 records fail the whole call; otherwise each
 * record succeeds or fails on its own (no AllOrNoneHeader), and results come back in request order. A call is
 * one transaction: its changes commit together (one transactionKey in change events).
 */
final class Writes {
    static final int MAX_RECORDS = 200;

    private final OrgStore store;
    private final OrgControl control;

    Writes(OrgStore store, OrgControl control) {
        this.store = store;
        this.control = control;
    }

    /** One sObject of a request: its type, field values (text) and fields to null. */
    private record Incoming(SObjectDef type, Map<String, Object> fields, Set<String> fieldsToNull) {
        String id() {
            Object id = fields.get("Id");
            return id == null ? null : id.toString();
        }
    }

    void create(XmlOut x, Element op, WriteContext ctx) {
        List<Incoming> records = incoming(op);
        store.transaction(() -> {
            for (Incoming in : records) {
                SaveResult r = locked() ? lockError(null) : store.create(in.type, in.fields, ctx);
                saveResult(x, r);
            }
        });
    }

    void update(XmlOut x, Element op, WriteContext ctx) {
        List<Incoming> records = incoming(op);
        store.transaction(() -> records.forEach(in -> update(x, in, ctx)));
    }

    private void update(XmlOut x, Incoming in, WriteContext ctx) {
        SaveResult r;
        if (in.id() == null || in.id().isBlank()) {
            r = SaveResult.failed(null, RecordError.of("MISSING_ARGUMENT", "Id not specified in an update call"));
        } else if (isOtherType(in)) {
            r = SaveResult.failed(null, RecordError.of("MALFORMED_ID", in.type.name() + " ID: id value of"
                    + " incorrect type: " + in.id(), "Id"));
        } else if (locked()) {
            r = lockError(in.id());
        } else {
            Map<String, Object> changes = new LinkedHashMap<>(in.fields);
            changes.remove("Id");
            r = store.update(in.id(), changes, in.fieldsToNull, ctx);
        }
        saveResult(x, r);
    }

    void upsert(XmlOut x, Element op, WriteContext ctx) {
        String keyName = Envelope.text(op, "externalIDFieldName");
        List<Incoming> records = incoming(op);
        store.transaction(() -> records.forEach(in -> upsert(x, keyName, in, ctx)));
    }

    private void upsert(XmlOut x, String keyName, Incoming in, WriteContext ctx) {
        FieldDef key = keyName == null ? null : in.type.field(keyName.trim());
        if (key == null || !(key.externalId() || key.name().equals("Id"))) {
            throw SoapFault.invalidField("Field name provided, " + keyName + " is not an External ID or indexed"
                    + " field for " + in.type.name());
        }
        SaveResult r = locked() ? lockError(in.id())
                : store.upsert(in.type, key, in.fields, in.fieldsToNull, ctx);
        x.open("result").element("created", r.created());
        errors(x, r);
        x.element("id", r.id()).element("success", r.success()).close("result");
    }

    void delete(XmlOut x, Element op, WriteContext ctx) {
        List<String> ids = ids(op);
        store.transaction(() -> {
            for (String id : ids) {
                saveResult(x, locked() ? lockError(id) : store.delete(id, ctx));
            }
        });
    }

    void undelete(XmlOut x, Element op, WriteContext ctx) {
        List<String> ids = ids(op);
        store.transaction(() -> {
            for (String id : ids) {
                saveResult(x, locked() ? lockError(id) : store.undelete(id, ctx));
            }
        });
    }

    private boolean isOtherType(Incoming in) {
        SObjectDef byPrefix = store.schema().forId(in.id());
        return byPrefix != null && !byPrefix.equals(in.type);
    }

    private List<String> ids(Element op) {
        List<Element> ids = Envelope.children(op, "ids");
        tooMany(ids.size());
        List<String> out = new ArrayList<>();
        for (Element e : ids) {
            out.add(e.getTextContent().trim());
        }
        return out;
    }

    /**
     * Reads the request's sObjects. An unknown type or field fails the whole call (INVALID_TYPE,
     * INVALID_FIELD), as in Salesforce; everything else is judged per record.
     */
    private List<Incoming> incoming(Element op) {
        List<Element> sObjects = Envelope.children(op, "sObjects");
        tooMany(sObjects.size());
        List<Incoming> out = new ArrayList<>();
        for (Element so : sObjects) {
            SObjectDef type = PartnerApi.type(store.schema(), Envelope.text(so, "type"));
            Map<String, Object> fields = new LinkedHashMap<>();
            Set<String> toNull = new LinkedHashSet<>();
            for (Element f : Envelope.children(so)) {
                String name = f.getLocalName();
                if (name.equals("type")) {
                    continue;
                }
                if (name.equals("fieldsToNull")) {
                    String target = f.getTextContent().trim();
                    toNull.add(field(type, target).name());
                    continue;
                }
                FieldDef field = field(type, name);
                if (Envelope.isNil(f)) {
                    toNull.add(field.name());
                } else if (!Envelope.children(f).isEmpty()) {
                    throw SoapFault.invalidField("Foreign key external ID references (" + name + ") are not"
                            + " supported by the emulator");
                } else {
                    fields.put(field.name(), f.getTextContent());
                }
            }
            out.add(new Incoming(type, fields, toNull));
        }
        return out;
    }

    private static FieldDef field(SObjectDef type, String name) {
        FieldDef field = type.field(name);
        if (field == null) {
            throw SoapFault.invalidField("No such column '" + name + "' on entity '" + type.name() + "'. If you are"
                    + " attempting to use a custom field, be sure to append the '__c' after the custom field name."
                    + " Please reference your WSDL or the describe call for the appropriate names.");
        }
        return field;
    }

    private static void tooMany(int n) {
        if (n > MAX_RECORDS) {
            throw SoapFault.unexpected("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than "
                    + MAX_RECORDS + " records into this call");
        }
    }

    private boolean locked() {
        boolean locked = control.draw(control.faults().lockErrorShare());
        if (locked) {
            control.countInjected("UNABLE_TO_LOCK_ROW");
        }
        return locked;
    }

    private static SaveResult lockError(String id) {
        return SaveResult.failed(null, RecordError.of("UNABLE_TO_LOCK_ROW",
                "unable to obtain exclusive access to this record or 1 records: " + (id == null ? "" : id)));
    }

    private static void saveResult(XmlOut x, SaveResult r) {
        x.open("result");
        errors(x, r);
        x.element("id", r.id()).element("success", r.success()).close("result");
    }

    private static void errors(XmlOut x, SaveResult r) {
        for (RecordError e : r.errors()) {
            x.open("errors");
            for (String f : e.fields()) {
                x.element("fields", f);
            }
            x.element("message", e.message()).element("statusCode", e.statusCode()).close("errors");
        }
    }
}
