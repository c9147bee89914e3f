package io.redflag.service.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import com.marcnuri.helm.LintResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart lints, and every way of installing it renders only valid Kubernetes objects whose pods run locked
 * down. helm runs in-process (helm-java); nothing reaches a cluster.
 */
class ChartTest {
    private static final long UID = 10001;

    static Stream<Variant> variants() {
        return Variant.all().stream();
    }

    @Test
    void lintFindsNothingToWarnAbout() {
        LintResult lint = Chart.lint();
        assertThat(lint.isFailed()).as(lint.getMessages().toString()).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyVariantRendersExactlyItsKindsAsStrictlyValidObjects(Variant variant) {
        Manifests.Rendered rendered = Chart.render(variant.values());
        assertThat(rendered.kinds()).isEqualTo(variant.kinds());
        assertThat(rendered.objects()).allSatisfy(o -> assertThat(o.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/name", "redflag")
                .containsEntry("app.kubernetes.io/instance", Chart.RELEASE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyPodAndContainerRunsAsAFixedNonRootUserWithAReadOnlyRootAndNoPrivileges(Variant variant) {
        Deployment deployment = Chart.render(variant.values()).one(Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        PodSecurityContext podContext = pod.getSecurityContext();
        assertThat(podContext.getRunAsNonRoot()).isTrue();
        assertThat(podContext.getRunAsUser()).isEqualTo(UID);
        assertThat(podContext.getRunAsGroup()).isEqualTo(UID);
        assertThat(podContext.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        List<Container> containers = Stream.concat(pod.getContainers().stream(),
                pod.getInitContainers().stream()).toList();
        assertThat(containers).isNotEmpty().allSatisfy(container -> {
            SecurityContext c = container.getSecurityContext();
            assertThat(c.getRunAsNonRoot()).isTrue();
            assertThat(c.getRunAsUser()).isEqualTo(UID);
            assertThat(c.getReadOnlyRootFilesystem()).isTrue();
            assertThat(c.getAllowPrivilegeEscalation()).isFalse();
            assertThat(c.getPrivileged()).isFalse();
            assertThat(c.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(c.getCapabilities().getAdd()).isEmpty();
            assertThat(c.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            // The only writable places: /tmp, and the embedded store's volume.
            assertThat(container.getVolumeMounts()).filteredOn(m -> !Boolean.TRUE.equals(m.getReadOnly()))
                    .allSatisfy(m -> assertThat(m.getMountPath()).isIn("/tmp", "/app/data"))
                    .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        });
        assertThat(volume(pod, "tmp").getEmptyDir()).isNotNull();
    }

    @Test
    void strictReadingRejectsAFieldAtTheWrongPlace() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: wrong
                spec:
                  template:
                    spec:
                      containers:
                        - name: redflag
                          readinessProbes: {}
                """;
        assertThatThrownBy(() -> Manifests.read(deployment)).hasMessageContaining("readinessProbes")
                .hasMessageContaining("not a valid apps/v1/Deployment");
    }

    @Test
    void strictReadingRejectsAnUnknownKindAndAWronglyTypedScalar() {
        assertThatThrownBy(() -> Manifests.read("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"))
                .hasMessageContaining("no model for v1/Pod");
        assertThatThrownBy(() -> Manifests.read("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: s}\n"
                + "automountServiceAccountToken: \"false\"\n")).hasMessageContaining("automountServiceAccountToken");
    }

    static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name + " in " + pod.getVolumes()));
    }

    static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
