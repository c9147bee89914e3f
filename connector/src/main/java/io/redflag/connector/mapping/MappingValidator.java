package io.redflag.connector.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a loaded mapping against the org's describe results: every object and field must exist and be
 * readable, and each field's type must convert to the property's kind. A missing field the mapping marks
 * optional is a warning: the properties it feeds, and the signals that need them, are unavailable.
 */
public final class MappingValidator {
    private MappingValidator() {
    }

    public static MappingReport validate(Mapping mapping, OrgSchema org) {
        List<MappingProblem> problems = new ArrayList<>();
        Set<String> unavailable = new HashSet<>();
        String source = mapping.source();
        for (Mapping.EntityMapping e : mapping.entities().values()) {
            MappingModel.Entity model = MappingModel.ENTITIES.get(e.entity());
            Map<String, OrgSchema.OrgField> fields = org.fields(e.object());
            if (fields == null) {
                problems.add(MappingProblem.error(source, e.line(), e.object(), "no such object in the org, or the"
                        + " integration user cannot read it (entity " + e.entity() + ")"));
                continue;
            }
            for (Map.Entry<String, Mapping.FieldRef> f : e.fields().entrySet()) {
                MappingModel.Property property = model.properties().get(f.getKey());
                Mapping.FieldRef ref = f.getValue();
                String subject = e.object() + "." + ref.field();
                OrgSchema.OrgField field = fields.get(ref.field().toLowerCase(java.util.Locale.ROOT));
                if (field == null) {
                    if (ref.optional()) {
                        unavailable.add(e.entity() + "." + f.getKey());
                        problems.add(MappingProblem.warning(source, ref.line(), subject, "not in the org (optional):"
                                + " " + e.entity() + "." + f.getKey() + " and the signals that need it are unavailable"));
                    } else {
                        problems.add(MappingProblem.error(source, ref.line(), subject, "no such field, or the"
                                + " integration user cannot read it (feeds " + e.entity() + "." + f.getKey() + ")"));
                    }
                    continue;
                }
                if (!converts(field.type(), property.kind())) {
                    problems.add(MappingProblem.error(source, ref.line(), subject, "is a " + field.type()
                            + " field; " + e.entity() + "." + f.getKey() + " needs " + describe(property.kind())));
                    continue;
                }
                Mapping.ValueMap values = e.values().get(f.getKey());
                if (values != null && !field.picklistValues().isEmpty()) {
                    for (String crmValue : values.values().keySet()) {
                        if (field.picklistValues().stream().noneMatch(crmValue::equalsIgnoreCase)) {
                            problems.add(MappingProblem.warning(source, values.line(), subject, "the value map names '"
                                    + crmValue + "', which is not a value of this picklist"));
                        }
                    }
                }
            }
        }
        return new MappingReport(source, problems, unavailable);
    }

    /** Which describe types can feed a property of each kind. */
    static boolean converts(String type, MappingModel.Kind kind) {
        return switch (kind) {
            case ANY -> true;
            case ID -> type.equals("id") || type.equals("reference");
            case TEXT -> switch (type) {
                case "string", "textarea", "picklist", "multipicklist", "combobox", "email", "phone", "url", "id",
                        "reference" -> true;
                default -> false;
            };
            case BOOLEAN -> type.equals("boolean");
            case NUMBER -> type.equals("double") || type.equals("currency") || type.equals("percent")
                    || type.equals("int") || type.equals("long");
            case DATE -> type.equals("date") || type.equals("datetime");
            case DATETIME -> type.equals("datetime");
        };
    }

    private static String describe(MappingModel.Kind kind) {
        return switch (kind) {
            case ID -> "an id or lookup field";
            case TEXT -> "a text or picklist field";
            case BOOLEAN -> "a checkbox";
            case NUMBER -> "a number, currency or percent field";
            case DATE -> "a date or date/time field";
            case DATETIME -> "a date/time field";
            case ANY -> "any field";
        };
    }

}
