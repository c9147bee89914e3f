package io.redflag.connector.mapping;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** SnakeYAML nodes read for the mapping loader: shapes checked, every problem noted with the file and its line. */
final class YamlNodes {
    private final String source;
    private final List<MappingProblem> problems = new ArrayList<>();

    YamlNodes(String source) {
        this.source = source;
    }

    /** The file or resource read, as messages name it. */
    String source() {
        return source;
    }

    List<MappingProblem> problems() {
        return problems;
    }

    MappingNode asMap(Node node, String subject) {
        if (node instanceof MappingNode m) {
            return m;
        }
        error(node, subject, "must be a map of key: value");
        return null;
    }

    String key(NodeTuple t) {
        return scalar(t.getKeyNode());
    }

    String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    boolean bool(Node node, String subject) {
        String v = scalar(node);
        if (!"true".equals(v) && !"false".equals(v)) {
            error(node, subject, "must be true or false, not '" + v + "'");
        }
        return "true".equals(v);
    }

    int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    void error(Node node, String subject, String message) {
        problems.add(MappingProblem.error(source, line(node), subject, message));
    }
}
