package io.redflag.service.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redflag.security.*}: who is an admin, the OpenID provider browsers log in with, the JWT issuer
 * machine clients may bring tokens from. Each can come from the environment (REDFLAG_SECURITY_ADMIN_USERS,
 * REDFLAG_SECURITY_OIDC_CLIENT_ID, …); application.yaml defaults the OpenID client to the CRM connection's.
 *
 * @param adminUsers CRM usernames that are admins (compared without case), besides the holders of the
 *        Redflag_Admin custom permission
 */
@ConfigurationProperties("redflag.security")
public record SecuritySettings(@DefaultValue List<String> adminUsers, @DefaultValue Oidc oidc, @DefaultValue Jwt jwt) {

    /**
     * The CRM as OpenID provider for browser logins (ignored in the demo, which logs in at its own org).
     *
     * @param issuerUri where the discovery document is, e.g. https://login.salesforce.com
     * @param clientSecret blank: a public client (PKCE only)
     */
    public record Oidc(URI issuerUri, String clientId, String clientSecret,
            @DefaultValue({"openid", "profile", "email", "custom_permissions"}) List<String> scopes) {
        public boolean configured() {
            return issuerUri != null && !issuerUri.toString().isBlank() && !blank(clientId);
        }

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Oidc[issuerUri=" + issuerUri + ", clientId=" + clientId + ", clientSecret="
                    + (blank(clientSecret) ? "(none)" : "(set)") + ", scopes=" + scopes + "]";
        }
    }

    /**
     * Bearer JWTs from another issuer (an identity provider of the company's), off when no issuer is set.
     *
     * @param audience when set, a token's {@code aud} must contain it
     * @param rolesClaim the claim whose values ({@code viewer}, {@code admin}) are the caller's roles
     */
    public record Jwt(URI issuerUri, String audience, @DefaultValue("roles") String rolesClaim) {
        public boolean configured() {
            return issuerUri != null && !issuerUri.toString().isBlank();
        }
    }

    Set<String> admins() {
        return adminUsers.stream().map(String::trim).filter(u -> !u.isEmpty()).map(u -> u.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Every problem with these settings, each naming its property and environment variable; empty if none. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (oidc.issuerUri() != null && !oidc.issuerUri().toString().isBlank() && !web(oidc.issuerUri())) {
            problems.add("redflag.security.oidc.issuer-uri (REDFLAG_SECURITY_OIDC_ISSUER_URI) = '" + oidc.issuerUri()
                    + "' is not an http(s) URL, for example https://login.salesforce.com");
        }
        if (!oidc.scopes().contains("openid")) {
            problems.add("redflag.security.oidc.scopes (REDFLAG_SECURITY_OIDC_SCOPES) = " + String.join(",",
                    oidc.scopes()) + " must contain openid");
        }
        if (jwt.configured() && !web(jwt.issuerUri())) {
            problems.add("redflag.security.jwt.issuer-uri (REDFLAG_SECURITY_JWT_ISSUER_URI) = '" + jwt.issuerUri()
                    + "' is not an http(s) URL, for example https://idp.example.com/realms/redflag");
        }
        if (jwt.configured() && blank(jwt.rolesClaim())) {
            problems.add("redflag.security.jwt.roles-claim (REDFLAG_SECURITY_JWT_ROLES_CLAIM) is blank: name the"
                    + " claim that lists a caller's roles, e.g. roles");
        }
        return problems;
    }

    private static boolean web(URI uri) {
        return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
