package io.redflag.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.service.TestAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser meets: a page request without a login goes to the CRM's login, every answer carries the
 * security headers, and a request riding on a session cookie without the CSRF token is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.salesforce.demo-port=0", "redflag.sync.auto-startup=false"})
class BrowserSecurityIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    void aBrowserAskingForAPageWithoutALoginIsSentToTheCrmLogin() throws Exception {
        HttpResponse<String> r = send(request("/api/accounts").header("Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).contains("http://127.0.0.1:" + port
                + "/oauth2/authorization/salesforce");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        Map<String, String> expected = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        expected.put("Content-Security-Policy", WebSecurityConfiguration.CONTENT_SECURITY_POLICY);
        expected.put("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        expected.put("X-Content-Type-Options", "nosniff");
        expected.put("X-Frame-Options", "DENY");
        expected.put("Referrer-Policy", "same-origin");
        expected.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        HttpResponse<String> refused = send(request("/api/accounts"));
        HttpResponse<String> answered = send(request("/api/accounts").header("Authorization",
                TestAccess.viewer(tokens)));
        HttpResponse<String> probe = send(request("/actuator/health"));
        assertThat(List.of(refused.statusCode(), answered.statusCode(), probe.statusCode()))
                .isEqualTo(List.of(401, 200, 200));
        for (HttpResponse<String> r : List.of(refused, answered, probe)) {
            assertThat(securityHeaders(r.headers(), expected)).as(r.uri() + " " + r.statusCode()).isEqualTo(expected);
        }
    }

    private static Map<String, String> securityHeaders(HttpHeaders headers, Map<String, String> names) {
        Map<String, String> present = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        names.keySet().forEach(name -> headers.firstValue(name).ifPresent(v -> present.put(name, v)));
        return present;
    }

    @Test
    void aPostRidingOnASessionCookieWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> r = send(request("/actuator/sync").header("Cookie", "JSESSIONID=0123456789ABCDEF")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"pause\"}")));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(r.body()).path("detail").asString()).startsWith("The CSRF token is missing or wrong");
    }
}
