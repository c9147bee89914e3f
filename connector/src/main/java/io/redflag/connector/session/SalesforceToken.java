package io.redflag.connector.session;

import java.net.URI;
import java.time.Instant;

/**
 * An access token, the instance it is valid for, and the identity URL ({@code …/id/<org id>/<user id>}, null
 * when the answer had none). {@link #toString()} hides the token.
 */
record SalesforceToken(String accessToken, URI instanceUrl, Instant issuedAt, String identityUrl) {

    /** The org id from the identity URL, or null when it names none. */
    String orgId() {
        if (identityUrl == null) {
            return null;
        }
        String[] parts = identityUrl.split("/");
        return parts.length >= 3 && "id".equals(parts[parts.length - 3]) ? parts[parts.length - 2] : null;
    }

    @Override
    public String toString() {
        return "SalesforceToken[instanceUrl=" + instanceUrl + ", issuedAt=" + issuedAt + "]";
    }
}
