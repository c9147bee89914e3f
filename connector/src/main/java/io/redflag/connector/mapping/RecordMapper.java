package io.redflag.connector.mapping;

import com.sforce.soap.partner.sobject.SObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
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

    /** The entities of the mapping, in the model's order. */
    public java.util.List<String> entities() {
        return MappingModel.entities().keySet().stream().filter(mapping.entities()::containsKey).toList();
    }

    /** Maps one record; throws {@link RecordRejectedException} naming the id and the reason. */
    public MappedRecord map(String entity, SObject record) {
        Mapping.EntityMapping e = entity(entity);
        MappingModel.Entity model = MappingModel.ENTITIES.get(entity);
        String id = record.getId() != null ? record.getId() : text(record, "Id");
        if (id == null || id.isBlank()) {
            throw new RecordRejectedException(entity, "(no id)", "the record has no Id");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Mapping.FieldRef> f : e.fields().entrySet()) {
            String property = f.getKey();
            Mapping.FieldRef ref = f.getValue();
            boolean missing = unavailable.contains(entity + "." + property);
            String text = missing ? null : text(record, ref.field());
            if (text == null || text.isEmpty()) {
                text = ref.defaultValue() == null ? null : ref.defaultValue().toString();
            }
            if (text == null) {
                continue;
            }
            Mapping.ValueMap valueMap = e.values().get(property);
            Object value;
            if (valueMap != null) {
                value = valueMap.meaningOf(text);
            } else {
                value = read(entity, id, property, ref.field(), model.properties().get(property).kind(), text);
            }
            if (value != null) {
                values.put(property, value);
            }
        }
        Object modified = values.get("modifiedAt") != null ? values.get("modifiedAt") : values.get("createdAt");
        return new MappedRecord(entity, id, modified instanceof Instant i ? i : null, values);
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
                case DATETIME -> OffsetDateTime.parse(text).toInstant();
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new RecordRejectedException(entity, id, field + " = '" + text + "' cannot be read as "
                    + kind.name().toLowerCase() + " for " + property);
        }
    }

    /** A field's text from a WSC record (values come as strings; nested sObjects are not mapped here). */
    private static String text(SObject record, String field) {
        Object v = record.getField(field);
        if (v == null) {
            var it = record.getChildren();
            while (it.hasNext()) {
                var child = it.next();
                if (child.getName().getLocalPart().equalsIgnoreCase(field) && !field.equalsIgnoreCase("type")) {
                    v = child.getValue();
                }
            }
        }
        return v == null ? null : v.toString();
    }

    private Mapping.EntityMapping entity(String entity) {
        Mapping.EntityMapping e = mapping.entities().get(entity);
        if (e == null) {
            throw new IllegalArgumentException("the mapping has no entity " + entity);
        }
        return e;
    }
}
