package io.redflag.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.redflag.service.security.ApiTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad requests as an anonymous client on the internet might send them: each is answered 4xx with a problem
 * detail, logged on one line that never echoes the body, and a body over the limit is refused unread, whether
 * its length is declared or it comes in chunks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.salesforce.demo-port=0", "redflag.sync.auto-startup=false"})
@ExtendWith(OutputCaptureExtension.class)
class BadRequestsIT {
    private static final String MARKER = "BODY-MARKER-";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(Requests.authorized(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)), tokens)
                .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnknownSyncActionIsA400ProblemLoggedOnOneLine(CapturedOutput output) throws Exception {
        HttpResponse<String> r = post("/actuator/sync",
                HttpRequest.BodyPublishers.ofString("{\"action\":\"explode-" + MARKER + "\"}"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("\"status\":400", "The action must be pause or resume.",
                "\"instance\":\"/actuator/sync\"");
        assertThat(output.getAll()).contains("Refused a request to /actuator/sync: 400")
                .doesNotContain("\tat ").doesNotContain("Exception:");
    }

    @Test
    void aBodyOverTheLimitWithItsLengthDeclaredIsRefusedUnreadAndNeverLogged(CapturedOutput output)
            throws Exception {
        byte[] body = big(30 * 1024 * 1024);
        HttpResponse<String> r = post("/actuator/sync", HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("\"status\":413", "larger than 262144 bytes");
        assertThat(output.getAll()).containsOnlyOnce("Refused POST /actuator/sync: a body of 31457280 bytes")
                .doesNotContain(MARKER);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAndNeverLogged(CapturedOutput output) throws Exception {
        byte[] body = big(2 * 1024 * 1024);
        HttpResponse<String> r = post("/actuator/sync",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("the request body passed the limit of 262144 bytes");
        assertThat(output.getAll()).doesNotContain(MARKER).doesNotContain("\tat ");
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        HttpResponse<String> r = http.send(Requests.authorized(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/no-such-thing")), tokens).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("\"status\":404");
    }

    /** A well-formed JSON body of about n bytes (one long action), its text repeating the marker. */
    private static byte[] big(int n) {
        String head = "{\"action\":\"";
        byte[] out = new byte[n];
        byte[] marker = MARKER.getBytes();
        System.arraycopy(head.getBytes(), 0, out, 0, head.length());
        for (int i = head.length(); i < n - 2; i++) {
            out[i] = marker[i % marker.length];
        }
        out[n - 2] = '"';
        out[n - 1] = '}';
        return out;
    }
}
