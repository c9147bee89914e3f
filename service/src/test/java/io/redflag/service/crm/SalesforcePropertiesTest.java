package io.redflag.service.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SalesforcePropertiesTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final URI LOGIN = URI.create("https://login.salesforce.com");

    @Test
    void theDemoNeedsNoOrgSettings() {
        assertThat(new SalesforceProperties(null, null, null, null, null, T, T, 0, 6, T).problems(true)).isEmpty();
    }

    @Test
    void withoutTheDemoSwitchAMissingLoginUrlIsAProblemNamingItsVariableAndTheSwitch() {
        assertThat(new SalesforceProperties(null, null, null, null, null, T, T, 0, 6, T).problems(false))
                .singleElement().asString().contains("redflag.salesforce.login-url", "SALESFORCE_LOGIN_URL", "--demo");
    }

    @Test
    void theDemoSwitchWithALoginUrlIsAProblemNamingBoth() {
        assertThat(new SalesforceProperties(LOGIN, "id", "s", null, null, T, T, 0, 6, T).problems(true))
                .singleElement().asString().contains("redflag.demo", "SALESFORCE_LOGIN_URL");
    }

    @Test
    void missingSettingsAreNamedWithTheirEnvironmentVariables() {
        assertThat(new SalesforceProperties(LOGIN, null, "s", null, null, T, T, 0, 6, T).problems(false))
                .singleElement().asString().contains("redflag.salesforce.client-id", "SALESFORCE_CLIENT_ID");
        assertThat(new SalesforceProperties(LOGIN, "id", null, null, null, T, T, 0, 6, T).problems(false))
                .singleElement().asString().contains("SALESFORCE_CLIENT_SECRET");
        assertThat(new SalesforceProperties(LOGIN, "id", null, "user@example.com", null, T, T, 0, 6, T).problems(false))
                .singleElement().asString().contains("SALESFORCE_JWT_KEY_FILE");
        assertThat(new SalesforceProperties(URI.create("ftp://x"), "id", "s", null, null, T, T, 0, 6, T).problems(false))
                .singleElement().asString().contains("SALESFORCE_LOGIN_URL", "ftp://x");
        assertThat(new SalesforceProperties(LOGIN, "id", "s", null, null, Duration.ZERO, T, 0, 6, T).problems(false))
                .singleElement().asString().contains("connect-timeout");
        assertThat(new SalesforceProperties(LOGIN, "id", null, "u@example.com", Path.of("k.pem"), T, T, 0, 6, T)
                .problems(false)).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(new SalesforceProperties(URI.create("ftp://x"), null, null, null, null, Duration.ZERO,
                Duration.ZERO, 0, 6, T).problems(false)).hasSize(5)
                .anySatisfy(p -> assertThat(p).contains("SALESFORCE_LOGIN_URL"))
                .anySatisfy(p -> assertThat(p).contains("SALESFORCE_CLIENT_ID"))
                .anySatisfy(p -> assertThat(p).contains("SALESFORCE_CLIENT_SECRET"))
                .anySatisfy(p -> assertThat(p).contains("connect-timeout"))
                .anySatisfy(p -> assertThat(p).contains("read-timeout"));
    }

    @Test
    void theSecretNeverAppearsInToString() {
        String text = new SalesforceProperties(LOGIN, "id", "p4ssw0rd", null, null, T, T, 0, 6, T).toString();
        assertThat(text).doesNotContain("p4ssw0rd").contains("(set)");
    }
}
