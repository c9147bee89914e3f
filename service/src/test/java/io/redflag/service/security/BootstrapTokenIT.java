package io.redflag.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.service.startup.StartupProblems;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator's bootstrap token: valid from start-up with its role, replaced (the old one refused) when the
 * operator changes it, never in the log; a malformed one stops start-up naming the property.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.salesforce.demo-port=0", "redflag.sync.auto-startup=false",
            "redflag.security.bootstrap.token=" + BootstrapTokenIT.FIRST})
@ExtendWith(OutputCaptureExtension.class)
class BootstrapTokenIT {
    static final String FIRST = "rf_first0123456789abcdef0123456789abcdef";
    static final String SECOND = "rf_second123456789abcdef0123456789abcdef";

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;

    private int status(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void theProvidedTokenIsAnAdminFromStartUpAndAChangedOneReplacesIt(CapturedOutput output) throws Exception {
        assertThat(status("/api/admin/tokens", FIRST)).isEqualTo(200);
        assertThat(tokens.list()).filteredOn(t -> t.name().equals(BootstrapToken.NAME)).singleElement()
                .satisfies(t -> assertThat(t.role()).isEqualTo("admin"));

        // The operator changes the Secret; the next start provisions the new value.
        assertThat(tokens.provision(BootstrapToken.NAME, Role.ADMIN, SECOND, BootstrapToken.CREATED_BY)).isTrue();
        assertThat(tokens.provision(BootstrapToken.NAME, Role.ADMIN, SECOND, BootstrapToken.CREATED_BY)).isFalse();

        assertThat(status("/api/admin/tokens", FIRST)).isEqualTo(401);
        assertThat(status("/api/admin/tokens", SECOND)).isEqualTo(200);
        assertThat(output.getAll()).contains("API token 'bootstrap' (admin) provisioned").doesNotContain(FIRST)
                .doesNotContain(SECOND);
    }

    @Test
    void aMalformedTokenStopsStartUpNamingTheProperty() {
        var settings = new BootstrapToken.Settings("not-a-token", Role.ADMIN);
        assertThatThrownBy(() -> new BootstrapToken(settings, tokens).afterPropertiesSet())
                .isInstanceOf(StartupProblems.class).hasMessageContaining("REDFLAG_SECURITY_BOOTSTRAP_TOKEN")
                .hasMessageNotContaining("not-a-token");
        assertThat(settings.toString()).doesNotContain("not-a-token");
    }
}
