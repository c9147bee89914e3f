package io.redflag.connector.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** An entity's {@code lists:} section: named lists of values (titles, loss reasons, stages), patterns checked. */
final class NamedLists {
    private final YamlNodes nodes;

    NamedLists(YamlNodes nodes) {
        this.nodes = nodes;
    }

    void read(MappingModel.Entity model, Node node, Map<String, List<String>> out) {
        MappingNode map = nodes.asMap(node, model.name() + ".lists");
        if (map == null) {
            return;
        }
        for (NodeTuple t : map.getValue()) {
            String name = nodes.key(t);
            if (!model.lists().contains(name)) {
                nodes.error(t.getKeyNode(), model.name() + ".lists." + name, "unknown list (expected one of "
                        + model.lists().stream().sorted().toList() + ")");
                continue;
            }
            if (!(t.getValueNode() instanceof SequenceNode seq)) {
                nodes.error(t.getValueNode(), model.name() + ".lists." + name, "must be a list");
                continue;
            }
            List<String> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                String value = nodes.scalar(item);
                if (value == null) {
                    nodes.error(item, model.name() + ".lists." + name, "every item must be a single value");
                    continue;
                }
                if (MappingModel.PATTERN_LISTS.contains(name)) {
                    checkPattern(item, model.name() + ".lists." + name, value);
                }
                items.add(value);
            }
            out.put(name, items);
        }
    }

    /** A list item that the scorecard uses as a regular expression: checked here, where its line is known. */
    private void checkPattern(Node item, String subject, String value) {
        try {
            Pattern.compile(value, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            nodes.error(item, subject, "'" + value + "' is not a valid regular expression (" + e.getDescription()
                    + " near index " + e.getIndex() + ")");
        }
    }

}
