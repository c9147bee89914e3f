package io.redflag.service.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads rendered manifests as typed Kubernetes objects, strictly: an unknown kind, an unknown field anywhere
 * (a typo, a field at the wrong level), a duplicate key or a scalar of the wrong type fails, naming where.
 * fabric8's models keep unknown fields in an "additionalProperties" map; here that catch-all is switched off.
 */
final class Manifests {
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class);

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule("strict-kubernetes").setDeserializerModifier(new NoCatchAll()))
            .build();

    /** Removes the any-setter, so an unknown field fails instead of landing in additionalProperties. */
    private static final class NoCatchAll extends ValueDeserializerModifier {
        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription.Supplier bean,
                BeanDeserializerBuilder builder) {
            builder.setAnySetter(null);
            return builder;
        }
    }

    /** The objects of one rendering, and its text. */
    record Rendered(String text, List<HasMetadata> objects) {
        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        /** The only object of this type; fails when there is none or more than one. */
        <T extends HasMetadata> T one(Class<T> type) {
            List<T> found = all(type);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + type.getSimpleName() + ", rendered " + found.size());
            }
            return found.get(0);
        }

        Set<String> kinds() {
            return new TreeSet<>(objects.stream().map(HasMetadata::getKind).toList());
        }
    }

    private Manifests() {
    }

    /** Every YAML document of {@code text} as its typed object; empty documents are skipped. */
    static Rendered read(String text) {
        List<HasMetadata> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text)) {
            int index = 0;
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                index++;
                if (document == null || document.isNull() || document.isMissingNode() || document.isEmpty()) {
                    continue;
                }
                objects.add(typed(document, index));
            }
        }
        return new Rendered(text, List.copyOf(objects));
    }

    private static HasMetadata typed(JsonNode document, int index) {
        String type = document.path("apiVersion").asString() + "/" + document.path("kind").asString();
        Class<? extends HasMetadata> model = KINDS.get(type);
        if (model == null) {
            throw new IllegalArgumentException("document " + index + ": no model for " + type + " (known: "
                    + new TreeSet<>(KINDS.keySet()) + ")");
        }
        try {
            return YAML.treeToValue(document, model);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("document " + index + " (" + type + " "
                    + document.path("metadata").path("name").asString() + ") is not a valid " + type + ": "
                    + e.getMessage(), e);
        }
    }
}
