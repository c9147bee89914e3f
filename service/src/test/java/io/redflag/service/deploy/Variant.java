package io.redflag.service.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A way an SRE installs the chart: its values, and the kinds of object it must render. */
record Variant(String name, Map<String, Object> values, Set<String> kinds) {
    static final String DATABASE = "jdbc:postgresql://postgres.crm.svc:5432/redflag";
    private static final Set<String> ALWAYS = Set.of("ConfigMap", "Deployment", "PodDisruptionBudget", "Secret",
            "Service", "ServiceAccount");

    @Override
    public String toString() {
        return name;
    }

    /** Each optional part on its own, then all of them together (but persistence, which needs no database). */
    static List<Variant> all() {
        List<Variant> parts = parts();
        Map<String, Object> everything = new LinkedHashMap<>();
        parts.stream().filter(v -> !v.name.equals("persistence")).forEach(v -> everything.putAll(v.values));
        List<Variant> all = new ArrayList<>(parts);
        all.add(new Variant("everything", everything,
                without("Secret", "Ingress", "ServiceMonitor", "NetworkPolicy")));
        return all;
    }

    private static List<Variant> parts() {
        return List.of(
                new Variant("defaults", Map.of(), ALWAYS),
                new Variant("ingress", Map.of("ingress.enabled", true, "ingress.className", "nginx",
                        "ingress.tls", List.of(Map.of("secretName", "redflag-tls",
                                "hosts", List.of("redflag.example.com")))), plus("Ingress")),
                new Variant("serviceMonitor", Map.of("metrics.serviceMonitor.enabled", true,
                        "metrics.serviceMonitor.tokenSecret.name", "redflag-metrics-token",
                        "metrics.serviceMonitor.labels", Map.of("release", "kube-prometheus-stack")),
                        plus("ServiceMonitor")),
                new Variant("networkPolicy", Map.of("networkPolicy.enabled", true, "networkPolicy.ingressFrom",
                        List.of(Map.of("namespaceSelector", Map.of("matchLabels",
                                Map.of("kubernetes.io/metadata.name", "ingress-nginx"))))), plus("NetworkPolicy")),
                new Variant("existingSecret", Map.of("existingSecret", "redflag-credentials",
                        "salesforce.clientId", "3MVG9-consumer-key", "salesforce.username", "redflag@example.com",
                        "outboundMessages.enabled", true, "security.oidc.clientId", "redflag-web",
                        "database.url", DATABASE), without("Secret")),
                new Variant("persistence", Map.of("persistence.enabled", true), plus("PersistentVolumeClaim")),
                new Variant("dashboards", Map.of("dashboards.enabled", true), ALWAYS),
                new Variant("replicaCount 2 with a database", Map.of("replicaCount", 2, "database.url", DATABASE,
                        "database.password", "pg-password", "podDisruptionBudget.minAvailable", 1), ALWAYS));
    }

    private static Set<String> plus(String... kinds) {
        Set<String> set = new TreeSet<>(ALWAYS);
        set.addAll(List.of(kinds));
        return set;
    }

    /** ALWAYS without the first kind, with the others. */
    private static Set<String> without(String kind, String... others) {
        Set<String> set = plus(others);
        set.remove(kind);
        return set;
    }
}
