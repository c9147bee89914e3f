package io.redflag.connector.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.control.FaultSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connector's session against the emulator: both OAuth flows, one token for many calls, exactly one
 * re-authentication when a session ends, API usage. The emulator keeps every token it issued until it is revoked
 * or expires, so its count of active sessions counts the token requests. */
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
    void oneTokenServesManyCalls() throws Exception {
        SalesforceSession session = freshlyCounted();
        for (int i = 0; i < 5; i++) {
            session.call(c -> c.getServerTimestamp());
        }
        assertThat(emulator.control().calls("getServerTimestamp")).isEqualTo(5);
        assertThat(emulator.sessions().active()).as("tokens issued (each is a live session)").isEqualTo(1);
        assertThat(faults()).isEmpty();
    }

    @Test
    void aRevokedSessionIsRenewedExactlyOnceAndTheCallSucceeds() throws Exception {
        SalesforceSession session = freshlyCounted();
        session.call(c -> c.getServerTimestamp());
        emulator.sessions().revokeAll();
        String user = session.call(c -> c.getUserInfo().getUserId());
        session.call(c -> c.getServerTimestamp());
        assertThat(user).isEqualTo(emulator.runAsUserId());
        assertThat(faults()).isEqualTo(Map.of("INVALID_SESSION_ID", 1L));
        assertThat(emulator.sessions().active()).as("one new token after the revocation").isEqualTo(1);
        assertThat(emulator.control().calls("getUserInfo")).as("refused once, run once again").isEqualTo(2);
        assertThat(emulator.control().calls("getServerTimestamp")).isEqualTo(2);
    }

    @Test
    void aSessionThatExpiresAfterThreeCallsIsRenewedOnceOnTheFourth() throws Exception {
        SalesforceSession session = freshlyCounted();
        emulator.control().faults(FaultSettings.NONE.withSessionExpiresAfterCalls(3));
        try {
            for (int i = 0; i < 4; i++) {
                session.call(c -> c.getServerTimestamp());
            }
        } finally {
            emulator.control().faults(FaultSettings.NONE);
        }
        assertThat(faults()).isEqualTo(Map.of("INVALID_SESSION_ID", 1L));
        assertThat(emulator.control().calls("getServerTimestamp")).isEqualTo(5);
        assertThat(emulator.sessions().active()).isEqualTo(1);
    }

    /** A new session, with the emulator's sessions and counters cleared of earlier tests. */
    private static SalesforceSession freshlyCounted() {
        emulator.sessions().revokeAll();
        emulator.control().resetCounters();
        return new SalesforceSession(clientCredentials(EmulatorConfig.DEFAULT_CLIENT_SECRET), Clock.systemUTC());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> faults() {
        return (Map<String, Long>) emulator.control().snapshot().get("faults");
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
