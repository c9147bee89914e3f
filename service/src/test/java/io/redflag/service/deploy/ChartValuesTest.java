package io.redflag.service.deploy;

import static io.redflag.service.deploy.ChartTest.values;
import static io.redflag.service.deploy.ChartTest.volume;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What particular values do to the rendered objects. */
class ChartValuesTest {
    private static final Map<String, String> SECRETS = Map.of("salesforce.clientSecret", "sf-secret-4711",
            "salesforce.jwtKey", "-----BEGIN PRIVATE KEY-----\nMIIEvQ-not-a-real-key\n-----END PRIVATE KEY-----\n",
            "database.password", "pg-password-4711", "outboundMessages.token", "om-token-0123456789abcdef",
            "security.oidc.clientSecret", "oidc-secret-4711");

    private static Deployment deployment(Map<String, ?> values) {
        return Chart.render(values).one(Deployment.class);
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Map<String, EnvVar> env(Deployment deployment) {
        return container(deployment).getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e,
                (a, b) -> { throw new AssertionError("twice: " + a.getName()); }, LinkedHashMap::new));
    }

    @Test
    void withAnExistingSecretNoSecretIsRenderedAndNoSecretValueAppearsAnywhere() {
        Map<String, Object> values = new LinkedHashMap<>(SECRETS);
        values.putAll(values("existingSecret", "redflag-credentials", "database.url", Variant.DATABASE,
                "outboundMessages.enabled", true, "security.oidc.clientId", "redflag-web"));
        Manifests.Rendered rendered = Chart.render(values);
        assertThat(rendered.all(Secret.class)).isEmpty();
        SECRETS.values().forEach(secret -> assertThat(rendered.text()).doesNotContain(secret)
                .doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))));
        Map<String, String> fromSecret = env(rendered.one(Deployment.class)).values().stream()
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null).collect(Collectors.toMap(EnvVar::getName,
                        e -> e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef()
                                .getKey()));
        assertThat(fromSecret).isEqualTo(Map.of(
                "SALESFORCE_CLIENT_SECRET", "redflag-credentials/salesforce-client-secret",
                "SPRING_DATASOURCE_PASSWORD", "redflag-credentials/database-password",
                "REDFLAG_OUTBOUND_MESSAGES_TOKEN", "redflag-credentials/outbound-messages-token",
                "REDFLAG_SECURITY_OIDC_CLIENT_SECRET", "redflag-credentials/oidc-client-secret"));
    }

    @Test
    void theChartsOwnSecretHoldsOnlyTheValuesSetAndTheContainerReadsThemFromIt() {
        Manifests.Rendered rendered = Chart.render(values("salesforce.clientSecret", "sf-secret-4711",
                "database.url", Variant.DATABASE, "database.password", "pg-password-4711"));
        Secret secret = rendered.one(Secret.class);
        assertThat(secret.getData()).isEqualTo(Map.of(
                "salesforce-client-secret", base64("sf-secret-4711"), "database-password", base64("pg-password-4711")));
        Map<String, EnvVar> env = env(rendered.one(Deployment.class));
        assertThat(env.get("SALESFORCE_CLIENT_SECRET").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo(secret.getMetadata().getName());
        assertThat(env).doesNotContainKeys("REDFLAG_OUTBOUND_MESSAGES_TOKEN", "REDFLAG_SECURITY_OIDC_CLIENT_SECRET",
                "SALESFORCE_JWT_KEY_FILE", "REDFLAG_DEMO");
        assertThat(env.get("SALESFORCE_LOGIN_URL").getValue()).isEqualTo("https://login.salesforce.com");
    }

    @Test
    void theJwtBearerFlowReadsItsKeyFromAFileMountedFromTheSecret() {
        Deployment deployment = deployment(values("salesforce.username", "redflag@example.com",
                "salesforce.jwtKey", SECRETS.get("salesforce.jwtKey")));
        Map<String, EnvVar> env = env(deployment);
        assertThat(env).doesNotContainKey("SALESFORCE_CLIENT_SECRET");
        assertThat(env.get("SALESFORCE_USERNAME").getValue()).isEqualTo("redflag@example.com");
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        var key = volume(pod, "salesforce-jwt-key").getSecret();
        var mount = container(deployment).getVolumeMounts().stream()
                .filter(m -> m.getName().equals("salesforce-jwt-key")).findFirst().orElseThrow();
        assertThat(key.getItems()).singleElement().satisfies(item -> {
            assertThat(item.getKey()).isEqualTo("salesforce-jwt-key");
            assertThat(env.get("SALESFORCE_JWT_KEY_FILE").getValue()).isEqualTo(mount.getMountPath() + "/"
                    + item.getPath());
        });
        assertThat(mount.getReadOnly()).isTrue();
    }

    @Test
    void thePodTemplatesChecksumChangesWithTheMappingOrTheScorecardAndOnlyThen() throws Exception {
        String shipped = Files.readString(Path.of("../mappings/salesforce.yaml"));
        String before = checksum(Map.of());
        assertThat(checksum(Map.of())).isEqualTo(before);
        assertThat(checksum(Map.of("mapping.content", shipped))).as("the shipped content, given explicitly")
                .isEqualTo(before);
        String edited = shipped.replace("keyTiers: [Strategic, Key]", "keyTiers: [Strategic, Key, Gold]");
        assertThat(edited).isNotEqualTo(shipped);
        assertThat(checksum(Map.of("mapping.content", edited))).isNotEqualTo(before);
        assertThat(checksum(Map.of("scorecard.content", "version: custom-1\n"))).isNotEqualTo(before);
        ConfigMap config = Chart.render(Map.of("mapping.content", edited)).one(ConfigMap.class);
        assertThat(config.getData().get("mapping.yaml")).isEqualTo(edited);
    }

    private static String checksum(Map<String, ?> values) {
        return deployment(values).getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
    }

    @Test
    void theConfigMapShipsTheRepositorysDefaultMappingAndScorecard() throws Exception {
        String mapping = Files.readString(Path.of("../mappings/salesforce.yaml"));
        String scorecard = Files.readString(Path.of("src/main/resources/scorecard/default.yaml"));
        assertThat(Chart.DIR.resolve("files/mapping.yaml")).as("the chart's copy of mappings/salesforce.yaml")
                .hasContent(mapping);
        assertThat(Chart.DIR.resolve("files/scorecard.yaml")).as("the chart's copy of scorecard/default.yaml")
                .hasContent(scorecard);
        ConfigMap config = Chart.render(Map.of()).one(ConfigMap.class);
        assertThat(config.getData()).isEqualTo(Map.of("mapping.yaml", mapping, "scorecard.yaml", scorecard));
        Map<String, EnvVar> env = env(deployment(Map.of()));
        assertThat(env.get("REDFLAG_MAPPING_FILE").getValue()).isEqualTo("/etc/redflag/config/mapping.yaml");
        assertThat(env.get("REDFLAG_SCORING_SCORECARD_FILE").getValue())
                .isEqualTo("/etc/redflag/config/scorecard.yaml");
    }

    @Test
    void moreThanOneReplicaWithoutADatabaseFailsSayingWhatIsNeeded() {
        assertThatThrownBy(() -> Chart.template(Map.of("replicaCount", 2)))
                .hasMessageContaining("replicaCount 2 needs an external database: set database.url (PostgreSQL)");
        Deployment two = deployment(values("replicaCount", 2, "database.url", Variant.DATABASE));
        assertThat(two.getSpec().getReplicas()).isEqualTo(2);
        assertThat(two.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(two.getSpec().getTemplate().getSpec().getVolumes()).extracting(v -> v.getName())
                .containsExactly("tmp", "config");
        assertThat(env(two).get("SPRING_DATASOURCE_URL").getValue()).isEqualTo(Variant.DATABASE);
    }

    @Test
    void eachPodIsAReplicaNamedByItsPodAndHasTimeForBothShutdownStepsAfterSigterm() {
        Deployment pods = deployment(values("replicaCount", 2, "database.url", Variant.DATABASE));
        Map<String, EnvVar> env = env(pods);
        assertThat(env.get("REDFLAG_CLUSTER_REPLICA_ID").getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.name");
        String phase = env.get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE").getValue();
        assertThat(phase).isEqualTo("20s");
        long grace = pods.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertThat(grace).isGreaterThanOrEqualTo(2 * java.time.Duration.parse("PT" + phase).toSeconds() + 5);

        Deployment longer = deployment(values("shutdownPhaseSeconds", 40, "terminationGracePeriodSeconds", 85));
        assertThat(env(longer).get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE").getValue()).isEqualTo("40s");
        assertThatThrownBy(() -> Chart.template(values("shutdownPhaseSeconds", 40))).hasMessageContaining(
                "terminationGracePeriodSeconds 45 is shorter than a graceful shutdown may take: set it to at least"
                        + " 2 × shutdownPhaseSeconds + 5 = 85");
    }

    @Test
    void theEmbeddedStoreLivesOnAnEmptyDirOrAClaimAndOnePodOwnsIt() {
        Deployment plain = deployment(Map.of());
        assertThat(env(plain).get("SPRING_DATASOURCE_URL").getValue())
                .isEqualTo("jdbc:h2:file:/app/data/redflag;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(volume(plain.getSpec().getTemplate().getSpec(), "data").getEmptyDir()).isNotNull();
        assertThat(plain.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        Deployment kept = deployment(Map.of("persistence.enabled", true));
        assertThat(volume(kept.getSpec().getTemplate().getSpec(), "data").getPersistentVolumeClaim().getClaimName())
                .isEqualTo("redflag-data");
        Deployment existing = deployment(values("persistence.enabled", true, "persistence.existingClaim", "mine"));
        assertThat(volume(existing.getSpec().getTemplate().getSpec(), "data").getPersistentVolumeClaim()
                .getClaimName()).isEqualTo("mine");
    }

    @Test
    void theServiceMonitorScrapesThePrometheusEndpointWithTheViewerTokenFromItsSecret() {
        ServiceMonitor monitor = Chart.render(values("metrics.serviceMonitor.enabled", true,
                "metrics.serviceMonitor.tokenSecret.name", "redflag-metrics-token")).one(ServiceMonitor.class);
        Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
        assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
        assertThat(endpoint.getPort()).isEqualTo("http");
        assertThat(endpoint.getAuthorization().getType()).isEqualTo("Bearer");
        assertThat(endpoint.getAuthorization().getCredentials().getName()).isEqualTo("redflag-metrics-token");
        assertThat(endpoint.getAuthorization().getCredentials().getKey()).isEqualTo("token");
        assertThat(monitor.getSpec().getSelector().getMatchLabels())
                .isEqualTo(Map.of("app.kubernetes.io/name", "redflag", "app.kubernetes.io/instance", Chart.RELEASE));
        assertThatThrownBy(() -> Chart.template(Map.of("metrics.serviceMonitor.enabled", true)))
                .hasMessageContaining("metrics.serviceMonitor.enabled needs metrics.serviceMonitor.tokenSecret.name");
    }

    @Test
    void theDashboardConfigMapCarriesTheSidecarsLabelAndTheShippedDashboard() throws Exception {
        List<ConfigMap> maps = Chart.render(Map.of("dashboards.enabled", true)).all(ConfigMap.class);
        ConfigMap dashboard = maps.stream().filter(m -> m.getMetadata().getName().equals("redflag-dashboard"))
                .findFirst().orElseThrow();
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboard.getData()).isEqualTo(Map.of("redflag.json",
                Files.readString(Chart.DIR.resolve("dashboards/redflag.json"))));
    }

    @Test
    void badValuesStopRenderingNamingTheValue() {
        assertThatThrownBy(() -> Chart.template(Map.of("store.onOrgChange", "wipe")))
                .hasMessageContaining("onOrgChange");
        assertThatThrownBy(() -> Chart.template(Map.of("database.url", "postgres://db/redflag")))
                .hasMessageContaining("database").hasMessageContaining("url");
        assertThatThrownBy(() -> Chart.template(Map.of("replicas", 2))).hasMessageContaining("replicas");
        assertThatThrownBy(() -> Chart.template(Map.of("extraEnv", List.of(Map.of("name", "REDFLAG_DEMO",
                "value", "true"))))).hasMessageContaining("REDFLAG_DEMO is not for a deployment");
        assertThatThrownBy(() -> Chart.template(values("outboundMessages.enabled", true, "outboundMessages.token",
                "short"))).hasMessageContaining("outboundMessages.token of 16 characters or more");
    }

    @Test
    void theInstallNotesWarnOfAMissingClientIdOrCredentialsAndOfTheEmbeddedStore() {
        assertThat(Chart.notes(Map.of())).contains("WARNING: salesforce.clientId is empty")
                .contains("WARNING: neither salesforce.clientSecret").contains("embedded H2 database on an emptyDir");
        String configured = Chart.notes(values("salesforce.clientId", "3MVG9-consumer-key",
                "existingSecret", "redflag-credentials", "database.url", Variant.DATABASE));
        assertThat(configured).doesNotContain("WARNING").doesNotContain("H2")
                .contains("kubectl -n crm port-forward svc/redflag 8080:8080");
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
