package io.redflag.connector.session;

/** The org refused the credentials, or could not be reached for a token. Carries no secret. */
public final class AuthenticationException extends RuntimeException {
    private final String error;

    AuthenticationException(String message, String error, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    static AuthenticationException refused(String loginUrl, String clientId, String error, String description) {
        return new AuthenticationException("Salesforce at " + loginUrl + " refused a token to client " + clientId
                + ": " + error + (description == null ? "" : " (" + description + ")"), error, null);
    }

    static AuthenticationException unreachable(String loginUrl, Throwable cause) {
        return new AuthenticationException("Could not get a token from " + loginUrl + ": " + cause.getMessage(),
                "unreachable", cause);
    }

    /** True when the org could not be reached for a token: worth trying again, unlike refused credentials. */
    public boolean isTransient() {
        return "unreachable".equals(error);
    }

    /** The OAuth error code (invalid_client, invalid_grant …), or "unreachable". */
    public String error() {
        return error;
    }
}
