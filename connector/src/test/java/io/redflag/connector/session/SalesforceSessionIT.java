package io.redflag.connector.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connector's session against the emulator: both OAuth flows, re-authentication, API usage. */
class SalesforceSessionIT {
    private static final Path JWT = Path.of("../emulator/src/test/resources/jwt");
    private static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorConfig.defaults().withJwtCertificate(JWT.resolve("test-cert.pem")));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static SalesforceCredentials clientCredentials(String secret) {
        return SalesforceCredentials.clientCredentials(URI.create(emulator.baseUrl()), EmulatorConfig.DEFAULT_CLIENT_ID,
                secret);
    }

    @Test
    void clientCredentialsOpenASessionAndApiUsageIsReadFromTheLimitInfoHeader() throws Exception {
        SalesforceSession session = new SalesforceSession(clientCredentials(EmulatorConfig.DEFAULT_CLIENT_SECRET),
                Clock.systemUTC());
        String user = session.call(c -> c.getUserInfo().getUserId());
        assertThat(user).isEqualTo(emulator.runAsUserId());
        assertThat(session.apiUsage().limit()).isEqualTo(100_000);
        assertThat(session.apiUsage().current()).isPositive();
    }

    @Test
    void jwtBearerOpensASessionAsTheNamedUser() throws Exception {
        SalesforceSession session = new SalesforceSession(SalesforceCredentials.jwtBearer(URI.create(emulator.baseUrl()),
                EmulatorConfig.DEFAULT_CLIENT_ID, EmulatorConfig.DEFAULT_RUN_AS, key()), Clock.systemUTC());
        String username = session.call(c -> c.getUserInfo().getUserName());
        assertThat(username).isEqualTo(EmulatorConfig.DEFAULT_RUN_AS);
    }

    @Test
    void anExpiredSessionIsRenewedOnceAndTheCallSucceeds() throws Exception {
        SalesforceSession session = new SalesforceSession(clientCredentials(EmulatorConfig.DEFAULT_CLIENT_SECRET),
                Clock.systemUTC());
        session.call(c -> c.getServerTimestamp());
        emulator.sessions().revokeAll();
        java.util.Calendar after = session.call(c -> c.getServerTimestamp().getTimestamp());
        assertThat(after).isNotNull();
    }

    @Test
    void refusedCredentialsNameTheClientAndTheErrorButNotTheSecret() {
        SalesforceSession session = new SalesforceSession(clientCredentials("s3cr3t-wrong"), Clock.systemUTC());
        assertThatThrownBy(() -> session.call(c -> c.getServerTimestamp()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_client");
                    assertThat(e.getMessage()).contains(EmulatorConfig.DEFAULT_CLIENT_ID).doesNotContain("s3cr3t");
                });
        assertThat(session.toString()).doesNotContain("s3cr3t");
    }

    private static RSAPrivateKey key() throws Exception {
        String base64 = Files.readString(JWT.resolve("test-key.pem")).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
