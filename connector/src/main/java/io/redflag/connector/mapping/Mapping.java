package io.redflag.connector.mapping;

import java.util.List;
import java.util.Map;

/**
 * A loaded mapping: per entity of the model, the CRM object and the field feeding each property.
 *
 * @param source where it came from, for messages ("mappings/salesforce.yaml")
 */
public record Mapping(String source, Map<String, EntityMapping> entities) {

    public Mapping {
        entities = Map.copyOf(entities);
    }

    /** One property's CRM field. {@code defaultValue} stands in when the field is empty (or missing and optional). */
    public record FieldRef(String field, boolean optional, Object defaultValue, int line) {
    }

    /** A picklist value map: CRM value → meaning; {@code fallback} for values not listed ("*"), or null. */
    public record ValueMap(Map<String, String> values, String fallback, int line) {
        public ValueMap {
            values = Map.copyOf(values);
        }

        /** The meaning of a CRM value (case-insensitive, as picklists compare), the fallback, or null. */
        public String meaningOf(String crmValue) {
            if (crmValue != null) {
                for (Map.Entry<String, String> e : values.entrySet()) {
                    if (e.getKey().equalsIgnoreCase(crmValue)) {
                        return e.getValue();
                    }
                }
            }
            return fallback;
        }
    }

    /** How one entity of the model is fed. */
    public record EntityMapping(String entity, String object, int line, Map<String, FieldRef> fields,
            Map<String, ValueMap> values, Map<String, List<String>> lists) {

        public EntityMapping {
            fields = Map.copyOf(fields);
            values = Map.copyOf(values);
            lists = Map.copyOf(lists);
        }
    }
}
