package io.redflag.emulator.oauth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /.well-known/openid-configuration}, shaped as login.salesforce.com's, listing only what the
 * emulator serves: no revocation, introspection or registration endpoints, only the {@code code} response
 * type and the two client-secret methods. Unlike Salesforce's document it states
 * {@code code_challenge_methods_supported} (Salesforce accepts S256 challenges without saying so), so that
 * clients that read it use PKCE.
 */
final class Discovery {
    /** The claims userinfo answers (the ID token carries the standard ones among them). */
    static final List<String> CLAIMS = List.of("active", "custom_permissions", "email", "email_verified",
            "family_name", "given_name", "is_app_installed", "language", "locale", "name", "nickname",
            "organization_id", "photos", "picture", "preferred_username", "profile", "sub", "updated_at", "urls",
            "user_id", "user_type", "zoneinfo");

    private Discovery() {
    }

    /** The document for an issuer (the emulator's base URL as the client reached it). */
    static Map<String, Object> document(String issuer) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer);
        d.put("authorization_endpoint", issuer + "/services/oauth2/authorize");
        d.put("token_endpoint", issuer + "/services/oauth2/token");
        d.put("userinfo_endpoint", issuer + "/services/oauth2/userinfo");
        d.put("jwks_uri", issuer + "/id/keys");
        d.put("scopes_supported", ConnectedApp.SCOPES);
        d.put("response_types_supported", List.of("code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        d.put("claims_supported", CLAIMS);
        d.put("code_challenge_methods_supported", List.of("S256"));
        return d;
    }
}
