package io.redflag.emulator.store;

import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.SObjectDef;
import java.time.Instant;
import java.util.Arrays;

/**
 * One version of a record. Immutable: a write stores a new version, so a query cursor keeps reading the
 * values it selected even while the org changes.
 */
public final class SRecord {
    private final SObjectDef type;
    private final String id;
    private final Object[] values;

    SRecord(SObjectDef type, String id, Object[] values) {
        this.type = type;
        this.id = id;
        this.values = values;
    }

    public SObjectDef type() {
        return type;
    }

    public String id() {
        return id;
    }

    /** The value of a field of this record's type (null when unset). */
    public Object get(FieldDef field) {
        int slot = type.slot(field);
        return slot < values.length ? values[slot] : null;
    }

    /**
     * The value in a slot of this record's type ({@link SObjectDef#slot}); null when unset. Lets a query
     * that reads millions of rows resolve the slot once instead of once per row.
     */
    public Object get(int slot) {
        return slot < values.length ? values[slot] : null;
    }

    /** The value of a field by name in any case; null when unset or when the type has no such field. */
    public Object get(String fieldName) {
        FieldDef field = type.field(fieldName);
        return field == null ? null : get(field);
    }

    public boolean isDeleted() {
        return Boolean.TRUE.equals(get("IsDeleted"));
    }

    /** SystemModstamp, or CreatedDate for objects that have none (AccountHistory). */
    public Instant modstamp() {
        Object stamp = get("SystemModstamp");
        return (Instant) (stamp != null ? stamp : get("CreatedDate"));
    }

    Object[] copyValues() {
        return Arrays.copyOf(values, Math.max(values.length, type.fieldCount()));
    }

    @Override
    public String toString() {
        return type.name() + "[" + id + "]";
    }
}
