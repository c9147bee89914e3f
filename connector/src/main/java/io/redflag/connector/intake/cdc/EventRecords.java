package io.redflag.connector.intake.cdc;

import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.mapping.MappingModel;
import io.redflag.connector.mapping.RecordMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/**
 * A change event's values as the Partner API would give the record (text per field, as WSC does), so the one
 * {@link RecordMapper} maps records of every source alike: dates (days since the epoch) and date-times
 * (milliseconds) as ISO text, numbers as plain decimals, the commit time as the record's stamp (change events
 * carry no SystemModstamp; the commit is when it moved).
 */
final class EventRecords {
    private EventRecords() {
    }

    /** @param only the fields to carry (an update's changed fields), or null for every mapped field */
    static SObject sObject(RecordMapper mapper, String entity, String id, ChangeEvent e, Set<String> only) {
        SObject record = new SObject(mapper.object(entity));
        record.setId(id);
        String stamp = mapper.stampField(entity);
        for (Map.Entry<String, MappingModel.Kind> f : mapper.fieldKinds(entity).entrySet()) {
            String field = f.getKey();
            if (field.equals("Id") || field.equals(stamp) || (only != null && !only.contains(field))) {
                continue;
            }
            Object value = e.values().get(field);
            if (value != null) {
                record.setField(field, text(value, f.getValue()));
            }
        }
        if (e.commitTimestamp() != null) {
            record.setField(stamp, e.commitTimestamp().toString());
        }
        return record;
    }

    static String text(Object value, MappingModel.Kind kind) {
        return switch (kind) {
            case DATE -> value instanceof Integer days ? LocalDate.ofEpochDay(days).toString()
                    : value instanceof Long ms ? Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC).toLocalDate().toString()
                    : value.toString();
            case DATETIME -> value instanceof Number ms ? Instant.ofEpochMilli(ms.longValue()).toString()
                    : value.toString();
            case NUMBER -> value instanceof Double d ? BigDecimal.valueOf(d).toPlainString()
                    : value instanceof Float f ? BigDecimal.valueOf(f).toPlainString() : value.toString();
            default -> value.toString();
        };
    }
}
