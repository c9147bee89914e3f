package io.redflag.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service starts with no set-up against the embedded demo org and reports the CRM as UP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "redflag.salesforce.demo-port=0")
@ExtendWith(OutputCaptureExtension.class)
class ServiceIT {

    @LocalServerPort
    int port;

    @Test
    void healthShowsTheCrmUpWithItsApiUsageAndTheLogsCarryNoSecret(CapturedOutput output) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"crm\"").contains("\"status\":\"UP\"").contains("apiRequests");
        assertThat(r.body()).doesNotContain("redflag-demo-secret");
        assertThat(output.getAll()).contains("embedded demo org").doesNotContain("redflag-demo-secret");
    }
}
