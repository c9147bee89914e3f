package io.redflag.connector.mapping;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CRM record turned into one entity of Redflag's model: its id, its change stamp, and each mapped
 * property as a typed value (String, Boolean, BigDecimal, LocalDate, Instant) or, for properties with a
 * value map, the meaning (OPEN, WON, CALL, INBOUND …). Properties with no value are absent.
 *
 * <p>The values are held by position, in the order of the entity's properties in {@link MappingModel}
 * (null: absent): a map per record was a measured share of an initial sync's CPU.
 */
public final class MappedRecord {
    /** Per entity, its property names in the model's order and the position of each, worked out once. */
    private record Layout(List<String> names, Map<String, Integer> index) {
    }

    private static final Map<String, Layout> LAYOUTS = layouts();

    private final String entity;
    private final String id;
    private final Instant modifiedAt;
    private final Layout layout;
    private final Object[] values;

    /**
     * @param values by property name; a null value is absent
     * @throws IllegalArgumentException for an entity or property the model does not have
     */
    public MappedRecord(String entity, String id, Instant modifiedAt, Map<String, Object> values) {
        this(entity, id, modifiedAt, layout(entity), positional(entity, values));
    }

    private MappedRecord(String entity, String id, Instant modifiedAt, Layout layout, Object[] values) {
        this.entity = entity;
        this.id = id;
        this.modifiedAt = modifiedAt;
        this.layout = layout;
        this.values = values;
    }

    /** A record over values already in the model's order; takes the array over (the caller keeps no reference). */
    static MappedRecord ofPositional(String entity, String id, Instant modifiedAt, Object[] values) {
        Layout layout = layout(entity);
        if (values.length != layout.names().size()) {
            throw new IllegalArgumentException(entity + " has " + layout.names().size() + " properties, not "
                    + values.length);
        }
        return new MappedRecord(entity, id, modifiedAt, layout, values);
    }

    /** The position of an entity's property among its values (the model's order). */
    public static int index(String entity, String property) {
        return index(layout(entity), entity, property);
    }

    /** How many properties the entity has: the length of its positional values. */
    static int size(String entity) {
        return layout(entity).names().size();
    }

    public String entity() {
        return entity;
    }

    public String id() {
        return id;
    }

    public Instant modifiedAt() {
        return modifiedAt;
    }

    /** The value of a property, or null when it is absent or the entity has no such property. */
    public Object get(String property) {
        Integer i = layout.index().get(property);
        return i == null ? null : values[i];
    }

    /** The value at a position of {@link #index(String, String)}, or null when absent. */
    public Object value(int index) {
        return values[index];
    }

    /** The present values by property name, in the model's order; unmodifiable. */
    public Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                out.put(layout.names().get(i), values[i]);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MappedRecord r && entity.equals(r.entity) && Objects.equals(id, r.id)
                && Objects.equals(modifiedAt, r.modifiedAt) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entity, id, modifiedAt, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "MappedRecord[entity=" + entity + ", id=" + id + ", modifiedAt=" + modifiedAt + ", values=" + values()
                + "]";
    }

    private static Layout layout(String entity) {
        Layout layout = LAYOUTS.get(entity);
        if (layout == null) {
            throw new IllegalArgumentException("no entity " + entity + " in the model");
        }
        return layout;
    }

    private static Object[] positional(String entity, Map<String, Object> values) {
        Layout layout = layout(entity);
        Object[] out = new Object[layout.names().size()];
        values.forEach((property, value) -> out[index(layout, entity, property)] = value);
        return out;
    }

    private static int index(Layout layout, String entity, String property) {
        Integer i = layout.index().get(property);
        if (i == null) {
            throw new IllegalArgumentException("entity " + entity + " has no property " + property);
        }
        return i;
    }

    private static Map<String, Layout> layouts() {
        Map<String, Layout> out = new HashMap<>();
        MappingModel.entities().forEach((name, entity) -> {
            List<String> names = List.copyOf(entity.properties().keySet());
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                index.put(names.get(i), i);
            }
            out.put(name, new Layout(names, Map.copyOf(index)));
        });
        return Map.copyOf(out);
    }
}
