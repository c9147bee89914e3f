package io.redflag.emulator.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code POST /services/oauth2/token} with the client-credentials, JWT-bearer, authorization-code and
 * refresh-token grants, answering as Salesforce does: on success access_token, instance_url, id, token_type,
 * issued_at and signature (plus refresh_token and id_token after a browser login); on failure HTTP 400 with
 * {@code error} and {@code error_description}.
 */
public final class TokenEndpoint {
    /** Audiences Salesforce accepts in a JWT-bearer assertion, besides the emulator's own URL. */
    private static final Set<String> AUDIENCES = Set.of("https://login.salesforce.com", "https://test.salesforce.com");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(3);

    /** An HTTP answer with a JSON body (as a map). */
    public record Answer(int status, Map<String, Object> body) {
    }

    /**
     * @param runAsUserId   the user a client-credentials session acts as (the connected app's "Run As" user)
     * @param jwtCertificate the certificate uploaded to the connected app, or null when JWT bearer is off
     * @param usersByName    finds an active user id by username (JWT subject), or null
     */
    public record Config(ConnectedApp app, String runAsUserId, X509Certificate jwtCertificate,
            Function<String, String> usersByName) {
    }

    private final Config config;
    private final Sessions sessions;
    private final Clock clock;
    private final TokenResponses responses;
    private final CodeExchange codeExchange;

    /** @param oidc the provider whose logins the authorization-code and refresh-token grants complete */
    public TokenEndpoint(Config config, Sessions sessions, Clock clock, OidcProvider oidc) {
        this.config = config;
        this.sessions = sessions;
        this.clock = clock;
        this.responses = oidc.responses();
        this.codeExchange = oidc.codeExchange();
    }

    /** Handles one token request: the form body and the Authorization header (HTTP Basic is accepted). */
    public Answer token(String formBody, String authorization, String instanceUrl) {
        Map<String, String> form = parseForm(formBody);
        basicAuth(authorization, form);
        String grant = form.getOrDefault("grant_type", "");
        return switch (grant) {
            case "client_credentials" -> clientCredentials(form, instanceUrl);
            case "urn:ietf:params:oauth:grant-type:jwt-bearer" -> jwtBearer(form, instanceUrl);
            case "authorization_code" -> codeExchange.authorizationCode(form, instanceUrl);
            case "refresh_token" -> codeExchange.refresh(form, instanceUrl);
            case "" -> error("invalid_request", "grant type is missing");
            default -> error("unsupported_grant_type", "grant type not supported");
        };
    }

    private Answer clientCredentials(Map<String, String> form, String instanceUrl) {
        Answer refusal = responses.clientRefusal(form);
        return refusal != null ? refusal : success(config.runAsUserId(), instanceUrl);
    }

    private Answer jwtBearer(Map<String, String> form, String instanceUrl) {
        if (config.jwtCertificate() == null) {
            return error("invalid_grant", "invalid assertion (no certificate is configured for JWT bearer;"
                    + " start the emulator with --jwt-cert)");
        }
        String assertion = form.get("assertion");
        if (assertion == null || assertion.isBlank()) {
            return error("invalid_grant", "invalid assertion");
        }
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new RSASSAVerifier((RSAPublicKey) config.jwtCertificate().getPublicKey()))) {
                return error("invalid_grant", "invalid assertion");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException | ClassCastException e) {
            return error("invalid_grant", "invalid assertion");
        }
        if (!config.app().isClient(claims.getIssuer())) {
            return error("invalid_client_id", "client identifier invalid");
        }
        boolean audienceOk = claims.getAudience().stream()
                .anyMatch(a -> AUDIENCES.contains(trimSlash(a)) || trimSlash(a).equals(trimSlash(instanceUrl)));
        if (!audienceOk) {
            return error("invalid_grant", "audience is invalid");
        }
        Date exp = claims.getExpirationTime();
        if (exp == null || exp.toInstant().plus(CLOCK_SKEW).isBefore(clock.instant())) {
            return error("invalid_grant", "expired authorization code");
        }
        String userId = claims.getSubject() == null ? null : config.usersByName().apply(claims.getSubject());
        if (userId == null) {
            return error("invalid_grant", "user hasn't approved this consumer");
        }
        return success(userId, instanceUrl);
    }

    private Answer success(String userId, String instanceUrl) {
        return responses.success(userId, instanceUrl, sessions.issue(userId), null,
                String.join(" ", Sessions.API_SCOPES), null);
    }

    private static Answer error(String error, String description) {
        return TokenResponses.error(error, description);
    }

    private static void basicAuth(String authorization, Map<String, String> form) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                form.putIfAbsent("client_id", URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
                form.putIfAbsent("client_secret",
                        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
            }
        }
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> out = new HashMap<>();
        if (body == null || body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String trimSlash(String s) {
        return s != null && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
