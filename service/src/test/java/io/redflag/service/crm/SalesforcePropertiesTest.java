package io.redflag.service.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SalesforcePropertiesTest {
    private static final Duration T = Duration.ofSeconds(10);

    @Test
    void noLoginUrlMeansTheDemoOrg() {
        assertThat(new SalesforceProperties(null, null, null, null, null, T, T, 0).demo()).isTrue();
        assertThat(new SalesforceProperties(null, null, null, null, null, T, T, 0).problem()).isNull();
    }

    @Test
    void missingSettingsAreNamedWithTheirEnvironmentVariables() {
        URI login = URI.create("https://login.salesforce.com");
        assertThat(new SalesforceProperties(login, null, "s", null, null, T, T, 0).problem())
                .contains("redflag.salesforce.client-id", "SALESFORCE_CLIENT_ID");
        assertThat(new SalesforceProperties(login, "id", null, null, null, T, T, 0).problem())
                .contains("SALESFORCE_CLIENT_SECRET");
        assertThat(new SalesforceProperties(login, "id", null, "user@example.com", null, T, T, 0).problem())
                .contains("SALESFORCE_JWT_KEY_FILE");
        assertThat(new SalesforceProperties(URI.create("ftp://x"), "id", "s", null, null, T, T, 0).problem())
                .contains("SALESFORCE_LOGIN_URL", "ftp://x");
        assertThat(new SalesforceProperties(login, "id", "s", null, null, Duration.ZERO, T, 0).problem())
                .contains("connect-timeout");
        assertThat(new SalesforceProperties(login, "id", null, "u@example.com", Path.of("k.pem"), T, T, 0).problem())
                .isNull();
    }

    @Test
    void theSecretNeverAppearsInToString() {
        String text = new SalesforceProperties(URI.create("https://login.salesforce.com"), "id", "p4ssw0rd", null,
                null, T, T, 0).toString();
        assertThat(text).doesNotContain("p4ssw0rd").contains("(set)");
    }
}
