package io.redflag.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer JWTs from a configured issuer (a tiny OpenID provider in the test: discovery document and JWKS):
 * accepted with the roles of their {@code roles} claim, refused from another issuer, for another audience,
 * expired, or signed by another key. The issuer is asked for its keys at the first JWT, not at start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.salesforce.demo-port=0", "redflag.sync.auto-startup=false",
            "redflag.security.jwt.audience=redflag"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JwtBearerIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RSAKey KEY = rsa("issuer-key");
    private static final AtomicInteger DISCOVERIES = new AtomicInteger();
    private static final HttpServer ISSUER = issuer();
    private static final String ISSUER_URL = "http://127.0.0.1:" + ISSUER.getAddress().getPort();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("redflag.security.jwt.issuer-uri", () -> ISSUER_URL);
    }

    @AfterAll
    static void stop() {
        ISSUER.stop(0);
    }

    private static RSAKey rsa(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer issuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            server.createContext("/.well-known/openid-configuration", exchange -> {
                DISCOVERIES.incrementAndGet();
                answer(exchange, JSON.writeValueAsString(java.util.Map.of("issuer", base, "jwks_uri", base + "/keys",
                        "subject_types_supported", List.of("public"), "response_types_supported", List.of("code"),
                        "id_token_signing_alg_values_supported", List.of("RS256"))));
            });
            server.createContext("/keys", exchange -> answer(exchange, new JWKSet(KEY.toPublicJWK()).toString()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** A token from the issuer for the audience, valid for five minutes, unless the builder says otherwise. */
    private static JWTClaimsSet.Builder claims(Object roles) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(ISSUER_URL).subject("export-job")
                .audience("redflag").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        return roles == null ? b : b.claim("roles", roles);
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private HttpResponse<String> get(String path, String jwt) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + jwt).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void aViewerJwtReadsButIsNoAdminAndTheIssuerIsAskedOnlyAtTheFirstToken() throws Exception {
        assertThat(DISCOVERIES).as("nothing asked the issuer at start-up").hasValue(0);
        String viewer = sign(claims(List.of("viewer")).build(), KEY);
        HttpResponse<String> accounts = get("/api/accounts", viewer);
        assertThat(accounts.statusCode()).as(accounts.body()).isEqualTo(200);
        assertThat(DISCOVERIES).hasValue(1);
        assertThat(get("/api/admin/tokens", viewer).statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(get("/api/me", viewer).body())).isEqualTo(JSON.readTree(
                "{\"name\": \"export-job\", \"roles\": [\"viewer\"]}"));
    }

    @Test
    void anAdminJwtIsAlsoAViewer() throws Exception {
        String admin = sign(claims(List.of("admin")).build(), KEY);
        assertThat(get("/api/admin/tokens", admin).statusCode()).isEqualTo(200);
        assertThat(get("/api/accounts", admin).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get("/api/me", admin).body())).isEqualTo(JSON.readTree(
                "{\"name\": \"export-job\", \"roles\": [\"admin\", \"viewer\"]}"));
    }

    @Test
    void aJwtWithoutRolesMayDoNothing() throws Exception {
        assertThat(get("/api/accounts", sign(claims(null).build(), KEY)).statusCode()).isEqualTo(403);
    }

    @Test
    void aJwtFromAnotherIssuerForAnotherAudienceExpiredOrSignedByAnotherKeyIsRefused() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        var refused = new java.util.LinkedHashMap<String, String>();
        refused.put("another issuer", sign(claims(List.of("admin")).issuer("https://idp.example.com").build(), KEY));
        refused.put("another audience", sign(claims(List.of("admin")).audience("someone-else").build(), KEY));
        refused.put("expired", sign(claims(List.of("admin")).issueTime(Date.from(past.minusSeconds(600)))
                .expirationTime(Date.from(past)).build(), KEY));
        refused.put("another key", sign(claims(List.of("admin")).build(), rsa("issuer-key")));
        for (var token : refused.entrySet()) {
            HttpResponse<String> r = get("/api/accounts", token.getValue());
            assertThat(r.statusCode()).as(token.getKey() + ": " + r.body()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).as(token.getKey())
                    .contains("invalid_token");
        }
    }
}
