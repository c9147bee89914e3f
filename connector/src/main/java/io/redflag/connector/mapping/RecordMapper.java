package io.redflag.connector.mapping;

import com.sforce.soap.partner.sobject.SObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns Partner API records into {@link MappedRecord}s as the mapping says: which fields to select, how to
 * read each field's text (WSC gives values as strings), value maps onto meanings, defaults for empty or
 * unavailable optional fields. A value that cannot be read rejects the record with its id and the reason.
 */
public final class RecordMapper {
    private final Mapping mapping;
    private final Set<String> unavailable;

    /** @param report the start-up check, whose unavailable properties are neither selected nor mapped */
    public RecordMapper(Mapping mapping, MappingReport report) {
        this.mapping = mapping;
        this.unavailable = report.unavailable();
    }

    /** The CRM object that feeds an entity. */
    public String object(String entity) {
        return entity(entity).object();
    }

    /** The fields to select for an entity, Id first, each once, unavailable optional ones left out. */
    public Set<String> selectFields(String entity) {
        Mapping.EntityMapping e = entity(entity);
        Set<String> out = new LinkedHashSet<>();
        out.add("Id");
        e.fields().forEach((property, ref) -> {
            if (!unavailable.contains(entity + "." + property)) {
                out.add(ref.field());
            }
        });
        return out;
    }

    /**
     * The CRM field that orders an entity's changes: the field behind modifiedAt (SystemModstamp), or behind
     * createdAt for entities whose records never change (AccountHistory has no SystemModstamp).
     */
    public String stampField(String entity) {
        Mapping.EntityMapping e = entity(entity);
        Mapping.FieldRef ref = e.fields().containsKey("modifiedAt") ? e.fields().get("modifiedAt")
                : e.fields().get("createdAt");
        if (ref == null) {
            throw new IllegalStateException("entity " + entity + " maps neither modifiedAt nor createdAt");
        }
        return ref.field();
    }

    /** The entity a CRM object feeds (names compared without case), the first in the model's order; empty if none. */
    public java.util.Optional<String> entityOf(String object) {
        return entities().stream().filter(e -> object(e).equalsIgnoreCase(object)).findFirst();
    }

