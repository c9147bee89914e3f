package io.redflag.emulator.oauth;

import io.redflag.emulator.store.SRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The token endpoint's {@code authorization_code} and {@code refresh_token} grants: what a browser login
 * earns. The client authenticates with its secret (HTTP Basic or form fields); a code is good once, within
 * its lifetime, with the redirect_uri of its authorization request and, when that request carried a PKCE
 * challenge, the matching verifier. Access tokens act as the user who logged in, in the Partner API too.
 */
final class CodeExchange {
    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private final TokenResponses responses;
    private final AuthorizationCodes codes;
    private final Sessions sessions;
    private final Users users;
    private final IdTokens idTokens;
    private final UserInfo userInfo;

    CodeExchange(TokenResponses responses, AuthorizationCodes codes, Sessions sessions, Users users,
            IdTokens idTokens, UserInfo userInfo) {
        this.responses = responses;
        this.codes = codes;
        this.sessions = sessions;
        this.users = users;
        this.idTokens = idTokens;
        this.userInfo = userInfo;
    }

    TokenEndpoint.Answer authorizationCode(Map<String, String> form, String instanceUrl) {
        TokenEndpoint.Answer refusal = responses.clientRefusal(form);
        if (refusal != null) {
            return refusal;
        }
        String code = form.get("code");
        AuthorizationCodes.Grant grant = codes.redeem(code);
        if (grant == null || !grant.clientId().equals(form.get("client_id"))) {
            return TokenResponses.error("invalid_grant", "invalid authorization code");
        }
        if (codes.expired(grant)) {
            return TokenResponses.error("invalid_grant", "expired authorization code");
        }
        if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
            return TokenResponses.error("redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        if (grant.codeChallenge() != null && !verifies(form.get("code_verifier"), grant.codeChallenge())) {
            return TokenResponses.error("invalid_grant", "invalid code verifier");
        }
        SRecord user = users.active(grant.userId());
        if (user == null) {
            return TokenResponses.error("inactive_user", "user is inactive");
        }
        List<String> scopes = grant.scopes();
        String accessToken = sessions.issue(user.id(), scopes);
        String refreshToken = scopes.contains("refresh_token") || scopes.contains("offline_access")
                ? sessions.issueRefreshToken(user.id(), scopes) : null;
        List<String> issued = new ArrayList<>(List.of(accessToken));
        if (refreshToken != null) {
            issued.add(refreshToken);
        }
        codes.issued(code, issued);
        return responses.success(user.id(), instanceUrl, accessToken, refreshToken, String.join(" ", scopes),
                idToken(user, instanceUrl, scopes, grant.nonce(), accessToken));
    }

    /** A new access token (and ID token) for a refresh token; the refresh token itself stays as it is. */
    TokenEndpoint.Answer refresh(Map<String, String> form, String instanceUrl) {
        TokenEndpoint.Answer refusal = responses.clientRefusal(form);
        if (refusal != null) {
            return refusal;
        }
        String refreshToken = form.get("refresh_token");
        Sessions.Refresh refresh = sessions.refresh(refreshToken);
        SRecord user = refresh == null ? null : users.active(refresh.userId());
        if (user == null) {
            // A deactivated user's tokens are revoked with the user.
            if (refresh != null) {
                sessions.revoke(refreshToken);
            }
            return TokenResponses.error("invalid_grant", "expired access/refresh token");
        }
        String accessToken = sessions.issue(user.id(), refresh.scopes());
        return responses.success(user.id(), instanceUrl, accessToken, null, String.join(" ", refresh.scopes()),
                idToken(user, instanceUrl, refresh.scopes(), null, accessToken));
    }

    private String idToken(SRecord user, String issuer, List<String> scopes, String nonce, String accessToken) {
        if (!scopes.contains("openid")) {
            return null;
        }
        return idTokens.issue(issuer, responses.clientId(), UserInfo.identityUrl(issuer, responses.orgId(), user.id()),
                nonce, accessToken, userInfo.idTokenClaims(user, issuer, scopes));
    }

    /** Whether BASE64URL(SHA-256(verifier)) is the challenge (RFC 7636 §4.6). */
    private static boolean verifies(String verifier, String challenge) {
        if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
            return false;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
            return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                    challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
