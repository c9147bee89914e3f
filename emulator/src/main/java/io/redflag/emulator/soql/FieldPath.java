package io.redflag.emulator.soql;

import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.FieldType;
import io.redflag.emulator.schema.SObjectDef;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import java.util.List;

/**
 * A field reached from the queried object, directly (Name) or through lookups (Account.Owner.Name), resolved
 * once at parse time so that reading it per row costs a slot access, plus one id look-up per hop.
 */
final class FieldPath {
    final List<FieldDef> lookups;
    final FieldDef field;
    /** Slot of the field (no hops) or of the first lookup in the queried object; -1 for Id. */
    private final int rootSlot;
    private final boolean isId;

    FieldPath(SObjectDef root, List<FieldDef> lookups, FieldDef field) {
        this.lookups = List.copyOf(lookups);
        this.field = field;
        this.isId = field.name().equals("Id");
        FieldDef first = lookups.isEmpty() ? field : lookups.get(0);
        this.rootSlot = lookups.isEmpty() && isId ? -1 : root.slot(first);
    }

    FieldType type() {
        return field.type();
    }

    boolean hasParents() {
        return !lookups.isEmpty();
    }

    Object value(SRecord record, OrgStore store) {
        if (lookups.isEmpty()) {
            return rootSlot < 0 ? record.id() : record.get(rootSlot);
        }
        SRecord current = store.get((String) record.get(rootSlot));
        for (int i = 1; i < lookups.size() && current != null; i++) {
            current = parent(current, lookups.get(i).name(), store);
        }
        if (current == null) {
            return null;
        }
        return isId ? current.id() : current.get(field.name());
    }

    /** The parent a record's lookup points at; null when unset. Polymorphic targets carry their own type. */
    static SRecord parent(SRecord record, String lookupName, OrgStore store) {
        Object id = record.get(lookupName);
        return id == null ? null : store.get(id.toString());
    }
}
