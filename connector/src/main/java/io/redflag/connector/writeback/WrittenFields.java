package io.redflag.connector.writeback;

import io.redflag.connector.mapping.OrgSchema;
import io.redflag.domain.scoring.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every CRM field Redflag writes, declared once; all of them are defined by the Redflag package in
 * {@code plugin/}. {@link #check} compares them with the org's describe results.
 */
public final class WrittenFields {
    /**
     * A field Redflag writes, the describe types that can hold what it writes, and the values it writes where
     * the field is a picklist (a restricted picklist refuses any other value, one account at a time).
     */
    public record Field(String object, String name, Set<String> types, List<String> values) {
        public Field(String object, String name, Set<String> types) {
            this(object, name, types, List.of());
        }

        public String qualified() {
            return object + "." + name;
        }
    }

    public static final String PACKAGE = "the Redflag package (plugin/, deploy it with sf project deploy start)";
    public static final List<Field> ALL = List.of(
            new Field("Account", "Health_Score__c", Set.of("double", "int", "currency", "percent")),
            new Field("Account", "Risk_Level__c", Set.of("picklist", "string"),
                    Arrays.stream(Level.values()).map(Level::label).toList()),
            new Field("Account", "Risk_Reasons__c", Set.of("textarea", "string")),
            new Field("Account", "Health_Trend__c", Set.of("double", "int")),
            new Field("Account", "Health_Scored_At__c", Set.of("datetime")),
            new Field("Task", "Risk_Signal_Key__c", Set.of("string")));

    private WrittenFields() {
    }

    /** What is wrong with the org for write-back: an empty list when every field is there. */
    public static List<String> problems(OrgSchema schema) {
        List<String> problems = new ArrayList<>();
        for (Field f : ALL) {
            Map<String, OrgSchema.OrgField> fields = schema.fields(f.object());
            OrgSchema.OrgField found = fields == null ? null : fields.get(f.name().toLowerCase(java.util.Locale.ROOT));
            if (found == null) {
                problems.add(f.qualified() + ": not in the org, or the integration user cannot see it; it is"
                        + " defined by " + PACKAGE);
            } else if (!f.types().contains(found.type())) {
                problems.add(f.qualified() + ": is a " + found.type() + " field; Redflag writes " + f.types()
                        + " (as " + PACKAGE + " defines it)");
            } else if (found.type().equals("picklist") && !found.picklistValues().isEmpty()) {
                List<String> lacking = f.values().stream().filter(v -> found.picklistValues().stream()
                        .noneMatch(v::equalsIgnoreCase)).toList();
                if (!lacking.isEmpty()) {
                    problems.add(f.qualified() + ": the picklist lacks " + String.join(", ", lacking)
                            + ", which Redflag writes; an older version of " + PACKAGE + " is deployed");
                }
            }
        }
        return problems;
    }
}
