package io.redflag.connector.mapping;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

    /**
     * A value map: CRM value → meaning; {@code patterns} for free-text fields (a key written {@code /regex/}),
     * tried in file order after the exact values; {@code fallback} for values matched by neither ("*"), or null.
     */
    public record ValueMap(Map<String, String> values, List<PatternMeaning> patterns, String fallback, int line) {
        public ValueMap {
            values = Map.copyOf(values);
            patterns = List.copyOf(patterns);
        }

        /** A map of exact values only. */
        public ValueMap(Map<String, String> values, String fallback, int line) {
            this(values, List.of(), fallback, line);
        }

        /**
         * The meaning of a CRM value: an exact value (case-insensitive, as picklists compare, ignoring surrounding
         * blanks), else the first pattern found in it, else the fallback; null when none applies.
         */
        public String meaningOf(String crmValue) {
            if (crmValue != null) {
                String value = crmValue.strip();
                for (Map.Entry<String, String> e : values.entrySet()) {
                    if (e.getKey().equalsIgnoreCase(value)) {
                        return e.getValue();
                    }
                }
                for (PatternMeaning p : patterns) {
                    if (p.pattern().matcher(value).find()) {
                        return p.meaning();
                    }
                }
            }
            return fallback;
        }
    }

    /** A regular expression (case-insensitive, found anywhere in the value) and the meaning it gives. */
    public record PatternMeaning(Pattern pattern, String meaning) {
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
