package io.redflag.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad security settings are reported all at once, each naming its property and environment variable. */
class SecuritySettingsTest {
    private static final List<String> SCOPES = List.of("openid", "profile", "email", "custom_permissions");

    @Test
    void theDefaultsHaveNoProblemAndAdminNamesAreTrimmedAndLowerCase() {
        SecuritySettings settings = new SecuritySettings(List.of(" Ops@Acme.example ", "", "lead@acme.example"),
                new SecuritySettings.Oidc(null, null, null, SCOPES), new SecuritySettings.Jwt(null, null, "roles"));
        assertThat(settings.problems()).isEmpty();
        assertThat(settings.admins()).containsExactlyInAnyOrder("ops@acme.example", "lead@acme.example");
        assertThat(settings.oidc().configured()).isFalse();
        assertThat(settings.jwt().configured()).isFalse();
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        SecuritySettings settings = new SecuritySettings(List.of(),
                new SecuritySettings.Oidc(URI.create("login.salesforce.com"), "id", "secret", List.of("profile")),
                new SecuritySettings.Jwt(URI.create("ftp://idp.example.com"), null, " "));
        assertThat(settings.problems()).containsExactly(
                "redflag.security.oidc.issuer-uri (REDFLAG_SECURITY_OIDC_ISSUER_URI) = 'login.salesforce.com' is not"
                        + " an http(s) URL, for example https://login.salesforce.com",
                "redflag.security.oidc.scopes (REDFLAG_SECURITY_OIDC_SCOPES) = profile must contain openid",
                "redflag.security.jwt.issuer-uri (REDFLAG_SECURITY_JWT_ISSUER_URI) = 'ftp://idp.example.com' is not"
                        + " an http(s) URL, for example https://idp.example.com/realms/redflag",
                "redflag.security.jwt.roles-claim (REDFLAG_SECURITY_JWT_ROLES_CLAIM) is blank: name the claim that"
                        + " lists a caller's roles, e.g. roles");
    }

    @Test
    void theOidcClientSecretNeverShowsInText() {
        var oidc = new SecuritySettings.Oidc(URI.create("https://login.salesforce.com"), "client", "s3cret", SCOPES);
        assertThat(oidc.toString()).doesNotContain("s3cret").contains("clientSecret=(set)");
        assertThat(new SecuritySettings(List.of(), oidc, new SecuritySettings.Jwt(null, null, "roles")).toString())
                .doesNotContain("s3cret");
    }
}
