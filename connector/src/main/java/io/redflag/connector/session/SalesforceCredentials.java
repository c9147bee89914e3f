package io.redflag.connector.session;

import java.net.URI;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an org: the login URL and the connected app's credentials for one of the two flows, plus
 * timeouts. {@link #toString()} never shows the secret or the key.
 *
 * @param clientSecret set for the client-credentials flow
 * @param jwtUsername  set (with {@code jwtKey}) for the JWT-bearer flow: the user the session acts as
 */
public record SalesforceCredentials(URI loginUrl, String clientId, String clientSecret, String jwtUsername,
        RSAPrivateKey jwtKey, Duration connectTimeout, Duration readTimeout, String apiVersion) {

    public SalesforceCredentials {
        Objects.requireNonNull(loginUrl, "loginUrl");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("the Salesforce client id is missing");
        }
        boolean jwt = jwtUsername != null && jwtKey != null;
        boolean secret = clientSecret != null && !clientSecret.isBlank();
        if (!jwt && !secret) {
            throw new IllegalArgumentException("give either a client secret (client credentials) or a username and"
                    + " private key (JWT bearer) for client " + clientId);
        }
        if (connectTimeout == null || connectTimeout.isZero() || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("connectTimeout must be positive (WSC's default is infinite)");
        }
        if (readTimeout == null || readTimeout.isZero() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("readTimeout must be positive (WSC's default is infinite)");
        }
    }

    public static SalesforceCredentials clientCredentials(URI loginUrl, String clientId, String clientSecret) {
        return new SalesforceCredentials(loginUrl, clientId, clientSecret, null, null, Duration.ofSeconds(10),
                Duration.ofSeconds(120), "65.0");
    }

    public static SalesforceCredentials jwtBearer(URI loginUrl, String clientId, String username, RSAPrivateKey key) {
        return new SalesforceCredentials(loginUrl, clientId, null, username, key, Duration.ofSeconds(10),
                Duration.ofSeconds(120), "65.0");
    }

    public SalesforceCredentials withTimeouts(Duration connect, Duration read) {
        return new SalesforceCredentials(loginUrl, clientId, clientSecret, jwtUsername, jwtKey, connect, read,
                apiVersion);
    }

    boolean usesJwt() {
        return jwtUsername != null && jwtKey != null;
    }

    @Override
    public String toString() {
        return "SalesforceCredentials[loginUrl=" + loginUrl + ", clientId=" + clientId + ", flow="
                + (usesJwt() ? "jwt-bearer as " + jwtUsername : "client-credentials") + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", apiVersion=" + apiVersion + "]";
    }
}
