package io.redflag.emulator.schema;

import java.util.List;

/**
 * One field of an object as describe reports it.
 *
 * @param referenceTo       target objects of a lookup (several for polymorphic ones such as Task.WhoId)
 * @param relationshipName  the name used in SOQL parent paths (Owner for OwnerId, Account for AccountId)
 * @param system            set only by the platform (Id, CreatedDate, SystemModstamp, IsClosed …)
 * @param defaultedOnCreate the platform fills it when a create leaves it out (so it is not required)
 * @param trackHistory      a change writes a history row
 */
public record FieldDef(
        String name,
        FieldType type,
        String label,
        int length,
        List<String> referenceTo,
        String relationshipName,
        boolean nillable,
        boolean createable,
        boolean updateable,
        boolean custom,
        boolean externalId,
        boolean system,
        boolean defaultedOnCreate,
        boolean trackHistory,
        boolean restrictedPicklist,
        List<PicklistValue> picklistValues,
        int precision,
        int scale,
        String inlineHelpText) {

    public FieldDef {
        referenceTo = List.copyOf(referenceTo);
        picklistValues = List.copyOf(picklistValues);
    }

    /** A field a create must set: not nillable, settable, and not filled in by the platform. */
    public boolean required() {
        return !nillable && createable && !defaultedOnCreate && type != FieldType.BOOLEAN;
    }

    public boolean isReference() {
        return type == FieldType.REFERENCE || type == FieldType.ID;
    }

    public PicklistValue picklistValue(String value) {
        for (PicklistValue v : picklistValues) {
            if (v.value().equalsIgnoreCase(value)) {
                return v;
            }
        }
        return null;
    }

    public FieldDef withTrackHistory(boolean track) {
        return new FieldDef(name, type, label, length, referenceTo, relationshipName, nillable, createable, updateable,
                custom, externalId, system, defaultedOnCreate, track, restrictedPicklist, picklistValues, precision,
                scale, inlineHelpText);
    }
}
