package io.redflag.emulator.pubsub;

import io.redflag.emulator.schema.FieldType;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.Schema;

/**
 * How field values travel in change events: text, ids and picklists as strings; booleans; int; double for
 * double, currency and percent; dates as days since the epoch (int) and date-times as milliseconds since the
 * epoch (long), as Salesforce's Pub/Sub API sends them ("Date fields are in Epoch time").
 */
final class AvroValues {
    private AvroValues() {
    }

    static Schema schemaOf(FieldType type) {
        return Schema.create(switch (type) {
            case BOOLEAN -> Schema.Type.BOOLEAN;
            case INT -> Schema.Type.INT;
            case DOUBLE, CURRENCY, PERCENT -> Schema.Type.DOUBLE;
            case DATE -> Schema.Type.INT;
            case DATETIME -> Schema.Type.LONG;
            default -> Schema.Type.STRING;
        });
    }

    /** A record's value as the field's Avro type holds it; null stays null. */
    static Object toAvro(FieldType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case BOOLEAN -> (Boolean) value;
            case INT -> ((Number) value).intValue();
            case DOUBLE, CURRENCY, PERCENT -> ((Number) value).doubleValue();
            case DATE -> (int) ((LocalDate) value).toEpochDay();
            case DATETIME -> ((Instant) value).toEpochMilli();
            default -> value.toString();
        };
    }
}
