package io.redflag.connector.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * An entity's {@code values:} section: for each property that takes meanings, the CRM's values (exact, or
 * {@code /regex/} for free text such as a call disposition, or {@code *} for the rest) and what each means.
 */
final class ValueMaps {
    private final YamlNodes nodes;

    ValueMaps(YamlNodes nodes) {
        this.nodes = nodes;
    }

    void read(MappingModel.Entity model, Node node, Map<String, Mapping.ValueMap> out) {
        MappingNode map = nodes.asMap(node, model.name() + ".values");
        if (map == null) {
            return;
        }
        for (NodeTuple t : map.getValue()) {
            String property = nodes.key(t);
            String subject = model.name() + ".values." + property;
            MappingModel.Property p = model.properties().get(property);
            if (p == null || p.meanings().isEmpty()) {
                nodes.error(t.getKeyNode(), subject, "this property takes no value map (properties that do: "
                        + model.properties().values().stream().filter(x -> !x.meanings().isEmpty())
                                .map(MappingModel.Property::name).toList() + ")");
                continue;
            }
            MappingNode entries = nodes.asMap(t.getValueNode(), subject);
            if (entries == null) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            List<Mapping.PatternMeaning> patterns = new ArrayList<>();
            String fallback = null;
            for (NodeTuple e : entries.getValue()) {
                String crmValue = nodes.key(e);
                String meaning = nodes.scalar(e.getValueNode());
                if (meaning == null || !p.meanings().contains(meaning)) {
                    nodes.error(e.getValueNode(), subject + "." + crmValue, "'" + meaning + "' is not a meaning of "
                            + property + " (expected one of " + p.meanings().stream().sorted().toList() + ")");
                } else if (crmValue.equals("*")) {
                    fallback = meaning;
                } else if (crmValue.length() > 2 && crmValue.startsWith("/") && crmValue.endsWith("/")) {
                    Pattern pattern = pattern(e.getKeyNode(), subject + "." + crmValue, crmValue);
                    if (pattern != null) {
                        patterns.add(new Mapping.PatternMeaning(pattern, meaning));
                    }
                } else {
                    values.put(crmValue, meaning);
                }
            }
            out.put(property, new Mapping.ValueMap(values, patterns, fallback, nodes.line(t.getKeyNode())));
        }
    }

    /** A key written /regex/: compiled case-insensitive, or reported at its line when it is not valid. */
    private Pattern pattern(Node key, String subject, String slashed) {
        try {
            return Pattern.compile(slashed.substring(1, slashed.length() - 1),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            nodes.error(key, subject, "not a valid regular expression: " + e.getDescription());
            return null;
        }
    }

}
