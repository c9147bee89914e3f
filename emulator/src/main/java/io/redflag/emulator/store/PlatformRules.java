package io.redflag.emulator.store;

import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.FieldType;
import io.redflag.emulator.schema.FieldValues.BadValueException;
import io.redflag.emulator.schema.PicklistValue;
import io.redflag.emulator.schema.SObjectDef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the platform does on a write: validation with Salesforce's status codes, system and derived
 * fields, field history and cascade delete. Called by {@link OrgStore} under its write lock.
 */
final class PlatformRules {
    private final OrgStore store;

    PlatformRules(OrgStore store) {
        this.store = store;
    }

    SaveResult create(SObjectDef type, Map<String, Object> fields, WriteContext ctx) {
        if (!type.writable() && !ctx.loader()) {
            return SaveResult.failed(null, RecordError.of("INVALID_TYPE_FOR_OPERATION",
                    "entity type " + type.name() + " does not support create"));
        }
        Object[] values = new Object[type.fieldCount()];
        List<RecordError> errors = new ArrayList<>();
        String givenId = null;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            FieldDef field = type.field(e.getKey());
            if (field == null) {
                continue;
            }
            if (field.name().equals("Id")) {
                givenId = ctx.loader() && e.getValue() != null ? Ids.normalize(e.getValue().toString()) : null;
                continue;
            }
            if (!field.createable() && !ctx.loader()) {
                errors.add(notWritable(field));
                continue;
            }
            set(type, values, field, e.getValue(), errors);
        }
        Instant now = store.now();
        String id = givenId != null && store.get(givenId) == null ? givenId : store.newId(type);
        values[type.slot(type.field("Id"))] = id;
        fillSystemFields(type, values, ctx, now, true);
        derive(type, values, null, ctx);
        for (FieldDef field : type.fields()) {
            boolean alreadyReported = errors.stream().anyMatch(e -> e.fields().contains(field.name()));
            if (field.required() && values[type.slot(field)] == null && !alreadyReported) {
                errors.add(RecordError.of("REQUIRED_FIELD_MISSING", "Required fields are missing: [" + field.name()
                        + "]", field.name()));
            }
        }
        if (!errors.isEmpty()) {
            return SaveResult.failed(null, errors);
        }
        SRecord record = store.put(store.newRecord(type, id, values));
        if (ctx.trackHistory()) {
            History.created(store, record, ctx);
        }
        return SaveResult.ok(id, true);
    }

    SaveResult update(String rawId, Map<String, Object> fields, Set<String> fieldsToNull, WriteContext ctx) {
        String id = Ids.normalize(rawId);
        if (id == null) {
            return SaveResult.failed(null, RecordError.of("MALFORMED_ID", "Id: invalid id value: " + rawId, "Id"));
        }
        SRecord current = store.get(id);
        if (current == null) {
            return SaveResult.failed(null, RecordError.of("INVALID_CROSS_REFERENCE_KEY",
                    "invalid cross reference id"));
        }
        if (current.isDeleted()) {
            return SaveResult.failed(null, RecordError.of("ENTITY_IS_DELETED", "entity is deleted"));
        }
        SObjectDef type = current.type();
        if (!type.writable() && !ctx.loader()) {
            return SaveResult.failed(id, RecordError.of("INVALID_TYPE_FOR_OPERATION",
                    "entity type " + type.name() + " does not support update"));
        }
        Object[] values = current.copyValues();
        List<RecordError> errors = new ArrayList<>();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            FieldDef field = type.field(e.getKey());
            if (field == null || field.name().equals("Id")) {
                continue;
            }
            if (!field.updateable() && !ctx.loader()) {
                errors.add(notWritable(field));
                continue;
            }
            set(type, values, field, e.getValue(), errors);
        }
        for (String name : fieldsToNull) {
            FieldDef field = type.field(name);
            if (field == null) {
                continue;
            }
            if (!field.updateable() && !ctx.loader()) {
                errors.add(notWritable(field));
            } else if (!field.nillable()) {
                errors.add(RecordError.of("REQUIRED_FIELD_MISSING", "Required fields are missing: [" + field.name()
                        + "]", field.name()));
            } else {
                values[type.slot(field)] = null;
            }
        }
        if (!errors.isEmpty()) {
            return SaveResult.failed(id, errors);
        }
        fillSystemFields(type, values, ctx, store.now(), false);
        derive(type, values, current, ctx);
        SRecord updated = store.put(store.newRecord(type, id, values));
        if (ctx.trackHistory()) {
            History.changed(store, current, updated, ctx);
        }
        return SaveResult.ok(id, false);
    }

    SaveResult upsert(SObjectDef type, FieldDef key, Map<String, Object> fields, Set<String> fieldsToNull,
            WriteContext ctx) {
        Object keyValue = null;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key.name())) {
                keyValue = e.getValue();
            }
        }
        if (keyValue == null || keyValue.toString().isEmpty()) {
            if (key.name().equals("Id")) {
                return create(type, fields, ctx);
            }
            return SaveResult.failed(null, RecordError.of("MISSING_ARGUMENT",
                    key.name() + " not specified", key.name()));
        }
        String wanted = keyValue.toString();
        List<SRecord> matches = key.name().equals("Id")
                ? single(store.get(wanted))
                : store.find(type, false, r -> r.get(key) != null && r.get(key).toString().equalsIgnoreCase(wanted));
        if (matches.size() > 1) {
            return SaveResult.failed(null, RecordError.of("DUPLICATE_EXTERNAL_ID",
                    key.name() + ": more than one record found for external id field: " + wanted, key.name()));
        }
        if (matches.isEmpty()) {
            if (key.name().equals("Id")) {
                return SaveResult.failed(null, RecordError.of("INVALID_CROSS_REFERENCE_KEY",
                        "invalid cross reference id"));
            }
            return create(type, fields, ctx);
        }
        Map<String, Object> changes = new LinkedHashMap<>(fields);
        changes.keySet().removeIf(k -> k.equalsIgnoreCase(key.name()) || k.equalsIgnoreCase("Id"));
        return update(matches.get(0).id(), changes, fieldsToNull, ctx);
    }

    private static List<SRecord> single(SRecord r) {
        return r == null || r.isDeleted() ? List.of() : List.of(r);
    }

    SaveResult delete(String rawId, WriteContext ctx) {
        String id = Ids.normalize(rawId);
        if (id == null) {
            return SaveResult.failed(null, RecordError.of("MALFORMED_ID", "bad id " + rawId));
        }
        SRecord current = store.get(id);
        if (current == null) {
            return SaveResult.failed(null, RecordError.of("INVALID_CROSS_REFERENCE_KEY",
                    "invalid cross reference id"));
        }
        if (current.isDeleted()) {
            return SaveResult.failed(id, RecordError.of("ENTITY_IS_DELETED", "entity is deleted"));
        }
        if (!current.type().writable()) {
            return SaveResult.failed(id, RecordError.of("INVALID_TYPE_FOR_OPERATION",
                    "entity type " + current.type().name() + " does not support delete"));
        }
        Instant now = store.now();
        List<String> children = new ArrayList<>();
        for (SRecord child : Cascade.children(store, current)) {
            if (!child.isDeleted()) {
                setDeleted(child, true, now, ctx);
                store.markDeleted(child.id(), now, List.of());
                children.add(child.id());
            }
        }
        setDeleted(current, true, now, ctx);
        store.markDeleted(id, now, children);
        return SaveResult.ok(id, false);
    }

    SaveResult undelete(String rawId, WriteContext ctx) {
        String id = Ids.normalize(rawId);
        if (id == null) {
            return SaveResult.failed(null, RecordError.of("MALFORMED_ID", "bad id " + rawId));
        }
        SRecord current = store.get(id);
        if (current == null) {
            return SaveResult.failed(null, RecordError.of("INVALID_CROSS_REFERENCE_KEY",
                    "invalid cross reference id"));
        }
        if (!current.isDeleted()) {
            return SaveResult.failed(id, RecordError.of("UNDELETE_FAILED", "Entity is not in the recycle bin"));
        }
        Instant now = store.now();
        setDeleted(current, false, now, ctx);
        for (String childId : store.unmarkDeleted(id)) {
            SRecord child = store.get(childId);
            if (child != null && child.isDeleted()) {
                setDeleted(child, false, now, ctx);
                store.unmarkDeleted(childId);
            }
        }
        return SaveResult.ok(id, false);
    }

    private void setDeleted(SRecord record, boolean deleted, Instant now, WriteContext ctx) {
        SObjectDef type = record.type();
        Object[] values = record.copyValues();
        values[type.slot(type.field("IsDeleted"))] = deleted;
        FieldDef stamp = type.field("SystemModstamp");
        if (stamp != null) {
            values[type.slot(stamp)] = now;
        }
        FieldDef modifiedBy = type.field("LastModifiedById");
        if (modifiedBy != null) {
            values[type.slot(modifiedBy)] = ctx.userId();
            values[type.slot(type.field("LastModifiedDate"))] = now;
        }
        store.put(store.newRecord(type, record.id(), values));
    }

    // ---------------------------------------------------------------- values

    private void set(SObjectDef type, Object[] values, FieldDef field, Object raw, List<RecordError> errors) {
        Object value;
        try {
            value = OrgStore.coerce(field, raw);
        } catch (BadValueException e) {
            errors.add(RecordError.of("INVALID_TYPE_ON_FIELD_IN_RECORD", field.label() + ": value not of required"
                    + " type: " + raw, field.name()));
            return;
        }
        if (value instanceof String s && s.isEmpty()) {
            value = null;
        }
        if (value != null && field.type() == FieldType.REFERENCE) {
            RecordError bad = checkReference(field, value.toString());
            if (bad != null) {
                errors.add(bad);
                return;
            }
            // The target's own id string: one shared instance per id, not one per reference.
            value = store.get(value.toString()).id();
        }
        if (value instanceof String s && OrgStore.isText(field) && field.length() > 0 && s.length() > field.length()) {
            errors.add(RecordError.of("STRING_TOO_LONG", field.label() + ": data value too large: "
                    + abbreviate(s) + " (max length=" + field.length() + ")", field.name()));
            return;
        }
        if (value instanceof String s && field.type() == FieldType.PICKLIST && field.restrictedPicklist()) {
            PicklistValue known = field.picklistValue(s);
            if (known == null) {
                errors.add(RecordError.of("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", field.label()
                        + ": bad value for restricted picklist field: " + s, field.name()));
                return;
            }
            value = known.value();
        }
        values[type.slot(field)] = value;
    }

    private RecordError checkReference(FieldDef field, String text) {
        String id = Ids.normalize(text);
        if (id == null) {
            return RecordError.of("MALFORMED_ID", field.label() + ": id value of incorrect type: " + text,
                    field.name());
        }
        SRecord target = store.get(id);
        SObjectDef targetType = target != null ? target.type() : store.schema().forId(id);
        if (targetType == null || field.referenceTo().stream().noneMatch(t -> t.equalsIgnoreCase(targetType.name()))) {
            return RecordError.of("FIELD_INTEGRITY_EXCEPTION", field.label() + ": id value of incorrect type: "
                    + text, field.name());
        }
        if (target == null) {
            return RecordError.of("INVALID_CROSS_REFERENCE_KEY", field.label() + ": invalid cross reference id",
                    field.name());
        }
        if (target.isDeleted()) {
            return RecordError.of("ENTITY_IS_DELETED", field.label() + ": entity is deleted", field.name());
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static RecordError notWritable(FieldDef field) {
        return RecordError.of("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + field.name()
                + ". Please check the security settings of this field and verify that it is read/write for your"
                + " profile or permission set.", field.name());
    }

    private void fillSystemFields(SObjectDef type, Object[] values, WriteContext ctx, Instant now, boolean creating) {
        // A data load may carry its own audit trail; anything it leaves out gets the platform's values.
        boolean keepGiven = ctx.loader();
        if (creating) {
            setIfAbsent(type, values, "IsDeleted", false, false);
            setIfAbsent(type, values, "CreatedDate", now, keepGiven);
            setIfAbsent(type, values, "CreatedById", ctx.userId(), keepGiven);
            setIfAbsent(type, values, "OwnerId", ctx.userId(), true);
        }
        Object created = value(type, values, "CreatedDate");
        setIfAbsent(type, values, "LastModifiedDate", keepGiven && creating && created != null ? created : now,
                keepGiven && creating);
        setIfAbsent(type, values, "LastModifiedById", ctx.userId(), keepGiven && creating);
        Object modified = value(type, values, "LastModifiedDate");
        setIfAbsent(type, values, "SystemModstamp", keepGiven && creating && modified != null ? modified : now,
                keepGiven && creating);
    }

    private static void setIfAbsent(SObjectDef type, Object[] values, String name, Object value, boolean keepGiven) {
        FieldDef field = type.field(name);
        if (field != null && (!keepGiven || values[type.slot(field)] == null)) {
            values[type.slot(field)] = value;
        }
    }

    private static Object value(SObjectDef type, Object[] values, String name) {
        FieldDef field = type.field(name);
        return field == null ? null : values[type.slot(field)];
    }

    private static void put(SObjectDef type, Object[] values, String name, Object value) {
        FieldDef field = type.field(name);
        if (field != null) {
            values[type.slot(field)] = value;
        }
    }

    /** Fields the platform computes: names, closed flags, activity account, case numbers, defaults. */
    private void derive(SObjectDef type, Object[] values, SRecord before, WriteContext ctx) {
        for (FieldDef field : type.fields()) {
            if (field.type() == FieldType.BOOLEAN && values[type.slot(field)] == null) {
                values[type.slot(field)] = Boolean.FALSE;
            }
        }
        switch (type.name()) {
            case "User" -> {
                put(type, values, "Name", fullName(values, type));
                if (before == null && value(type, values, "IsActive") == Boolean.FALSE && !ctx.loader()) {
                    put(type, values, "IsActive", true);
                }
                if (ctx.loader()) {
                    loaderUserDefaults(type, values);
                }
                if (value(type, values, "UserType") == null) {
                    put(type, values, "UserType", "Standard");
                }
            }
            case "Contact" -> put(type, values, "Name", fullName(values, type));
            case "Opportunity" -> deriveOpportunity(type, values, before);
            case "Task" -> deriveTask(type, values, before);
            case "Event" -> deriveEvent(type, values);
            case "Case" -> deriveCase(type, values, before);
            default -> {
            }
        }
    }

    /**
     * A real org refuses a User without these (REQUIRED_FIELD_MISSING), and API creates here do too. Data
     * loads (plans, the generator, the run-as user) get the defaults of a new US org instead, so that plans
     * written before these fields existed keep loading: time zone GMT (the emulator's only one), locale and
     * language en_US, email encoding UTF-8, the Standard User profile.
     */
    private void loaderUserDefaults(SObjectDef type, Object[] values) {
        setIfAbsent(type, values, "TimeZoneSidKey", "GMT", true);
        setIfAbsent(type, values, "LocaleSidKey", "en_US", true);
        setIfAbsent(type, values, "LanguageLocaleKey", "en_US", true);
        setIfAbsent(type, values, "EmailEncodingKey", "UTF-8", true);
        setIfAbsent(type, values, "ProfileId", store.standardProfileId("Standard User"), true);
    }

    private static String fullName(Object[] values, SObjectDef type) {
        Object first = value(type, values, "FirstName");
        Object last = value(type, values, "LastName");
        String name = (first == null ? "" : first + " ") + (last == null ? "" : last);
        return name.isBlank() ? null : name.trim();
    }

    private static void deriveOpportunity(SObjectDef type, Object[] values, SRecord before) {
        Object stageName = value(type, values, "StageName");
        PicklistValue stage = stageName == null ? null : type.field("StageName").picklistValue(stageName.toString());
        boolean stageChanged = before == null || !Objects.equals(before.get("StageName"), stageName);
        if (stage != null) {
            put(type, values, "IsClosed", stage.closed());
            put(type, values, "IsWon", stage.won());
            if (stageChanged || value(type, values, "Probability") == null) {
                if (before == null && value(type, values, "Probability") != null) {
                    // keep the probability a create gave
                } else {
                    put(type, values, "Probability", (double) stage.probability());
                }
            }
            if (stageChanged || value(type, values, "ForecastCategoryName") == null) {
                put(type, values, "ForecastCategoryName", stage.won() ? "Closed"
                        : stage.closed() ? "Omitted" : stage.probability() >= 90 ? "Commit"
                        : stage.probability() >= 60 ? "Best Case" : "Pipeline");
            }
        }
        Object amount = value(type, values, "Amount");
        Object probability = value(type, values, "Probability");
        put(type, values, "ExpectedRevenue", amount instanceof Double a && probability instanceof Double p
                ? a * p / 100.0 : null);
    }

    private void deriveTask(SObjectDef type, Object[] values, SRecord before) {
        if (value(type, values, "Status") == null) {
            put(type, values, "Status", "Not Started");
        }
        if (value(type, values, "Priority") == null) {
            put(type, values, "Priority", "Normal");
        }
        if (value(type, values, "TaskSubtype") == null) {
            put(type, values, "TaskSubtype", "Task");
        }
        boolean closed = "Completed".equalsIgnoreCase(value(type, values, "Status").toString());
        put(type, values, "IsClosed", closed);
        put(type, values, "IsHighPriority", "High".equalsIgnoreCase(value(type, values, "Priority").toString()));
        boolean wasClosed = before != null && Boolean.TRUE.equals(before.get("IsClosed"));
        if (closed && !wasClosed && value(type, values, "CompletedDateTime") == null) {
            put(type, values, "CompletedDateTime", store.now());
        } else if (!closed) {
            put(type, values, "CompletedDateTime", null);
        }
        put(type, values, "AccountId", activityAccount(type, values));
    }

    private void deriveEvent(SObjectDef type, Object[] values) {
        Object start = value(type, values, "StartDateTime");
        if (start == null) {
            start = value(type, values, "ActivityDateTime");
            put(type, values, "StartDateTime", start);
        }
        if (start instanceof Instant s) {
            put(type, values, "ActivityDateTime", s);
            put(type, values, "ActivityDate", LocalDate.ofInstant(s, ZoneOffset.UTC));
            Object end = value(type, values, "EndDateTime");
            Object minutes = value(type, values, "DurationInMinutes");
            if (end == null && minutes instanceof Integer m) {
                put(type, values, "EndDateTime", s.plusSeconds(60L * m));
            } else if (end instanceof Instant e && minutes == null) {
                put(type, values, "DurationInMinutes", (int) ((e.getEpochSecond() - s.getEpochSecond()) / 60));
            }
        }
        if (value(type, values, "EventSubtype") == null) {
            put(type, values, "EventSubtype", "Event");
        }
        put(type, values, "AccountId", activityAccount(type, values));
    }

    private void deriveCase(SObjectDef type, Object[] values, SRecord before) {
        if (value(type, values, "CaseNumber") == null) {
            put(type, values, "CaseNumber", store.nextCaseNumber());
        }
        if (value(type, values, "Status") == null) {
            put(type, values, "Status", "New");
        }
        if (value(type, values, "Priority") == null) {
            put(type, values, "Priority", "Medium");
        }
        boolean closed = "Closed".equalsIgnoreCase(value(type, values, "Status").toString());
        put(type, values, "IsClosed", closed);
        if (closed && value(type, values, "ClosedDate") == null) {
            put(type, values, "ClosedDate", value(type, values, "LastModifiedDate"));
        } else if (!closed) {
            put(type, values, "ClosedDate", null);
        }
        if ("Escalated".equalsIgnoreCase(value(type, values, "Status").toString())) {
            put(type, values, "IsEscalated", true);
        }
    }

    /** The account an activity belongs to: its What if that is an account or hangs off one, else its Who's. */
    private Object activityAccount(SObjectDef type, Object[] values) {
        Object what = value(type, values, "WhatId");
        if (what != null) {
            SRecord target = store.get(what.toString());
            if (target != null) {
                if (target.type().name().equals("Account")) {
                    return target.id();
                }
                Object account = target.get("AccountId");
                if (account != null) {
                    return account;
                }
            }
        }
        Object who = value(type, values, "WhoId");
        if (who != null) {
            SRecord contact = store.get(who.toString());
            if (contact != null) {
                return contact.get("AccountId");
            }
        }
        return null;
    }
}
