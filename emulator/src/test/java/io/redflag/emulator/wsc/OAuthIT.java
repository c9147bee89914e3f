package io.redflag.emulator.wsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.soap.partner.PartnerConnection;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OAuthIT {
    private static final Path JWT = Path.of("src/test/resources/jwt");
    private static final MutableClock CLOCK = MutableClock.at("2026-06-30T12:00:00Z");
    private static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorConfig.defaults().withClock(CLOCK)
                .withJwtCertificate(JWT.resolve("test-cert.pem")));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private String tokenUrl() {
        return emulator.baseUrl() + "/services/oauth2/token";
    }

    @Test
    void clientCredentialsAnswersAsSalesforceDoesAndTheTokenOpensAWscSession() throws Exception {
        Wsc.Http r = Wsc.post(tokenUrl(), Map.of("grant_type", "client_credentials",
                "client_id", EmulatorConfig.DEFAULT_CLIENT_ID, "client_secret", EmulatorConfig.DEFAULT_CLIENT_SECRET));

        assertThat(r.status()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.propertyNames()).contains("access_token", "instance_url", "id", "token_type", "issued_at",
                "signature");
        assertThat(json.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(json.get("instance_url").asString()).isEqualTo(emulator.baseUrl());
        assertThat(json.get("id").asString()).isEqualTo(emulator.baseUrl() + "/id/" + Emulator.ORG_ID + "/"
                + emulator.runAsUserId());
        assertThat(json.get("issued_at").asString()).isEqualTo(Long.toString(CLOCK.millis()));
        // The signature lets a client check the answer: HMAC-SHA256(id + issued_at) keyed with the secret.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(EmulatorConfig.DEFAULT_CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal((json.get("id").asString()
                + json.get("issued_at").asString()).getBytes(StandardCharsets.UTF_8)));
        assertThat(json.get("signature").asString()).isEqualTo(expected);

        PartnerConnection conn = Wsc.connect(Wsc.config(emulator, json.get("access_token").asString()));
        GetUserInfoResult me = conn.getUserInfo();
        assertThat(me.getUserId()).isEqualTo(emulator.runAsUserId());
        assertThat(me.getUserName()).isEqualTo(EmulatorConfig.DEFAULT_RUN_AS);
        assertThat(me.getOrganizationId()).isEqualTo(Emulator.ORG_ID);
    }

    @Test
    void clientCredentialsInTheBasicAuthorizationHeaderAreAccepted() {
        String basic = Base64.getEncoder().encodeToString((EmulatorConfig.DEFAULT_CLIENT_ID + ":"
                + EmulatorConfig.DEFAULT_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(tokenUrl()))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        int status = java.net.http.HttpClient.newHttpClient().sendAsync(request,
                java.net.http.HttpResponse.BodyHandlers.discarding()).join().statusCode();
        assertThat(status).isEqualTo(200);
    }

    @Test
    void aWrongSecretIsInvalidClientWithHttp400() {
        Wsc.Http r = Wsc.post(tokenUrl(), Map.of("grant_type", "client_credentials",
                "client_id", EmulatorConfig.DEFAULT_CLIENT_ID, "client_secret", "wrong"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asString()).isEqualTo("invalid_client");
        assertThat(r.json().get("error_description").asString()).isEqualTo("invalid client credentials");
    }

    @Test
    void anUnknownClientIdAndAnUnknownGrantAreRejected() {
        Wsc.Http unknownClient = Wsc.post(tokenUrl(), Map.of("grant_type", "client_credentials",
                "client_id", "nobody", "client_secret", EmulatorConfig.DEFAULT_CLIENT_SECRET));
        assertThat(unknownClient.status()).isEqualTo(400);
        assertThat(unknownClient.json().get("error").asString()).isEqualTo("invalid_client_id");

        Wsc.Http password = Wsc.post(tokenUrl(), Map.of("grant_type", "password", "username", "x", "password", "y"));
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.json().get("error").asString()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void jwtBearerWithAnAssertionSignedByTheConfiguredCertificateGetsASession() throws Exception {
        Wsc.Http r = jwt("test-key.pem", EmulatorConfig.DEFAULT_CLIENT_ID, "https://login.salesforce.com",
                EmulatorConfig.DEFAULT_RUN_AS, Duration.ofMinutes(3));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("access_token").asString()).startsWith(Emulator.ORG_ID.substring(0, 15) + "!");
        PartnerConnection conn = Wsc.connect(Wsc.config(emulator, r.json().get("access_token").asString()));
        assertThat(conn.getUserInfo().getUserId()).isEqualTo(emulator.runAsUserId());
    }

    @Test
    void jwtBearerFailuresAreInvalidGrantWithSalesforcesReasons() throws Exception {
        Wsc.Http otherKey = jwt("other-key.pem", EmulatorConfig.DEFAULT_CLIENT_ID, "https://login.salesforce.com",
                EmulatorConfig.DEFAULT_RUN_AS, Duration.ofMinutes(3));
        assertThat(otherKey.status()).isEqualTo(400);
        assertThat(otherKey.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(otherKey.json().get("error_description").asString()).isEqualTo("invalid assertion");

        Wsc.Http badAudience = jwt("test-key.pem", EmulatorConfig.DEFAULT_CLIENT_ID, "https://example.com",
                EmulatorConfig.DEFAULT_RUN_AS, Duration.ofMinutes(3));
        assertThat(badAudience.json().get("error_description").asString()).isEqualTo("audience is invalid");

        Wsc.Http expired = jwt("test-key.pem", EmulatorConfig.DEFAULT_CLIENT_ID, "https://login.salesforce.com",
                EmulatorConfig.DEFAULT_RUN_AS, Duration.ofMinutes(-10));
        assertThat(expired.json().get("error").asString()).isEqualTo("invalid_grant");

        Wsc.Http unknownUser = jwt("test-key.pem", EmulatorConfig.DEFAULT_CLIENT_ID, "https://login.salesforce.com",
                "nobody@example.com", Duration.ofMinutes(3));
        assertThat(unknownUser.json().get("error").asString()).isEqualTo("invalid_grant");

        Wsc.Http wrongIssuer = jwt("test-key.pem", "someone-else", "https://login.salesforce.com",
                EmulatorConfig.DEFAULT_RUN_AS, Duration.ofMinutes(3));
        assertThat(wrongIssuer.json().get("error").asString()).isEqualTo("invalid_client_id");

        Wsc.Http garbage = Wsc.post(tokenUrl(), Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion", "not.a.jwt"));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void aSoapCallWithAnUnknownSessionFailsWithInvalidSessionId() {
        PartnerConnection conn = Wsc.connect(Wsc.config(emulator, "00D000000000001!made-up"));
        assertThatThrownBy(conn::getServerTimestamp)
                .isInstanceOfSatisfying(com.sforce.soap.partner.fault.UnexpectedErrorFault.class, f ->
                        assertThat(f.getExceptionCode().name()).isEqualTo("INVALID_SESSION_ID"));
    }

    private Wsc.Http jwt(String keyFile, String issuer, String audience, String subject, Duration validFor)
            throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject)
                .expirationTime(Date.from(CLOCK.instant().plus(validFor))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(privateKey(JWT.resolve(keyFile))));
        return Wsc.post(tokenUrl(), Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion", jwt.serialize()));
    }

    private static PrivateKey privateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
