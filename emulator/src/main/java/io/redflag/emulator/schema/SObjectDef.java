package io.redflag.emulator.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One object type (Account, Contact …): its key prefix and fields in describe order. Field names are
 * case-insensitive, as in Salesforce. Each field has a stable slot index that records use to hold values.
 */
public final class SObjectDef {
    private final String name;
    private final String keyPrefix;
    private final String label;
    private final String labelPlural;
    private final boolean custom;
    private final boolean replicateable;
    private final boolean writable;
    private final Map<String, FieldDef> byLowerName = new LinkedHashMap<>();
    private final Map<String, Integer> slots = new LinkedHashMap<>();
    /** Slot lookup by the definition itself: the hot path of queries over a million records. */
    private final Map<FieldDef, Integer> slotsByDef = new IdentityHashMap<>();
    private final Map<String, FieldDef> byRelationship = new LinkedHashMap<>();
    private final List<FieldDef> fields = new ArrayList<>();

    public SObjectDef(String name, String keyPrefix, String label, String labelPlural, boolean custom,
            boolean replicateable, boolean writable) {
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.label = label;
        this.labelPlural = labelPlural;
        this.custom = custom;
        this.replicateable = replicateable;
        this.writable = writable;
    }

    /** Adds a field, or replaces the one with the same name (its slot stays). */
    public synchronized void putField(FieldDef field) {
        String key = field.name().toLowerCase(Locale.ROOT);
        Integer slot = slots.get(key);
        if (slot == null) {
            slot = fields.size();
            slots.put(key, slot);
            fields.add(field);
        } else {
            fields.set(slot, field);
        }
        slotsByDef.put(field, slot);
        byLowerName.put(key, field);
        if (field.relationshipName() != null) {
            byRelationship.put(field.relationshipName().toLowerCase(Locale.ROOT), field);
        }
    }

    public String name() {
        return name;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public String label() {
        return label;
    }

    public String labelPlural() {
        return labelPlural;
    }

    public boolean custom() {
        return custom;
    }

    /** getUpdated and getDeleted work on replicateable objects only. */
    public boolean replicateable() {
        return replicateable;
    }

    /** History objects are written by the platform only. */
    public boolean writable() {
        return writable;
    }

    /** The field with this name in any case, or null. */
    public FieldDef field(String fieldName) {
        return byLowerName.get(fieldName.toLowerCase(Locale.ROOT));
    }

    /** The lookup field whose relationship has this name (Owner → OwnerId), or null. */
    public FieldDef relationship(String relationshipName) {
        return byRelationship.get(relationshipName.toLowerCase(Locale.ROOT));
    }

    /** Slot of a field of this object in a record's value array. */
    public int slot(FieldDef field) {
        Integer slot = slotsByDef.get(field);
        if (slot != null) {
            return slot;
        }
        slot = slots.get(field.name().toLowerCase(Locale.ROOT));
        if (slot == null) {
            throw new IllegalArgumentException(field.name() + " is not a field of " + name);
        }
        return slot;
    }

    public List<FieldDef> fields() {
        return Collections.unmodifiableList(fields);
    }

    public int fieldCount() {
        return fields.size();
    }

    public boolean hasField(String fieldName) {
        return field(fieldName) != null;
    }

    @Override
    public String toString() {
        return name;
    }
}
