package io.redflag.emulator.oauth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The token endpoint's answers in Salesforce's shape, shared by every grant. */
final class TokenResponses {
    private final ConnectedApp app;
    private final Clock clock;
    private final String orgId;

    TokenResponses(ConnectedApp app, Clock clock, String orgId) {
        this.app = app;
        this.clock = clock;
        this.orgId = orgId;
    }

    String clientId() {
        return app.clientId();
    }

    String orgId() {
        return orgId;
    }

    /**
     * A successful answer, fields in Salesforce's order.
     *
     * @param refreshToken null when the grant gives none
     * @param idToken      null when the scopes do not include openid
     */
    TokenEndpoint.Answer success(String userId, String instanceUrl, String accessToken, String refreshToken,
            String scope, String idToken) {
        String issuedAt = Long.toString(clock.millis());
        String id = UserInfo.identityUrl(instanceUrl, orgId, userId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        body.put("signature", sign(id + issuedAt));
        body.put("scope", scope);
        if (idToken != null) {
            body.put("id_token", idToken);
        }
        body.put("instance_url", instanceUrl);
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        return new TokenEndpoint.Answer(200, body);
    }

    /** The refusal of a request whose client id or secret is wrong; null when both are right. */
    TokenEndpoint.Answer clientRefusal(Map<String, String> form) {
        if (!app.isClient(form.get("client_id"))) {
            return error("invalid_client_id", "client identifier invalid");
        }
        if (!app.secretMatches(form.get("client_secret"))) {
            return error("invalid_client", "invalid client credentials");
        }
        return null;
    }

    static TokenEndpoint.Answer error(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return new TokenEndpoint.Answer(400, body);
    }

    /** Base64 HMAC-SHA256 of id + issued_at keyed with the client secret, so a client can check the answer. */
    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(app.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
