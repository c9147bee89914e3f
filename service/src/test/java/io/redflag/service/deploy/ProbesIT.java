package io.redflag.service.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The chart's probes ask the running service for paths it serves: each answers 200 with UP to an anonymous
 * GET, and none of them depends on the CRM or the sync (a CRM outage must not restart pods).
 */
@DemoService
class ProbesIT {
    @LocalServerPort
    int port;

    @Test
    void everyProbeOfTheChartGets200AndUpAnonymouslyFromTheService() throws Exception {
        Container container = Chart.render(Map.of()).one(Deployment.class).getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        assertThat(container.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("http", 8080));
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("startup", container.getStartupProbe());
        probes.put("liveness", container.getLivenessProbe());
        probes.put("readiness", container.getReadinessProbe());
        HttpClient http = HttpClient.newHttpClient();
        for (var probe : probes.entrySet()) {
            var get = probe.getValue().getHttpGet();
            assertThat(get.getPort().getStrVal()).as(probe.getKey() + " probe's port").isEqualTo("http");
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + get.getPath())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(probe.getKey() + " probe GET " + get.getPath() + ": " + answer.body())
                    .isEqualTo(200);
            assertThat(answer.body()).as(probe.getKey() + " probe's answer").isEqualTo("{\"status\":\"UP\"}");
        }
    }
}
