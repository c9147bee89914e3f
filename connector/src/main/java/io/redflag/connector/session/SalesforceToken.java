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
        return identityPart(2);
    }

    /** The id of the user the session acts as (the integration user), from the identity URL; null when none. */
    String userId() {
        return identityPart(1);
    }

    /** {@code …/id/<org id>/<user id>}: the part this far from the end, or null when the URL is not of that shape. */
    private String identityPart(int fromEnd) {
        if (identityUrl == null) {
            return null;
        }
        String[] parts = identityUrl.split("/");
        return parts.length >= 3 && "id".equals(parts[parts.length - 3]) ? parts[parts.length - fromEnd] : null;
    }

    @Override
    public String toString() {
        return "SalesforceToken[instanceUrl=" + instanceUrl + ", issuedAt=" + issuedAt + "]";
    }
}
