package io.redflag.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.service.security.ApiTokens;
import io.redflag.service.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How tests get into the running service: an API token of the role they need, created in the service's own
 * token store, sent as {@code Authorization: Bearer …} like any machine client's.
 */
public final class TestAccess {
    private TestAccess() {
    }

    /** The Authorization header value of a new viewer token. */
    public static String viewer(ApiTokens tokens) {
        return bearer(tokens, Role.VIEWER);
    }

    /** The Authorization header value of a new admin token. */
    public static String admin(ApiTokens tokens) {
        return bearer(tokens, Role.ADMIN);
    }

    /** GETs {@code path} of the service on {@code port} as a viewer: the answer must be 200; its body, read. */
    public static JsonNode viewed(int port, String path, ApiTokens tokens, JsonMapper json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).header("Authorization", viewer(tokens)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String bearer(ApiTokens tokens, Role role) {
        return "Bearer " + tokens.create("test " + role.key(), role, "tests").token();
    }
}
