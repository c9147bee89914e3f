package io.redflag.connector.mapping;

import java.time.Instant;
import java.util.Map;

/**
 * A CRM record turned into one entity of Redflag's model: its id, its change stamp, and each mapped
 * property as a typed value (String, Boolean, BigDecimal, LocalDate, Instant) or, for properties with a
 * value map, the meaning (OPEN, WON, CALL, INBOUND …). Properties with no value are absent.
 */
public record MappedRecord(String entity, String id, Instant modifiedAt, Map<String, Object> values) {

    public MappedRecord {
        values = Map.copyOf(values);
    }

    public Object get(String property) {
        return values.get(property);
    }
}
