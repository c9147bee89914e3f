package io.redflag.connector.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a mapping file with SnakeYAML's node API, so that every problem carries its line. Checks the shape
 * against {@link MappingModel}: unknown keys, entities and properties, missing required properties, value
 * maps onto meanings that do not exist. All problems are collected before failing.
 */
public final class MappingLoader {
    // Lists, not sets: they are printed in error messages, which must read the same on every run.
    private static final List<String> TOP = List.of("version", "entities");
    private static final List<String> ENTITY_KEYS = List.of("object", "fields", "values", "lists");
    private static final List<String> FIELD_KEYS = List.of("field", "optional", "default");

    private final String source;
    private final List<MappingProblem> problems = new ArrayList<>();

    private MappingLoader(String source) {
        this.source = source;
    }

    public static Mapping load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(file.toString(), in);
        } catch (IOException e) {
            throw new MappingException(file.toString(), List.of(MappingProblem.error(file.toString(), 0, null,
                    "cannot read the file: " + e.getMessage())));
        }
    }

    /** Reads a mapping from a stream; {@code source} names it in messages. */
    public static Mapping load(String source, InputStream in) {
        MappingLoader loader = new MappingLoader(source);
        Node root;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new MappingException(source, List.of(MappingProblem.error(source, line, null,
                    "not valid YAML: " + e.getProblem())));
        } catch (IOException e) {
            throw new MappingException(source, List.of(MappingProblem.error(source, 0, null, e.getMessage())));
        }
        Mapping mapping = loader.mapping(root);
        if (!loader.problems.isEmpty()) {
            throw new MappingException(source, loader.problems);
        }
        return mapping;
    }

    private Mapping mapping(Node root) {
        Map<String, Mapping.EntityMapping> entities = new LinkedHashMap<>();
        MappingNode top = asMap(root, "the file");
        if (top == null) {
            return new Mapping(source, entities);
        }
        Node entitiesNode = null;
        for (NodeTuple t : top.getValue()) {
            String key = key(t);
            if (!TOP.contains(key)) {
                error(t.getKeyNode(), key, "unknown key (expected " + TOP + ")");
            } else if (key.equals("version") && !"1".equals(scalar(t.getValueNode()))) {
                error(t.getValueNode(), "version", "only version 1 is understood");
            } else if (key.equals("entities")) {
                entitiesNode = t.getValueNode();
            }
        }
        MappingNode list = entitiesNode == null ? null : asMap(entitiesNode, "entities");
        if (list == null) {
            error(top, "entities", "missing: the mapping must list its entities");
            return new Mapping(source, entities);
        }
        for (NodeTuple t : list.getValue()) {
            String name = key(t);
            MappingModel.Entity model = MappingModel.ENTITIES.get(name);
            if (model == null) {
                error(t.getKeyNode(), name, "unknown entity (expected one of " + MappingModel.ENTITIES.keySet() + ")");
                continue;
            }
            Mapping.EntityMapping e = entity(model, t.getValueNode());
            if (e != null) {
                entities.put(name, e);
            }
        }
        for (String name : MappingModel.ENTITIES.keySet()) {
            if (!entities.containsKey(name) && problems.stream().noneMatch(p -> name.equals(p.subject()))) {
                error(list, name, "missing: every entity of the model needs a mapping");
            }
        }
        return new Mapping(source, entities);
    }

    private Mapping.EntityMapping entity(MappingModel.Entity model, Node node) {
        MappingNode map = asMap(node, model.name());
        if (map == null) {
            return null;
        }
        String object = null;
        int objectLine = line(node);
        Map<String, Mapping.FieldRef> fields = new LinkedHashMap<>();
        Map<String, Mapping.ValueMap> values = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = key(t);
            switch (key) {
                case "object" -> {
                    object = scalar(t.getValueNode());
                    objectLine = line(t.getValueNode());
                    if (object == null || object.isBlank()) {
                        error(t.getValueNode(), model.name() + ".object", "must name a CRM object");
                    }
                }
                case "fields" -> fields(model, t.getValueNode(), fields);
                case "values" -> values(model, t.getValueNode(), values);
                case "lists" -> lists(model, t.getValueNode(), lists);
                default -> error(t.getKeyNode(), model.name() + "." + key, "unknown key (expected "
                        + ENTITY_KEYS + ")");
            }
        }
        if (object == null) {
            error(node, model.name() + ".object", "missing: which CRM object feeds " + model.name());
        }
        for (MappingModel.Property p : model.properties().values()) {
            if (p.required() && !fields.containsKey(p.name())) {
                error(node, model.name() + "." + p.name(), "missing: this property is required");
            }
        }
        for (Map.Entry<String, Mapping.ValueMap> v : values.entrySet()) {
            if (!fields.containsKey(v.getKey())) {
                error(null, model.name() + "." + v.getKey(), "has a value map but no field");
            }
        }
        return new Mapping.EntityMapping(model.name(), object, objectLine, fields, values, lists);
    }

    private void fields(MappingModel.Entity model, Node node, Map<String, Mapping.FieldRef> out) {
        MappingNode map = asMap(node, model.name() + ".fields");
        if (map == null) {
            return;
        }
        for (NodeTuple t : map.getValue()) {
            String property = key(t);
            String subject = model.name() + "." + property;
            if (!model.properties().containsKey(property)) {
                error(t.getKeyNode(), subject, "unknown property (expected one of " + model.properties().keySet()
                        + ")");
                continue;
            }
            Node value = t.getValueNode();
            if (value instanceof ScalarNode s) {
                out.put(property, new Mapping.FieldRef(s.getValue(), false, null, line(value)));
                continue;
            }
            MappingNode details = asMap(value, subject);
            if (details == null) {
                continue;
            }
            String field = null;
            boolean optional = false;
            Object defaultValue = null;
            for (NodeTuple d : details.getValue()) {
                String key = key(d);
                switch (key) {
                    case "field" -> field = scalar(d.getValueNode());
                    case "optional" -> optional = bool(d.getValueNode(), subject + ".optional");
                    case "default" -> defaultValue = scalar(d.getValueNode());
                    default -> error(d.getKeyNode(), subject + "." + key, "unknown key (expected " + FIELD_KEYS + ")");
                }
            }
            if (field == null || field.isBlank()) {
                error(value, subject, "needs 'field:' naming the CRM field");
                continue;
            }
            out.put(property, new Mapping.FieldRef(field, optional, defaultValue, line(value)));
        }
    }

    private void values(MappingModel.Entity model, Node node, Map<String, Mapping.ValueMap> out) {
        MappingNode map = asMap(node, model.name() + ".values");
        if (map == null) {
            return;
        }
        for (NodeTuple t : map.getValue()) {
            String property = key(t);
            String subject = model.name() + ".values." + property;
            MappingModel.Property p = model.properties().get(property);
            if (p == null || p.meanings().isEmpty()) {
                error(t.getKeyNode(), subject, "this property takes no value map (properties that do: "
                        + model.properties().values().stream().filter(x -> !x.meanings().isEmpty())
                                .map(MappingModel.Property::name).toList() + ")");
                continue;
            }
            MappingNode entries = asMap(t.getValueNode(), subject);
            if (entries == null) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            List<Mapping.PatternMeaning> patterns = new ArrayList<>();
            String fallback = null;
            for (NodeTuple e : entries.getValue()) {
                String crmValue = key(e);
                String meaning = scalar(e.getValueNode());
                if (meaning == null || !p.meanings().contains(meaning)) {
                    error(e.getValueNode(), subject + "." + crmValue, "'" + meaning + "' is not a meaning of "
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
            out.put(property, new Mapping.ValueMap(values, patterns, fallback, line(t.getKeyNode())));
        }
    }

    private void lists(MappingModel.Entity model, Node node, Map<String, List<String>> out) {
        MappingNode map = asMap(node, model.name() + ".lists");
        if (map == null) {
            return;
        }
        for (NodeTuple t : map.getValue()) {
            String name = key(t);
            if (!model.lists().contains(name)) {
                error(t.getKeyNode(), model.name() + ".lists." + name, "unknown list (expected one of "
                        + model.lists().stream().sorted().toList() + ")");
                continue;
            }
            if (!(t.getValueNode() instanceof SequenceNode seq)) {
                error(t.getValueNode(), model.name() + ".lists." + name, "must be a list");
                continue;
            }
            List<String> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                String value = scalar(item);
                if (value == null) {
                    error(item, model.name() + ".lists." + name, "every item must be a single value");
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
            error(item, subject, "'" + value + "' is not a valid regular expression (" + e.getDescription()
                    + " near index " + e.getIndex() + ")");
        }
    }

    /** A key written /regex/: compiled case-insensitive, or reported at its line when it is not valid. */
    private Pattern pattern(Node key, String subject, String slashed) {
        try {
            return Pattern.compile(slashed.substring(1, slashed.length() - 1),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            error(key, subject, "not a valid regular expression: " + e.getDescription());
            return null;
        }
    }

    // ---------------------------------------------------------------- nodes

    private MappingNode asMap(Node node, String subject) {
        if (node instanceof MappingNode m) {
            return m;
        }
        error(node, subject, "must be a map of key: value");
        return null;
    }

    private String key(NodeTuple t) {
        return scalar(t.getKeyNode());
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private boolean bool(Node node, String subject) {
        String v = scalar(node);
        if (!"true".equals(v) && !"false".equals(v)) {
            error(node, subject, "must be true or false, not '" + v + "'");
        }
        return "true".equals(v);
    }

    private static int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private void error(Node node, String subject, String message) {
        problems.add(MappingProblem.error(source, line(node), subject, message));
    }
}
