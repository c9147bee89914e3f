package io.redflag.emulator.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The org's object types, looked up by name (any case) or by the key prefix of an id. */
public final class Schema {
    /** The standard profiles of a new org, by name; the emulator creates them with every org. */
    public static final List<String> STANDARD_PROFILES = StandardObjects.STANDARD_PROFILES;

    private final Map<String, SObjectDef> byLowerName = new LinkedHashMap<>();
    private final Map<String, SObjectDef> byPrefix = new LinkedHashMap<>();
    private final Map<SObjectDef, List<ChildRelationship>> children = new LinkedHashMap<>();

    /** A schema with the standard objects a key-account sync reads (see {@link StandardObjects}). */
    public static Schema standard() {
        Schema schema = new Schema();
        StandardObjects.addTo(schema);
        return schema;
    }

    public synchronized void add(SObjectDef type) {
        byLowerName.put(type.name().toLowerCase(Locale.ROOT), type);
        byPrefix.put(type.keyPrefix(), type);
    }

    /** The object with this name in any case, or null. */
    public SObjectDef find(String name) {
        return name == null ? null : byLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    /** The object an id belongs to (by its first three characters), or null. */
    public SObjectDef forId(String id) {
        return id == null || id.length() < 3 ? null : byPrefix.get(id.substring(0, 3));
    }

    /** Registers {@code parent.name} as the child relationship of {@code child.field} (Account.Contacts). */
    public synchronized void addChildRelationship(String parent, String name, String child, String field) {
        SObjectDef parentType = find(parent);
        SObjectDef childType = find(child);
        FieldDef lookup = childType == null ? null : childType.field(field);
        if (parentType == null || lookup == null) {
            throw new IllegalArgumentException("no lookup " + child + "." + field + " to " + parent);
        }
        List<ChildRelationship> list = children.computeIfAbsent(parentType, k -> new ArrayList<>());
        list.removeIf(r -> r.name().equalsIgnoreCase(name));
        list.add(new ChildRelationship(name, childType, lookup));
    }

    /** The child relationships of an object, as describe lists them. */
    public synchronized List<ChildRelationship> childRelationships(SObjectDef parent) {
        return List.copyOf(children.getOrDefault(parent, List.of()));
    }

    /** The child relationship with this name (any case), or null. */
    public ChildRelationship childRelationship(SObjectDef parent, String name) {
        for (ChildRelationship r : childRelationships(parent)) {
            if (r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        return null;
    }

    public Collection<SObjectDef> all() {
        return Collections.unmodifiableCollection(byLowerName.values());
    }
}
