package io.redflag.connector.session;

import java.net.URI;
import java.time.Instant;

/** An access token and the instance it is valid for. {@link #toString()} hides the token. */
record SalesforceToken(String accessToken, URI instanceUrl, Instant issuedAt) {

    @Override
    public String toString() {
        return "SalesforceToken[instanceUrl=" + instanceUrl + ", issuedAt=" + issuedAt + "]";
    }
}
