package io.redflag.connector.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Requests tokens with Nimbus's OAuth 2.0 SDK. Salesforce adds {@code instance_url} to its token answers:
 * that is where the SOAP endpoint lives.
 */
final class TokenClient {
    private final SalesforceCredentials credentials;
    private final Clock clock;

    TokenClient(SalesforceCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    SalesforceToken requestToken() {
        URI endpoint = credentials.loginUrl().resolve("/services/oauth2/token");
        TokenRequest request = credentials.usesJwt()
                ? new TokenRequest(endpoint, new ClientID(credentials.clientId()), jwtGrant())
                : new TokenRequest(endpoint, new ClientSecretPost(new ClientID(credentials.clientId()),
                        new Secret(credentials.clientSecret())), new ClientCredentialsGrant());
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout((int) credentials.connectTimeout().toMillis());
        // A token answer is small and quick: waiting the read timeout (minutes, sized for big queries) for it would
        // hang start-up on an endpoint that accepts connections and never answers. The connect timeout bounds it.
        http.setReadTimeout((int) Math.min(credentials.readTimeout().toMillis(), credentials.connectTimeout().toMillis()));
        TokenResponse response;
        try {
            var answer = http.send();
            if (answer.getStatusCode() >= 500) {
                // A maintenance page or a proxy error: the org is not reachable now, the credentials may be fine.
                throw AuthenticationException.unreachable(credentials.loginUrl().toString(),
                        new IOException("HTTP " + answer.getStatusCode() + " from the token endpoint"));
            }
            response = TokenResponse.parse(answer);
        } catch (IOException | ParseException e) {
            throw AuthenticationException.unreachable(credentials.loginUrl().toString(), e);
        }
        if (!response.indicatesSuccess()) {
            TokenErrorResponse error = response.toErrorResponse();
            throw AuthenticationException.refused(credentials.loginUrl().toString(), credentials.clientId(),
                    error.getErrorObject().getCode(), error.getErrorObject().getDescription());
        }
        var success = response.toSuccessResponse();
        Map<String, Object> custom = success.getCustomParameters();
        Object instance = custom.get("instance_url");
        if (instance == null) {
            throw AuthenticationException.refused(credentials.loginUrl().toString(), credentials.clientId(),
                    "no_instance_url", "the token answer names no instance_url");
        }
        Object identity = custom.get("id");
        return new SalesforceToken(success.getTokens().getAccessToken().getValue(), URI.create(instance.toString()),
                clock.instant(), identity == null ? null : identity.toString());
    }

    /** A JWT signed with the connected app's key, valid for three minutes, as Salesforce allows. */
    private AuthorizationGrant jwtGrant() {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(credentials.clientId())
                .subject(credentials.jwtUsername()).audience(credentials.loginUrl().toString())
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(3)))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(credentials.jwtKey()));
        } catch (JOSEException e) {
            throw new AuthenticationException("Could not sign the JWT assertion for client " + credentials.clientId()
                    + ": " + e.getMessage(), "invalid_key", e);
        }
        return new JWTBearerGrant(jwt);
    }
}
