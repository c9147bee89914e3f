package io.redflag.connector.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a mapping file with SnakeYAML's node API, so that every problem carries its line. Checks the shape
 * against {@link MappingModel}: unknown keys, entities and properties, missing required properties, value
 * maps onto meanings that do not exist. All problems are collected ({@link YamlNodes}) before failing. The
 * top level, entities and fields are read here; value maps by {@link ValueMaps}, named lists by {@link NamedLists}.
 */
public final class MappingLoader {
    // Lists, not sets: they are printed in error messages, which must read the same on every run.
    private static final List<String> TOP = List.of("version", "entities");
    private static final List<String> ENTITY_KEYS = List.of("object", "fields", "values", "lists");
    private static final List<String> FIELD_KEYS = List.of("field", "optional", "default");

    private final YamlNodes nodes;
    private final ValueMaps valueMaps;
    private final NamedLists namedLists;

    private MappingLoader(String source) {
        this.nodes = new YamlNodes(source);
        this.valueMaps = new ValueMaps(nodes);
        this.namedLists = new NamedLists(nodes);
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
        if (!loader.nodes.problems().isEmpty()) {
            throw new MappingException(source, loader.nodes.problems());
        }
        return mapping;
    }

    private Mapping mapping(Node root) {
        Map<String, Mapping.EntityMapping> entities = new LinkedHashMap<>();
        MappingNode top = nodes.asMap(root, "the file");
        if (top == null) {
            return new Mapping(nodes.source(), entities);
        }
        Node entitiesNode = null;
        for (NodeTuple t : top.getValue()) {
            String key = nodes.key(t);
            if (!TOP.contains(key)) {
                nodes.error(t.getKeyNode(), key, "unknown key (expected " + TOP + ")");
            } else if (key.equals("version") && !"1".equals(nodes.scalar(t.getValueNode()))) {
                nodes.error(t.getValueNode(), "version", "only version 1 is understood");
            } else if (key.equals("entities")) {
                entitiesNode = t.getValueNode();
            }
        }
        MappingNode list = entitiesNode == null ? null : nodes.asMap(entitiesNode, "entities");
        if (list == null) {
            nodes.error(top, "entities", "missing: the mapping must list its entities");
            return new Mapping(nodes.source(), entities);
        }
        for (NodeTuple t : list.getValue()) {
            String name = nodes.key(t);
            MappingModel.Entity model = MappingModel.ENTITIES.get(name);
            if (model == null) {
                nodes.error(t.getKeyNode(), name, "unknown entity (expected one of " + MappingModel.ENTITIES.keySet()
                        + ")");
                continue;
            }
            Mapping.EntityMapping e = entity(model, t.getValueNode());
            if (e != null) {
                entities.put(name, e);
            }
        }
        for (String name : MappingModel.ENTITIES.keySet()) {
            if (!entities.containsKey(name) && nodes.problems().stream().noneMatch(p -> name.equals(p.subject()))) {
                nodes.error(list, name, "missing: every entity of the model needs a mapping");
            }
        }
        return new Mapping(nodes.source(), entities);
    }

    private Mapping.EntityMapping entity(MappingModel.Entity model, Node node) {
        MappingNode map = nodes.asMap(node, model.name());
        if (map == null) {
            return null;
        }
        String object = null;
        int objectLine = nodes.line(node);
        Map<String, Mapping.FieldRef> fields = new LinkedHashMap<>();
        Map<String, Mapping.ValueMap> values = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = nodes.key(t);
            switch (key) {
                case "object" -> {
                    object = nodes.scalar(t.getValueNode());
                    objectLine = nodes.line(t.getValueNode());
                    if (object == null || object.isBlank()) {
                        nodes.error(t.getValueNode(), model.name() + ".object", "must name a CRM object");
                    }
                }
                case "fields" -> fields(model, t.getValueNode(), fields);
                case "values" -> valueMaps.read(model, t.getValueNode(), values);
                case "lists" -> namedLists.read(model, t.getValueNode(), lists);
                default -> nodes.error(t.getKeyNode(), model.name() + "." + key, "unknown key (expected "
                        + ENTITY_KEYS + ")");
            }
        }
        if (object == null) {
            nodes.error(node, model.name() + ".object", "missing: which CRM object feeds " + model.name());
        }
        for (MappingModel.Property p : model.properties().values()) {
            if (p.required() && !fields.containsKey(p.name())) {
                nodes.error(node, model.name() + "." + p.name(), "missing: this property is required");
            }
        }
        for (Map.Entry<String, Mapping.ValueMap> v : values.entrySet()) {
            if (!fields.containsKey(v.getKey())) {
                nodes.error(null, model.name() + "." + v.getKey(), "has a value map but no field");
            }
        }
        return new Mapping.EntityMapping(model.name(), object, objectLine, fields, values, lists);
    }

    private void fields(MappingModel.Entity model, Node node, Map<String, Mapping.FieldRef> out) {
        MappingNode map = nodes.asMap(node, model.name() + ".fields");
        if (map == null) {
            return;
        }
        for (NodeTuple t : map.getValue()) {
            String property = nodes.key(t);
            String subject = model.name() + "." + property;
            if (!model.properties().containsKey(property)) {
                nodes.error(t.getKeyNode(), subject, "unknown property (expected one of " + model.properties().keySet()
                        + ")");
                continue;
            }
            Node value = t.getValueNode();
            if (value instanceof ScalarNode s) {
                out.put(property, new Mapping.FieldRef(s.getValue(), false, null, nodes.line(value)));
                continue;
            }
            MappingNode details = nodes.asMap(value, subject);
            if (details == null) {
                continue;
            }
            String field = null;
            boolean optional = false;
            Object defaultValue = null;
            for (NodeTuple d : details.getValue()) {
                String key = nodes.key(d);
                switch (key) {
                    case "field" -> field = nodes.scalar(d.getValueNode());
                    case "optional" -> optional = nodes.bool(d.getValueNode(), subject + ".optional");
                    case "default" -> defaultValue = nodes.scalar(d.getValueNode());
                    default -> nodes.error(d.getKeyNode(), subject + "." + key, "unknown key (expected " + FIELD_KEYS
                            + ")");
                }
            }
            if (field == null || field.isBlank()) {
                nodes.error(value, subject, "needs 'field:' naming the CRM field");
                continue;
            }
            out.put(property, new Mapping.FieldRef(field, optional, defaultValue, nodes.line(value)));
        }
    }
}
