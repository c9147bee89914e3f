package io.redflag.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.service.TestAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An API token's life over HTTP, as an admin and a script see it: created, used, listed, revoked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.salesforce.demo-port=0", "redflag.sync.auto-startup=false"})
class ApiTokensIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    DataSource dataSource;

    private String admin;

    @BeforeEach
    void admin() {
        admin = TestAccess.admin(tokens);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").method(method, json == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode listed(long id) throws Exception {
        HttpResponse<String> list = send("GET", "/api/admin/tokens", admin, null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonNode t : JSON.readTree(list.body())) {
            if (t.path("id").asLong() == id) {
                return t;
            }
        }
        throw new AssertionError("token #" + id + " is not listed: " + list.body());
    }

    @Test
    void aCreatedTokenWorksIsListedWithoutItsValueIsStoredAsItsHashAndIsRefusedOnceRevoked() throws Exception {
        HttpResponse<String> created = send("POST", "/api/admin/tokens", admin,
                "{\"name\":\"nightly export\",\"role\":\"viewer\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        long id = body.path("id").asLong();
        String token = body.path("token").asString();
        assertThat(token).startsWith("rf_").hasSize(3 + 43); // 32 random bytes in base64url
        assertThat(created.headers().firstValue("Location")).contains("/api/admin/tokens/" + id);
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        assertThat(send("GET", "/api/accounts", "Bearer " + token, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/admin/tokens", "Bearer " + token, null).statusCode())
                .as("a viewer token is no admin").isEqualTo(403);

        JsonNode listed = listed(id);
        assertThat(listed.propertyNames()).containsExactlyInAnyOrder("id", "name", "role", "createdBy", "createdAt",
                "lastUsedAt", "revoked", "revokedAt");
        assertThat(List.of(listed.path("name").asString(), listed.path("role").asString(),
                listed.path("createdBy").asString(), listed.path("revoked").asBoolean()))
                .isEqualTo(List.of("nightly export", "viewer", "token:test admin", false));
        assertThat(listed.path("createdAt").isNull()).isFalse();
        assertThat(listed.path("lastUsedAt").isNull()).as("used once").isFalse();
        assertThat(send("GET", "/api/admin/tokens", admin, null).body()).doesNotContain(token);

        Map<String, Object> row = new JdbcTemplate(dataSource).queryForMap("SELECT * FROM api_token WHERE id = ?", id);
        assertThat(row.get("token_hash")).isEqualTo(ApiTokens.hash(token));
        assertThat(row.values()).as("the table never holds the token").doesNotContain(token);
        assertThat(ApiTokens.hash(token)).hasSize(64).matches("[0-9a-f]+");

        assertThat(send("DELETE", "/api/admin/tokens/" + id, admin, null).statusCode()).isEqualTo(204);
        HttpResponse<String> refused = send("GET", "/api/accounts", "Bearer " + token, null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(refused.body()).path("detail").asString())
                .isEqualTo("The bearer token was refused: the API token is unknown or revoked");
        assertThat(listed(id).path("revoked").asBoolean()).isTrue();
    }

    @Test
    void aBadRequestIsAnsweredWithAProblemThatNamesTheField() throws Exception {
        HttpResponse<String> role = send("POST", "/api/admin/tokens", admin, "{\"name\":\"x\",\"role\":\"owner\"}");
        assertThat(role.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(role.body()).path("detail").asString())
                .isEqualTo("role must be one of viewer, admin, not 'owner'");

        HttpResponse<String> name = send("POST", "/api/admin/tokens", admin, "{\"role\":\"viewer\"}");
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(name.body()).path("detail").asString())
                .isEqualTo("name is required: 1 to 100 characters");

        HttpResponse<String> none = send("DELETE", "/api/admin/tokens/424242", admin, null);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(none.body()).path("detail").asString()).isEqualTo("no API token #424242");
    }

    @Test
    void aWrongOrMalformedBearerTokenIsRefusedWithAProblemAndAnAnonymousOneIsToldHowToGetIn() throws Exception {
        HttpResponse<String> unknown = send("GET", "/api/accounts", "Bearer rf_notatoken", null);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer")
                .contains("invalid_token");

        HttpResponse<String> anonymous = send("GET", "/api/accounts", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(JSON.readTree(anonymous.body())).isEqualTo(JSON.readTree("""
                {"type": "about:blank", "title": "Unauthorized", "status": 401, "detail": "Authentication is required:\
                 send Authorization: Bearer with an API token or a JWT, or log in at\
                 /oauth2/authorization/salesforce", "instance": "/api/accounts"}"""));
        assertThat(anonymous.headers().firstValue("Set-Cookie")).as("an API call opens no session").isEmpty();
    }
}
