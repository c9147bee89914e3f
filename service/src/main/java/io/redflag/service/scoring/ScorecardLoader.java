package io.redflag.service.scoring;

import io.redflag.connector.mapping.Mapping;
import io.redflag.domain.scoring.OutcomeSettings;
import io.redflag.domain.scoring.ScorecardConfig;
import io.redflag.domain.scoring.ScorecardConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.redflag.service.startup.StartupProblems;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the scorecard configuration: the shipped defaults, with the admin's file (if any) laid over them
 * key by key, so a file may set only what it changes. Unknown keys and bad values stop start-up with the
 * file and the key named. The mapping's title and loss-reason lists, when given, are the admin's word on
 * what the CRM's values mean and take their place in the scorecard.
 */
public final class ScorecardLoader {
    static final String SHIPPED = "scorecard/default.yaml";
    private static final String OUTCOMES = "outcomes";
    private static final String ACTION = "Correct the keys named above in the scorecard file"
            + " (redflag.scoring.scorecard-file); the shipped scorecard/default.yaml shows every key with its comment.";
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // 2.5 tasks a week is a mistake to name, not a 2 to guess.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT).build();

    private ScorecardLoader() {
    }

    public static ScorecardConfig load(Path file, Mapping mapping) {
        return build(tree(file), source(file), mapping);
    }

    /**
     * A scorecard an admin pasted or uploaded (the dashboard's editor), laid over the shipped defaults as a file
     * is. Problems are thrown as {@link StartupProblems}, each naming its key or line, as a file's are.
     */
    static ScorecardConfig parse(String yaml, String source, Mapping mapping) {
        return build(tree(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                source), source, mapping);
    }

    private static ScorecardConfig build(ObjectNode tree, String source, Mapping mapping) {
        tree.remove(OUTCOMES); // the backtest's: see outcomes()
        overlay(tree, "executiveTitles", mapping.entities().get("contact").lists().get("executiveTitles"));
        overlay(tree, "keyContactTitles", mapping.entities().get("contact").lists().get("keyContactTitles"));
        overlay(tree, "competitiveLossReasons", mapping.entities().get("opportunity").lists()
                .get("competitiveLossReasons"));
        try {
            return YAML.treeToValue(tree, ScorecardConfig.class).validate();
        } catch (ScorecardConfigException e) {
            throw new StartupProblems("the scorecard " + source, e.problems().stream().map(p -> p.toString())
                    .toList(), ACTION, e);
        } catch (JacksonException e) {
            throw new StartupProblems("the scorecard " + source, List.of(keyPath(e) + ": " + plain(e)), ACTION, e);
        }
    }

    /** The outcomes the backtest judges the scorecard by: the file's {@code outcomes} over the shipped ones. */
    public static OutcomeSettings outcomes(Path file) {
        String source = source(file);
        try {
            return YAML.treeToValue(tree(file).get(OUTCOMES), OutcomeSettings.class).validate();
        } catch (ScorecardConfigException e) {
            throw new StartupProblems("the scorecard " + source, e.problems().stream().map(p -> p.toString())
                    .toList(), ACTION, e);
        } catch (JacksonException e) {
            throw new StartupProblems("the scorecard " + source, List.of(OUTCOMES + "." + keyPath(e) + ": "
                    + plain(e)), ACTION, e);
        }
    }

    private static String source(Path file) {
        return file == null ? "classpath:" + SHIPPED : file.toString();
    }

    /** The shipped scorecard with the admin's file (null: none) laid over it, checked against its shape. */
    private static ObjectNode tree(Path file) {
        if (file == null) {
            return (ObjectNode) read(shipped(), "classpath:" + SHIPPED);
        }
        if (!Files.isRegularFile(file)) {
            throw new StartupProblems("the scorecard settings", List.of("redflag.scoring.scorecard-file"
                    + " (REDFLAG_SCORING_SCORECARD_FILE) = " + file + " is not a readable file"), ACTION);
        }
        try {
            return tree(Files.newInputStream(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped scorecard with an admin's scorecard laid over it, checked against its shape. */
    private static ObjectNode tree(InputStream admin, String source) {
        ObjectNode tree = (ObjectNode) read(shipped(), "classpath:" + SHIPPED);
        JsonNode laid = read(admin, source);
        if (!(laid instanceof ObjectNode)) {
            throw new StartupProblems("the scorecard " + source, List.of("not a YAML mapping of keys"), ACTION);
        }
        List<String> problems = ScorecardShape.problems(tree, laid);
        if (!problems.isEmpty()) {
            throw new StartupProblems("the scorecard " + source, problems, ACTION);
        }
        merge(tree, (ObjectNode) laid);
        return tree;
    }

    /** Where in the scorecard a binding error is, as keys (rules.activityWindowDays, weights.COMPLAINTS). */
    private static String keyPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the scorecard" : path.toString();
    }

    /** The binding's message without Java type names ("`int`", "java.lang.String", "ScorecardConfig$Rules"). */
    private static String plain(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "cannot be read" : e.getOriginalMessage();
        return message.replaceAll("`(?:[a-z]+\\.)+([A-Z][A-Za-z]*\\$)*([A-Za-z]+)`", "$2")
                .replaceAll("`(int|long|double|boolean)`", "$1").replaceAll("\\s*\\(through reference chain.*", "");
    }

    private static InputStream shipped() {
        InputStream in = ScorecardLoader.class.getClassLoader().getResourceAsStream(SHIPPED);
        if (in == null) {
            throw new IllegalStateException("the service was built without " + SHIPPED);
        }
        return in;
    }

    private static JsonNode read(InputStream in, String source) {
        try (in) {
            return YAML.readTree(in);
        } catch (JacksonException e) {
            throw new StartupProblems("the scorecard " + source, List.of("not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")), ACTION, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lays {@code admin} over {@code base}: objects merge key by key, anything else replaces. */
    private static void merge(ObjectNode base, ObjectNode admin) {
        for (var entry : admin.properties()) {
            JsonNode existing = base.get(entry.getKey());
            if (existing instanceof ObjectNode e && entry.getValue() instanceof ObjectNode a) {
                merge(e, a);
            } else {
                base.set(entry.getKey(), entry.getValue());
            }
        }
    }

    private static void overlay(ObjectNode tree, String key, List<String> values) {
        if (values != null && !values.isEmpty()) {
            tree.set(key, YAML.valueToTree(values));
        }
    }
}
