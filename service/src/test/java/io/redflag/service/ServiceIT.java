package io.redflag.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.service.security.ApiTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service starts with no set-up against the embedded demo org and reports the CRM as UP to a logged-in
 * user (probes see the status alone); no secret reaches the log or any actuator endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.salesforce.demo-port=0", "redflag.security.oidc.client-secret=" + ServiceIT.OIDC_SECRET})
@ExtendWith(OutputCaptureExtension.class)
class ServiceIT {
    static final String OIDC_SECRET = "oidc-secret-of-ServiceIT";
    private static final String DEMO_CLIENT_SECRET = "redflag-demo-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthShowsTheCrmUpWithItsApiUsageToAViewerAndOnlyTheStatusToAProbe() throws Exception {
        HttpResponse<String> r = get("/actuator/health", TestAccess.viewer(tokens));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"crm\"").contains("\"status\":\"UP\"").contains("apiRequests");

        HttpResponse<String> probe = get("/actuator/health", null);
        assertThat(probe.statusCode()).as(probe.body()).isEqualTo(200);
        assertThat(JSON.readTree(probe.body())).isEqualTo(JSON.readTree(
                "{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}"));
    }

    @Test
    void noSecretReachesTheLogOrAnyActuatorEndpoint(CapturedOutput output) throws Exception {
        String admin = TestAccess.admin(tokens);
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/admin/tokens")).header("Authorization", admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"exporter\",\"role\":\"viewer\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String token = JSON.readTree(created.body()).path("token").asString();
        assertThat(get("/api/accounts", "Bearer " + token).statusCode()).isEqualTo(200);
        List<String> secrets = List.of(OIDC_SECRET, DEMO_CLIENT_SECRET, token, admin.substring("Bearer ".length()));

        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : actuatorPaths(admin)) {
            HttpResponse<String> r = get(path, admin);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            answers.put(path, r.body());
        }
        assertThat(answers).as("every actuator endpoint").containsKeys("/actuator/health", "/actuator/info",
                "/actuator/sync", "/actuator/metrics/http.server.requests");
        answers.forEach((path, body) -> assertThat(body).as(path).doesNotContain(secrets));
        assertThat(output.getAll()).contains("embedded demo org").doesNotContain(secrets);
    }

    /** Every link /actuator lists, and every metric by name (templated links are covered by their lists). */
    private List<String> actuatorPaths(String admin) throws Exception {
        List<String> paths = new ArrayList<>();
        JsonNode links = JSON.readTree(get("/actuator", admin).body()).path("_links");
        for (JsonNode link : links) {
            if (!link.path("templated").asBoolean(false)) {
                paths.add(URI.create(link.path("href").asString()).getPath());
            }
        }
        for (JsonNode name : JSON.readTree(get("/actuator/metrics", admin).body()).path("names")) {
            paths.add("/actuator/metrics/" + name.asString());
        }
        return paths;
    }
}