    /** Each property of an entity and the CRM field feeding it, unavailable optional ones left out. */
    public Map<String, String> propertyFields(String entity) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        entity(entity).fields().forEach((property, ref) -> {
            if (!unavailable.contains(entity + "." + property)) {
                out.put(property, ref.field());
            }
        });
        return out;
    }

    /**
     * The CRM fields an entity reads (unavailable optional ones left out), each with the kind of the property
     * it feeds: what a change event's values are turned into text by.
     */
    public Map<String, MappingModel.Kind> fieldKinds(String entity) {
        Map<String, MappingModel.Kind> out = new java.util.LinkedHashMap<>();
        MappingModel.Entity model = MappingModel.ENTITIES.get(entity);
        entity(entity).fields().forEach((property, ref) -> {
            if (!unavailable.contains(entity + "." + property)) {
                out.putIfAbsent(ref.field(), model.properties().get(property).kind());
            }
        });
        return out;
    }

    /** The CRM fields behind the properties Redflag writes itself (the risk fields): never news to score. */
    public Set<String> writtenFields(String entity) {
        Set<String> out = new LinkedHashSet<>();
        MappingModel.Entity model = MappingModel.ENTITIES.get(entity);
        entity(entity).fields().forEach((property, ref) -> {
            if (model.properties().get(property).written()) {
                out.add(ref.field());
            }
        });
        return out;
    }

    /** The entities of the mapping, in the model's order. */
    public java.util.List<String> entities() {
        return MappingModel.entities().keySet().stream().filter(mapping.entities()::containsKey).toList();
    }

    /** How one property of an entity is read: worked out once per entity, not once per record. */
    private record Plan(String property, int index, Mapping.FieldRef ref, String defaultText,
            Mapping.ValueMap valueMap, MappingModel.Kind kind, boolean unavailable) {
    }

    /** An entity's plans, its number of properties, and where its stamp (modifiedAt, else createdAt) sits. */
    private record EntityPlan(java.util.List<Plan> properties, int size, int modifiedAt, int createdAt) {
    }

    private final Map<String, EntityPlan> plans = new java.util.concurrent.ConcurrentHashMap<>();

    private EntityPlan plan(String entity) {
        return plans.computeIfAbsent(entity, name -> {
            Mapping.EntityMapping e = entity(name);
            MappingModel.Entity model = MappingModel.ENTITIES.get(name);
            java.util.List<Plan> out = new java.util.ArrayList<>();
            e.fields().forEach((property, ref) -> out.add(new Plan(property, MappedRecord.index(name, property), ref,
                    ref.defaultValue() == null ? null : ref.defaultValue().toString(), e.values().get(property),
                    model.properties().get(property).kind(), unavailable.contains(name + "." + property))));
            return new EntityPlan(java.util.List.copyOf(out), MappedRecord.size(name), stampIndex(model, "modifiedAt"),
                    stampIndex(model, "createdAt"));
        });
    }

    private static int stampIndex(MappingModel.Entity model, String property) {
        return model.properties().containsKey(property) ? MappedRecord.index(model.name(), property) : -1;
    }

    /** Maps one record; throws {@link RecordRejectedException} naming the id and the reason. */
    public MappedRecord map(String entity, SObject record) {
        EntityPlan plan = plan(entity);
        Fields fields = FIELDS.get().of(record);
        String id = record.getId() != null ? record.getId() : fields.text("Id");
        if (id == null || id.isBlank()) {
            throw new RecordRejectedException(entity, "(no id)", "the record has no Id");
        }
        Object[] values = new Object[plan.size()];
        for (Plan p : plan.properties()) {
            String text = p.unavailable() ? null : fields.text(p.ref().field());
            if (text == null || text.isEmpty()) {
                text = p.defaultText();
            }
            if (text == null) {
                continue;
            }
            values[p.index()] = p.valueMap() != null ? p.valueMap().meaningOf(text)
                    : read(entity, id, p.property(), p.ref().field(), p.kind(), text);
        }
        Object modified = plan.modifiedAt() >= 0 && values[plan.modifiedAt()] != null ? values[plan.modifiedAt()]
                : plan.createdAt() >= 0 ? values[plan.createdAt()] : null;
        return MappedRecord.ofPositional(entity, id, modified instanceof Instant i ? i : null, values);
    }

    /** One per mapping thread, reused record after record: a new one per record was a measured cost. */
    private static final ThreadLocal<Fields> FIELDS = ThreadLocal.withInitial(Fields::new);

    /**
     * The record's fields in the order the response gives them (the query's order), read in one pass: WSC's
     * own look-up walks the children for every field. The sObject's {@code type} element is left out.
     */
    private static final class Fields {
        String[] names = new String[32];
        Object[] values = new Object[32];
        int size;
        /** Where the last look-up matched: the next field is usually the next child. */
        int cursor;

        /** Takes a record's fields in, in place of the last record's. */
        Fields of(SObject record) {
            size = 0;
            cursor = 0;
            var it = record.getChildren();
            while (it.hasNext()) {
                var child = it.next();
                String name = child.getName().getLocalPart();
                if (!name.equals("type")) { // the sObject type element; a field named Type is kept
                    add(name, child.getValue());
                }
            }
            return this;
        }

        void add(String name, Object value) {
            if (size == names.length) {
                names = java.util.Arrays.copyOf(names, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size++] = value;
        }

        /** Looks for the name from the cursor on, wrapping once; then ignoring case (the mapping's spelling). */
        String text(String field) {
            for (int n = 0; n < size; n++) {
                int i = (cursor + n) % size;
                if (names[i].equals(field)) {
                    cursor = i + 1;
                    return values[i] == null ? null : values[i].toString();
                }
            }
            for (int i = 0; i < size; i++) {
                if (names[i].equalsIgnoreCase(field) && values[i] != null) {
                    return values[i].toString();
                }
            }
            return null;
        }
    }


    private static Object read(String entity, String id, String property, String field, MappingModel.Kind kind,
            String text) {
        try {
            return switch (kind) {
                case ID, TEXT, ANY -> text;
                case BOOLEAN -> switch (text) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("not true or false");
                };
                case NUMBER -> new BigDecimal(text);
                case DATE -> text.length() > 10 ? OffsetDateTime.parse(text).toLocalDate() : LocalDate.parse(text);
                case DATETIME -> dateTime(text);
            };
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new RecordRejectedException(entity, id, field + " = '" + text + "' cannot be read as "
                    + kind.name().toLowerCase() + " for " + property);
        }
    }

    /**
     * A date-time as the Partner API writes it ({@code 2026-06-30T12:00:00.000Z}), read without the general
     * parser (a measured share of the sync's CPU); any other ISO form goes through {@link OffsetDateTime#parse}.
     */
    static Instant dateTime(String t) {
        if (t.length() == 24 && t.charAt(4) == '-' && t.charAt(7) == '-' && t.charAt(10) == 'T' && t.charAt(13) == ':'
                && t.charAt(16) == ':' && t.charAt(19) == '.' && t.charAt(23) == 'Z') {
            int year = digits(t, 0, 4);
            int month = digits(t, 5, 2);
            int day = digits(t, 8, 2);
            int hour = digits(t, 11, 2);
            int minute = digits(t, 14, 2);
            int second = digits(t, 17, 2);
            int millis = digits(t, 20, 3);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && millis >= 0) {
                // LocalDateTime.of checks the ranges (month 13, February 30 …) and throws DateTimeException.
                return java.time.LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                        .toInstant(java.time.ZoneOffset.UTC);
            }
        }
        return OffsetDateTime.parse(t).toInstant();
    }

    /** The number written by {@code n} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String t, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private Mapping.EntityMapping entity(String entity) {
        Mapping.EntityMapping e = mapping.entities().get(entity);
        if (e == null) {
            throw new IllegalArgumentException("the mapping has no entity " + entity);
        }
        return e;
    }
}
