package io.redflag.service.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.service.TestAccess;
import io.redflag.service.security.ApiTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One replica on H2 leads by itself, and says so as the chaos harness reads it: health's "leadership" component
 * (details for an authenticated caller only) and the gauge redflag.cluster.leader.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "redflag.salesforce.demo-port=0", "redflag.cluster.replica-id=replica-a"})
class LeadershipHealthIT {
    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode health(String authorization) throws Exception {
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"));
        if (authorization != null) {
            get.header("Authorization", authorization);
        }
        HttpResponse<String> answer = http.send(get.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    @Test
    void theOnlyReplicaLeadsAndHealthAndTheGaugeSaySo() throws Exception {
        String viewer = TestAccess.viewer(tokens);
        await().atMost(Duration.ofSeconds(30)).until(() -> health(viewer).at("/components/leadership/details/leader")
                .asBoolean());
        JsonNode leadership = health(viewer).at("/components/leadership");
        assertThat(leadership.get("status").asString()).isEqualTo("UP");
        JsonNode details = leadership.get("details");
        assertThat(details.propertyNames()).containsExactly("leader", "replica", "leaderSince");
        assertThat(details.get("replica").asString()).isEqualTo("replica-a");
        assertThat(Instant.parse(details.get("leaderSince").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(meters.get("redflag.cluster.leader").tag("replica", "replica-a").gauge().value()).isEqualTo(1.0);

        assertThat(health(null).at("/components/leadership").isMissingNode()).as("details for callers with a role")
                .isTrue();
    }
}
