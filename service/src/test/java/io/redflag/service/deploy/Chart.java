package io.redflag.service.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart at helm/redflag, rendered in-process by the helm library helm-java bundles (no helm binary, no
 * cluster). Values are given as dotted keys ({@code "database.url"}) and handed to helm as a values file, so
 * lists and multi-line contents arrive as they would from an SRE's file.
 */
final class Chart {
    static final Path DIR = Path.of("../helm/redflag");
    static final String RELEASE = "redflag";
    static final String NAMESPACE = "crm";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Chart() {
    }

    static LintResult lint() {
        return new Helm(DIR).lint().strict().call();
    }

    /** {@code helm template} with these values, every document read strictly. */
    static Manifests.Rendered render(Map<String, ?> values) {
        return Manifests.read(template(values));
    }

    /** The raw output of {@code helm template}; throws with helm's message when rendering fails. */
    static String template(Map<String, ?> values) {
        Path file = valuesFile(values);
        try {
            return new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE).withValuesFile(file).call();
        } finally {
            delete(file);
        }
    }

    /** The NOTES an install prints, from a client-only dry run (no cluster). */
    static String notes(Map<String, ?> values) {
        Path file = valuesFile(values);
        try {
            String output = new Helm(DIR).install().withName(RELEASE).withNamespace(NAMESPACE).withValuesFile(file)
                    .clientOnly().dryRun().call().getOutput();
            return output.substring(output.indexOf("NOTES:"));
        } finally {
            delete(file);
        }
    }

    private static Path valuesFile(Map<String, ?> values) {
        try {
            Path file = Files.createTempFile("redflag-values", ".yaml");
            YAML.writeValue(file.toFile(), nested(values));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {"a.b": 1, "a.c": 2} → {a: {b: 1, c: 2}}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> nested(Map<String, ?> dotted) {
        Map<String, Object> root = new LinkedHashMap<>();
        dotted.forEach((key, value) -> {
            String[] path = key.split("\\.");
            Map<String, Object> at = root;
            for (int i = 0; i < path.length - 1; i++) {
                at = (Map<String, Object>) at.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
            }
            at.put(path[path.length - 1], value);
        });
        return root;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
